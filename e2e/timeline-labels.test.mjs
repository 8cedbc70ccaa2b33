// The timeline can be read without hovering: every text it draws is whole or shortened on
// purpose, never runs into a lane name or off the chart, and meets WCAG AA (4.5:1) against
// the pixels really under it, at phone, tablet and desktop widths in both themes. axe does not
// check SVG text over fills, so this test measures it from screenshots.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, serve, openPage, appReady, screenshot } from './harness.mjs';

let server;
before(async () => { server = await serve(); });
after(async () => { await server?.close(); });

const WIDTHS = [360, 768, 1280];
const SCHEMES = ['light', 'dark'];

/** Every text drawn in the charts with its box, relative to its chart. */
async function texts(page) {
  return page.evaluate(() => [...document.querySelectorAll('svg.chart')].map((svg, chart) => {
    const o = svg.getBoundingClientRect();
    return [...svg.querySelectorAll('text')]
      .filter((t) => t.textContent.trim() && !t.closest('.tooltip'))
      .map((t) => {
        const r = t.getBoundingClientRect();
        return { chart, text: t.textContent, x: r.left - o.left, y: r.top - o.top, w: r.width, h: r.height };
      });
  }));
}

/**
 * For each text box: the most common colour under it with the texts hidden (what lies under
 * it), the colour of its most contrasting glyph pixel with the texts shown, and their WCAG
 * contrast ratio. Decoded in a blank page, which has no CSP.
 */
async function contrasts(decoder, shown, hidden, boxes) {
  return decoder.evaluate(async ({ shown, hidden, boxes }) => {
    const pixels = async (b64) => {
      const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
      const bmp = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
      const c = new OffscreenCanvas(bmp.width, bmp.height);
      const g = c.getContext('2d');
      g.drawImage(bmp, 0, 0);
      return g.getImageData(0, 0, bmp.width, bmp.height);
    };
    const [a, b] = [await pixels(shown), await pixels(hidden)];
    const lum = ([r, g, bl]) => {
      const f = (v) => { v /= 255; return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
      return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(bl);
    };
    const ratio = (p, q) => { const [x, y] = [lum(p), lum(q)].sort((m, n) => n - m); return (x + 0.05) / (y + 0.05); };
    const at = (img, x, y) => { const i = (y * img.width + x) * 4; return [img.data[i], img.data[i + 1], img.data[i + 2]]; };
    return boxes.map((box) => {
      const x0 = Math.max(0, Math.floor(box.x)), y0 = Math.max(0, Math.floor(box.y));
      const x1 = Math.min(a.width, Math.ceil(box.x + box.w)), y1 = Math.min(a.height, Math.ceil(box.y + box.h));
      const counts = new Map();
      for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) {
        const k = at(b, x, y).join(',');
        counts.set(k, (counts.get(k) ?? 0) + 1);
      }
      const bg = [...counts].sort((m, n) => n[1] - m[1])[0]?.[0].split(',').map(Number);
      if (!bg) return { ...box, ratio: 0, why: 'outside the chart' };
      let best = 1, fg = bg;
      for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) {
        const p = at(a, x, y), q = at(b, x, y);
        if (Math.abs(p[0] - q[0]) + Math.abs(p[1] - q[1]) + Math.abs(p[2] - q[2]) < 30) continue;
        const r = ratio(p, bg);
        if (r > best) { best = r; fg = p; }
      }
      return { ...box, ratio: best, fg: fg.join(','), bg: bg.join(',') };
    });
  }, { shown, hidden, boxes });
}

/** Texts that collide with a lane name or pass the chart's right edge. */
async function clashes(page) {
  return page.evaluate(() => {
    const out = [];
    for (const svg of document.querySelectorAll('svg.chart')) {
      const edge = svg.getBoundingClientRect().right;
      const names = [...svg.querySelectorAll('.lane-name, .lane-note')].map((t) => t.getBoundingClientRect());
      for (const t of svg.querySelectorAll('.mark-label, .axis text')) {
        if (!t.textContent) continue;
        const r = t.getBoundingClientRect();
        if (r.right > edge + 1) out.push(`${t.textContent} passes the edge by ${Math.round(r.right - edge)}px`);
        for (const n of names) {
          if (r.left < n.right - 1 && n.left < r.right - 1 && r.top < n.bottom - 1 && n.top < r.bottom - 1) out.push(`${t.textContent} overlaps a lane name`);
        }
      }
    }
    return out;
  });
}

for (const scheme of SCHEMES) {
  test(`every timeline text is readable at 360, 768 and 1280 px (${scheme})`, async (t) => {
    for (const width of WIDTHS) {
      const ctx = await launch({ viewport: { width, height: 1000 }, colorScheme: scheme });
      // A failed assertion must not leave the browser open (the run would never end).
      t.after(() => ctx.close());
      const decoder = await ctx.newPage();
      for (const [name, hash] of [['all', '#view=timeline'], ['2015-2021', '#view=timeline&t=2015-01-01..2021-01-01']]) {
        const page = await openPage(ctx);
        await page.goto(server.url + hash);
        await appReady(page);
        await page.locator('svg.events a.mark').first().waitFor();
        const where = `${name} at ${width}px, ${scheme}`;
        assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), `no horizontal scroll: ${where}`);
        assert.deepEqual(await clashes(page), [], where);
        await screenshot(page, `timeline-${name}-${width}-${scheme}`);
        const boxes = await texts(page);
        const charts = page.locator('svg.chart');
        for (let i = 0; i < boxes.length; i++) {
          const shown = (await charts.nth(i).screenshot()).toString('base64');
          await page.evaluate((n) => { for (const t of document.querySelectorAll('svg.chart')[n].querySelectorAll('text')) t.style.visibility = 'hidden'; }, i);
          const hidden = (await charts.nth(i).screenshot()).toString('base64');
          await page.evaluate((n) => { for (const t of document.querySelectorAll('svg.chart')[n].querySelectorAll('text')) t.style.visibility = ''; }, i);
          const poor = (await contrasts(decoder, shown, hidden, boxes[i]))
            .filter((r) => r.ratio < 4.5)
            .map((r) => `"${r.text}" ${r.ratio.toFixed(2)}:1 (text ${r.fg} on ${r.bg})`);
          assert.deepEqual(poor, [], `labels under 4.5:1, ${where}`);
        }
        assert.deepEqual(page.problems(), []);
        await page.close();
      }
    }
  });
}
