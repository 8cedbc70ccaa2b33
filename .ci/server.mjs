// A small static file server for the built site, used by `.ci/serve` and by the browser tests.
// It serves one folder under an optional base path, with the MIME types a wasm site needs, and
// can switch folders while running (the tests use that to ship a "new release" in place).
//
// What a hostile request cannot do: make it redirect to another host (a path that starts with
// `//` would be read by the browser as a host), crash it with a malformed escape (`/%`), or
// read outside its folder. It sends feeds as Atom, other XML as XML, CSV and JSON as such, and
// `Access-Control-Allow-Origin: *` on what it serves, as GitHub Pages does: an embed in a
// sandboxed `<iframe>` (an opaque origin) loads the app's script, wasm and stylesheet only so.

import { createServer } from 'node:http';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
};

/** The type of a file: by its extension, a feed (`feed.xml`, its archives) as Atom. */
export function typeOf(file) {
  const name = file.split(/[\\/]/).pop() ?? '';
  if (/^feed(-archive-\d+)?\.xml$/.test(name)) return 'application/atom+xml; charset=utf-8';
  return TYPES[extname(file)] ?? 'application/octet-stream';
}

/** Types worth compressing; images and fonts already are. */
const COMPRESSIBLE = /^(text\/|application\/(wasm|json|manifest\+json|xml|atom\+xml)|image\/svg)/;

/** Compressed bodies, by encoding and file, so each file is compressed once. */
const compressed = new Map();

function encode(file, mtime, body, encoding) {
  const key = `${encoding}:${file}:${mtime}`;
  if (!compressed.has(key)) {
    compressed.set(key, encoding === 'br'
      ? brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 9 } })
      : gzipSync(body, { level: 9 }));
  }
  return compressed.get(key);
}

/**
 * Starts serving `root` at http://127.0.0.1:`port``base`. Port 0 picks a free one; `cors`
 * false leaves out `Access-Control-Allow-Origin`, as some hosts do.
 * Returns { url, origin, setRoot(dir), close(), requests } where `requests` logs every path asked for.
 */
export async function startServer({ root, port = 0, base = '/', cors = true } = {}) {
  let dir = resolve(root);
  if (!base.startsWith('/')) base = '/' + base;
  if (!base.endsWith('/')) base += '/';
  const requests = [];
  const server = createServer(async (req, res) => {
    let path;
    try {
      // The path as sent, doubled slashes collapsed: parsed as a URL, `//evil.example/card`
      // would lose its first part to a host.
      path = decodeURIComponent(req.url.split(/[?#]/)[0].replace(/\/{2,}/g, '/'));
    } catch {
      // A malformed escape (`/%`, `/card/%E0%A4%A/`) names no file: say so, and keep serving.
      res.writeHead(400, { 'content-type': 'text/plain; charset=utf-8' }).end('bad request: malformed path');
      return;
    }
    requests.push(path);
    if (!path.startsWith(base)) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not under ' + base);
      return;
    }
    let rel = path.slice(base.length) || 'index.html';
    if (rel.endsWith('/')) rel += 'index.html';
    let file = normalize(join(dir, rel));
    if (file !== dir && !file.startsWith(dir + sep)) {
      res.writeHead(403).end();
      return;
    }
    let status = 200;
    try {
      let info = await stat(file).catch(() => null);
      // A folder asked for without its final slash is redirected to it, as static hosts do.
      if (info?.isDirectory() && !path.endsWith('/')) {
        const [bare, query] = req.url.split(/\?(.*)/s);
        // Doubled slashes collapsed, so the location is a path on this host: `//evil.example/x`
        // would be read by the browser as another host.
        const here = bare.replace(/\/{2,}/g, '/');
        res.writeHead(301, { location: `${here}/${query ? `?${query}` : ''}` }).end();
        return;
      }
      // A path with no file gets the site's 404.html, when it has one, as static hosts do.
      if (!info?.isFile()) {
        file = join(dir, '404.html');
        info = await stat(file);
        status = 404;
      }
      let body = await readFile(file);
      const type = typeOf(file);
      // Compressed as any real static host would serve it.
      const accepts = String(req.headers['accept-encoding'] ?? '');
      const encoding = !COMPRESSIBLE.test(type) ? null : /\bbr\b/.test(accepts) ? 'br' : /\bgzip\b/.test(accepts) ? 'gzip' : null;
      if (encoding) body = encode(file, info.mtimeMs, body, encoding);
      res.writeHead(status, {
        'content-type': type,
        'content-length': body.length,
        ...(encoding ? { 'content-encoding': encoding } : {}),
        vary: 'accept-encoding',
        // Every asset but the entry points has a content hash in its name; the service worker
        // does the caching, so the server keeps things simple and never lets a stale copy win.
        'cache-control': 'no-cache',
        // Public files, fetched by embeds in sandboxed frames (an opaque origin) too. The
        // tests turn it off to play a host that does not send it.
        ...(cors ? { 'access-control-allow-origin': '*' } : {}),
      });
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
  });
  await new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(port, '127.0.0.1', ok);
  });
  const origin = `http://127.0.0.1:${server.address().port}`;
  return {
    origin,
    url: origin + base,
    requests,
    setRoot(next) { dir = resolve(next); },
    close: () => new Promise((ok) => { server.closeAllConnections?.(); server.close(() => ok()); }),
  };
}

// `node .ci/server.mjs --root dist [--port 8080] [--base /]` serves until interrupted.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const args = Object.fromEntries(
    process.argv.slice(2).reduce((acc, a, i, all) => (a.startsWith('--') ? [...acc, [a.slice(2), all[i + 1]]] : acc), []),
  );
  const server = await startServer({ root: args.root ?? 'dist', port: Number(args.port ?? 8080), base: args.base ?? '/' });
  console.log(`Serving ${args.root ?? 'dist'} at ${server.url}  (Ctrl-C to stop)`);
}
