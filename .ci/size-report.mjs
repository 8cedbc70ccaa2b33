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

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const dir = process.argv[2] ?? 'dist';
  const rows = await measure(dir);
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
