/**
 * `npm run bench:breakdown`: where the bytes of the first load go. Builds the app with source maps,
 * opens the default view (/, or BENCH_URL_QUERY e.g. '?scenario=node-failure') in headless
 * Chromium, takes the scripts it requested before its first frame (as `npm run bench` counts
 * initial JS) and maps each chunk's bytes back to source modules.
 *
 * Prints per chunk raw and gzip bytes, then per group (npm package, or folder under src/ and
 * scenes/) and per module. A module's gzip is its own bytes gzipped alone, scaled so a chunk's
 * modules add up to the chunk's gzip: an estimate, good for ranking. BENCH_TOP=n modules (40).
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { launch } from '../test/browser/lib/chromium.ts';
import { REPO, serveStatic, viteBuild } from '../test/browser/lib/server.ts';
import { bytesBySource, groupOf, UNMAPPED, type SourceMapV3 } from './lib/source-map-bytes.ts';
import { fmt } from './lib/stats.ts';

const QUERY = process.env['BENCH_URL_QUERY'] ?? '';
const TOP = Number(process.env['BENCH_TOP'] ?? 40);

const gz = (text: string | Buffer): number => gzipSync(text, { level: 9 }).length;
const kb = (n: number): string => fmt(n / 1024).padStart(7);

interface Row {
  name: string;
  raw: number;
  gzip: number;
}

async function initialScripts(dir: string): Promise<string[]> {
  const server = await serveStatic(dir);
  const browser = await launch({ width: 1280, height: 720 });
  try {
    const page = await browser.context.newPage();
    await page.goto(`${server.url}${QUERY}`);
    await page.waitForFunction(() => performance.getEntriesByName('kubedeck:first-frame').length > 0, undefined, { timeout: 60_000 });
    return await page.evaluate(() => {
      const by = performance.getEntriesByName('kubedeck:first-frame')[0]?.startTime ?? 0;
      return performance
        .getEntriesByType('resource')
        .filter((e) => e.startTime <= by && new URL(e.name).pathname.endsWith('.js'))
        .map((e) => new URL(e.name).pathname);
    });
  } finally {
    await browser.close();
    await server.close();
  }
}

function table(title: string, rows: readonly Row[], top = rows.length): void {
  console.log('');
  console.log(title);
  console.log(`  ${'gzip KB'.padStart(7)} ${'raw KB'.padStart(7)}  name`);
  for (const r of [...rows].sort((a, b) => b.gzip - a.gzip).slice(0, top)) console.log(`  ${kb(r.gzip)} ${kb(r.raw)}  ${r.name}`);
  if (rows.length > top) console.log(`  ... ${rows.length - top} more`);
}

async function main(): Promise<void> {
  const work = mkdtempSync(join(tmpdir(), 'kubedeck-breakdown-'));
  try {
    viteBuild(work, ['--sourcemap']);
    const paths = await initialScripts(work);
    const chunks: Row[] = [];
    const modules = new Map<string, Row>();
    /** Per chunk, its bytes per package or folder (which code shares a chunk). */
    const chunkGroups = new Map<string, Map<string, Row>>();
    for (const path of paths) {
      const file = join(work, path.replace(/^\//, ''));
      const code = readFileSync(file, 'utf8').replace(/\n\/\/# sourceMappingURL=.*\s*$/, '');
      const chunk: Row = { name: path.replace(/^\//, ''), raw: Buffer.byteLength(code), gzip: gz(code) };
      chunks.push(chunk);
      if (!existsSync(`${file}.map`)) continue;
      const map = JSON.parse(readFileSync(`${file}.map`, 'utf8')) as SourceMapV3;
      const parts = [...bytesBySource(code, map)].map(([source, { bytes, text }]) => ({ source, bytes, alone: gz(text.join('')) }));
      const aloneSum = parts.reduce((s, p) => s + p.alone, 0);
      for (const p of parts) {
        const name = p.source === UNMAPPED ? p.source : relative(REPO, resolve(dirname(file), p.source));
        const row = modules.get(name) ?? { name, raw: 0, gzip: 0 };
        row.raw += p.bytes;
        row.gzip += (p.alone / Math.max(1, aloneSum)) * chunk.gzip;
        modules.set(name, row);
        const inChunk = chunkGroups.get(chunk.name) ?? new Map<string, Row>();
        const group = inChunk.get(groupOf(name)) ?? { name: groupOf(name), raw: 0, gzip: 0 };
        group.raw += p.bytes;
        group.gzip += (p.alone / Math.max(1, aloneSum)) * chunk.gzip;
        inChunk.set(group.name, group);
        chunkGroups.set(chunk.name, inChunk);
      }
    }
    const groups = new Map<string, Row>();
    for (const m of modules.values()) {
      const name = groupOf(m.name);
      const row = groups.get(name) ?? { name, raw: 0, gzip: 0 };
      row.raw += m.raw;
      row.gzip += m.gzip;
      groups.set(name, row);
    }
    const total = chunks.reduce((s, c) => ({ raw: s.raw + c.raw, gzip: s.gzip + c.gzip }), { raw: 0, gzip: 0 });
    console.log(`initial JS of /${QUERY}: ${fmt(total.gzip / 1024)} KB gzip (${fmt(total.raw / 1024)} KB raw) in ${chunks.length} files, requested before the first frame`);
    console.log('(gzip level 9 per file, as `npm run bench` counts it; per module: an estimate, see bench/breakdown.ts)');
    table('chunks', chunks);
    table('by package / folder', [...groups.values()]);
    table(`modules (top ${TOP})`, [...modules.values()], TOP);
    for (const chunk of [...chunks].sort((a, b) => b.gzip - a.gzip).filter((c) => c.gzip >= 1024)) {
      table(`${chunk.name}: by package / folder`, [...(chunkGroups.get(chunk.name)?.values() ?? [])]);
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

await main();
