// Prints the bytes, gzip and brotli bytes of every file in a built site, and their totals.
// `node .ci/size-report.mjs DIR [--json]`; the benchmark and the size budget read the JSON form.

import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { brotliCompressSync, gzipSync, constants } from 'node:zlib';
import { pathToFileURL } from 'node:url';

async function* walk(dir) {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(path);
    else yield path;
  }
}

/** Sizes of every file under `dir`: [{ file, bytes, gzip, brotli }], sorted by name. */
export async function measure(dir) {
  const rows = [];
  for await (const path of walk(dir)) {
    const body = await readFile(path);
    rows.push({
      file: relative(dir, path),
      bytes: body.length,
      gzip: gzipSync(body, { level: 9 }).length,
      brotli: brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
    });
  }
  return rows.sort((a, b) => a.file.localeCompare(b.file));
}

export function total(rows) {
  return rows.reduce((t, r) => ({ bytes: t.bytes + r.bytes, gzip: t.gzip + r.gzip, brotli: t.brotli + r.brotli }),
    { bytes: 0, gzip: 0, brotli: 0 });
}

/** The app's code as shipped: the wasm (with the real data, which is small) and its JS glue. */
export function appCode(rows) {
  return total(rows.filter((r) => /^sco-explorer-[0-9a-f]+(\.js|_bg\.wasm)$/.test(r.file)));
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const dir = process.argv[2] ?? 'dist';
  const rows = await measure(dir);
  const check = process.argv.indexOf('--check');
  if (check > 0) {
    // Growth is a decision, not an accident: the committed limit is at most 10% above the
    // measured size, and raising it is a change someone reviews.
    const { gzip_max, measured_gzip } = JSON.parse(await readFile(process.argv[check + 1], 'utf8'));
    const code = appCode(rows);
    const ok = code.gzip <= gzip_max;
    const honest = gzip_max <= measured_gzip * 1.1;
    console.log(`app code (wasm + JS glue): ${code.gzip} bytes gzip; limit ${gzip_max} (set from ${measured_gzip}): ${ok ? 'within' : 'OVER'}`);
    if (!honest) console.log('the limit is more than 10% above the figure it was set from: lower it');
    process.exit(ok && honest ? 0 : 1);
  }
  if (process.argv.includes('--json')) {
    console.log(JSON.stringify({ files: rows, total: total(rows) }, null, 2));
  } else {
    const width = Math.max(20, ...rows.map((r) => r.file.length));
    const line = (name, r) => `${name.padEnd(width)} ${String(r.bytes).padStart(9)} ${String(r.gzip).padStart(9)} ${String(r.brotli).padStart(9)}`;
    console.log(`${'file'.padEnd(width)} ${'bytes'.padStart(9)} ${'gzip'.padStart(9)} ${'brotli'.padStart(9)}`);
    for (const r of rows) console.log(line(r.file, r));
    console.log(line('total', total(rows)));
  }
}
