// The project's static server (.ci/server.mjs), under hostile requests: it never redirects to
// another host, answers a malformed path with 400 and keeps serving, and sends each kind of
// file with its type (feeds as Atom), and CORS for embeds in sandboxed frames.
// Data-independent: it serves folders it writes itself, never a built site.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer } from '../.ci/server.mjs';

let server;
before(async () => {
  const dir = await mkdtemp(join(tmpdir(), 'sco-server-'));
  await mkdir(join(dir, 'card', 'x'), { recursive: true });
  await mkdir(join(dir, 'data'));
  // A folder named like a host: a path to it written with two leading slashes is where a
  // server that redirects to add the final slash would send the browser to that host.
  await mkdir(join(dir, 'evil.example', 'card'), { recursive: true });
  const files = {
    'index.html': '<!doctype html><title>root</title>',
    '404.html': '<!doctype html><title>missing</title>',
    'card/x/index.html': '<!doctype html><title>card</title>',
    'feed.xml': '<feed/>',
    'feed-archive-2.xml': '<feed/>',
    'sitemap.xml': '<urlset/>',
    'data/facts.csv': 'id\r\n',
    'data/facts.json': '{}',
  };
  for (const [name, body] of Object.entries(files)) await writeFile(join(dir, name), body);
  server = await startServer({ root: dir });
});
after(async () => { await server?.close(); });

/** A raw GET of `path` exactly as written (no URL normalising): { status, headers, body }. */
function get(path) {
  const { hostname, port } = new URL(server.origin);
  return new Promise((ok, fail) => {
    const req = request({ hostname, port, path, method: 'GET' }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c) => { body += c; });
      res.on('end', () => ok({ status: res.statusCode, headers: res.headers, body }));
    });
    req.on('error', fail);
    // A server that died on the request never answers: fail rather than wait forever.
    req.setTimeout(5000, () => req.destroy(new Error(`no answer to ${path}`)));
    req.end();
  });
}

test('a path that begins with two slashes is never a redirect to another host', async () => {
  for (const path of ['//evil.example/card', '///evil.example/card', '//evil.example/card?x=1']) {
    const res = await get(path);
    if (res.status >= 300 && res.status < 400) {
      const to = new URL(res.headers.location, server.origin);
      assert.equal(to.origin, server.origin, `${path} redirects to ${res.headers.location}`);
      assert.ok(!res.headers.location.startsWith('//'), res.headers.location);
    }
  }
  // The folder redirect itself still works, on this host.
  const folder = await get('/card/x');
  assert.equal(folder.status, 301);
  assert.equal(folder.headers.location, '/card/x/');
});

test('a malformed escape is a 400, and the server keeps serving', async () => {
  for (const path of ['/%', '/card/%E0%A4%A/', '/%zz']) {
    assert.equal((await get(path)).status, 400, path);
  }
  assert.equal((await get('/')).status, 200, 'still serving');
});

test('each kind of file goes with its type, and with CORS for sandboxed embeds', async () => {
  const cases = [
    ['/feed.xml', /^application\/atom\+xml/],
    ['/feed-archive-2.xml', /^application\/atom\+xml/],
    ['/sitemap.xml', /^application\/xml/],
    ['/data/facts.csv', /^text\/csv/],
    ['/data/facts.json', /^application\/json/],
    ['/card/x/', /^text\/html/],
  ];
  for (const [path, type] of cases) {
    const res = await get(path);
    assert.equal(res.status, 200, path);
    assert.match(res.headers['content-type'], type, path);
    assert.equal(res.headers['access-control-allow-origin'], '*', path);
  }
});
