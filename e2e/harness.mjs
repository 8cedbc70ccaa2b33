// Shared set-up for the browser tests: Debian's Chromium driven by playwright-core, the built
// site served on an ephemeral loopback port, and a record of console errors and failed requests.

import { after } from 'node:test';
import { chromium } from 'playwright-core';
import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer } from '../.ci/server.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
export const ROOT = resolve(HERE, '..');
/** The built site under test; `.ci/test` builds it and passes its path. */
export const SITE_DIR = resolve(process.env.SITE_DIR ?? join(ROOT, 'dist'));
/** The debug build of the hostile-input fixture (with test hooks); `.ci/test` builds it. */
export const FIXTURE_DIR = resolve(process.env.FIXTURE_DIR ?? join(ROOT, 'target/fixture-site'));
/** The many-sources fixture site (tests/fixtures/reports/, a debug build). */
export const REPORTS_DIR = resolve(process.env.REPORTS_DIR ?? join(ROOT, 'target/reports-site'));
/** Where screenshots go, so a person can look at what the tests saw (README says so). */
export const SHOTS = join(HERE, 'screenshots');

// Flags that work headless here as root; the networking ones stop Chromium from calling hosts
// that this closed network refuses.
const FLAGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

/**
 * Collects Content-Security-Policy violations in every page of the context, as
 * `window.__csp` (an array of "directive: blocked URI" strings).
 */
export async function watchCsp(context) {
  await context.addInitScript(() => {
    window.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(`${e.violatedDirective}: ${e.blockedURI}`));
  });
}

/**
 * Launches a persistent context (real profile dir: service workers and caches behave as for a
 * user). `fontSize` is the browser's default font size setting (Settings › Appearance), written
 * into the profile's preferences as the settings page writes it.
 */
export async function launch({ viewport = { width: 1280, height: 800 }, colorScheme = 'light', fontSize, ...rest } = {}) {
  const userDataDir = await mkdtemp(join(tmpdir(), 'sco-chromium-'));
  if (fontSize) {
    await mkdir(join(userDataDir, 'Default'), { recursive: true });
    const prefs = { webkit: { webprefs: { default_font_size: fontSize, default_fixed_font_size: Math.round(fontSize * 13 / 16) } } };
    await writeFile(join(userDataDir, 'Default', 'Preferences'), JSON.stringify(prefs));
  }
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: FLAGS,
    viewport,
    colorScheme,
    ...rest,
  });
  launched.push(context);
  return context;
}

/**
 * Every browser launched and every server started is closed when the test file ends, also
 * when a failed test left its own open (either would keep the test process, and the whole
 * run, waiting).
 */
const launched = [];
const started = [];
after(async () => {
  await Promise.all(launched.map((c) => c.close().catch(() => {})));
  await Promise.all(started.map((s) => s.close().catch(() => {})));
});

/** Serves the built site (or `root`) on 127.0.0.1 with an ephemeral port. */
export async function serve(opts = {}) {
  const server = await startServer({ root: SITE_DIR, port: 0, ...opts });
  started.push(server);
  return server;
}

/**
 * Opens a new page and records what a user would call breakage: console errors, uncaught
 * exceptions and failed or 4xx/5xx requests. `problems()` returns them as strings.
 */
export async function openPage(context) {
  const page = await context.newPage();
  const problems = [];
  page.on('console', (msg) => { if (msg.type() === 'error') problems.push(`console: ${msg.text()}`); });
  page.on('pageerror', (err) => problems.push(`exception: ${err.message}`));
  page.on('requestfailed', (req) => problems.push(`request failed: ${req.url()} ${req.failure()?.errorText ?? ''}`));
  page.on('response', (res) => { if (res.status() >= 400) problems.push(`HTTP ${res.status()}: ${res.url()}`); });
  page.problems = () => problems.slice();
  return page;
}

/**
 * Waits until the app has started: its first render is in the page and it has marked the page
 * live. (The search box alone says nothing: every published page has it before the app runs.)
 */
export async function appReady(page) {
  await page.waitForSelector('html[data-app="live"] main input[type="search"]', { state: 'attached', timeout: 15000 });
}

/** A new page of `context` at `url`, once the app has started there. */
export async function openApp(context, url) {
  const page = await openPage(context);
  await page.goto(url);
  await appReady(page);
  return page;
}

/**
 * Waits until the result list is drawn in full. A keystroke's frame draws the cards that fit
 * the screen and marks the list `aria-busy`; the rest follow when the browser is idle. Call it
 * after the wait for what an action changed, before reading the whole list.
 */
/** Waits until the result list and the filters' counts are drawn in full: while typing, both
 * wait for a pause (`aria-busy` until then). */
export async function listed(page) {
  await page.waitForFunction(() => !document.querySelector('#results [aria-busy="true"], .filters[aria-busy="true"]'));
}

/** Writes a full-page screenshot to e2e/screenshots/NAME.png (once any result list is drawn in full) and returns its path. */
export async function screenshot(page, name) {
  await listed(page);
  await mkdir(SHOTS, { recursive: true });
  const path = join(SHOTS, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

/**
 * `fresh` launches a browser and `served` starts a server, each closed when the test file ends,
 * also after a failed test (an open one would keep the test process alive).
 */
export function closing() {
  const open = [];
  after(async () => { for (const close of open.reverse()) await close(); });
  return {
    fresh: async (opts) => { const ctx = await launch(opts); open.push(() => ctx.close()); return ctx; },
    served: async (opts) => { const s = await serve(opts); open.push(() => s.close()); return s; },
  };
}

/** RFC 4180 records, as a spreadsheet reads them: quoted fields may hold commas, quotes and line breaks. */
export function parseCsv(text) {
  const rows = [['']];
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i], row = rows[rows.length - 1];
    if (c === '"' && quoted && text[i + 1] === '"') { row[row.length - 1] += '"'; i++; }
    else if (c === '"') quoted = !quoted;
    else if (c === ',' && !quoted) row.push('');
    else if (c === '\r' && !quoted && text[i + 1] === '\n') { rows.push(['']); i++; }
    else row[row.length - 1] += c;
  }
  if (rows.at(-1).length === 1 && rows.at(-1)[0] === '') rows.pop();
  return rows;
}

/**
 * The day each document counts from, from a build's data/documents.csv: the first day of its
 * written date, or of its page date when that is all it gives (null: neither).
 */
export async function documentDays(dir = REPORTS_DIR) {
  const csv = (await readFile(join(dir, 'data', 'documents.csv'), 'utf8')).replace(/^\uFEFF/, '');
  const [head, ...rows] = parseCsv(csv);
  const [at, page] = [head.indexOf('written'), head.indexOf('page_date')];
  return new Map(rows.map((r) => {
    const first = (r[at] || r[page] || '').split('..')[0];
    const [y, m = '01', d = '01'] = first.split('-');
    return [r[0], first ? `${y}-${m}-${d}` : null];
  }));
}

export const dayBefore = (iso) => new Date(Date.parse(`${iso}T00:00:00Z`) - 86400000).toISOString().slice(0, 10);
