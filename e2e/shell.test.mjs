// The page loads cleanly and renders its shell: the first thing any user sees.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, serve, openPage, appReady, screenshot } from './harness.mjs';

let server, context;
before(async () => { server = await serve(); context = await launch(); });
after(async () => { await context?.close(); await server?.close(); });

test('the page loads with no console errors and no failed requests', async () => {
  const page = await openPage(context);
  await page.goto(server.url);
  await appReady(page);
  await page.waitForLoadState('networkidle');
  assert.deepEqual(page.problems(), []);
  await page.close();
});

test('the shell has a main landmark and a labelled search box', async () => {
  const page = await openPage(context);
  await page.goto(server.url);
  await appReady(page);
  assert.equal(await page.locator('main').count(), 1);
  const box = page.getByRole('searchbox', { name: /search/i });
  assert.equal(await box.count(), 1, 'one search box whose accessible name comes from its label');
  assert.equal(await box.getAttribute('type'), 'search');
  assert.equal(await page.title(), 'SCO defence cooperation explorer');
  await screenshot(page, 'shell-1280');
  await page.close();
});
