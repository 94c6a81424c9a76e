/**
 * Scan (and optionally screenshot) every step of every scenario in the built app for label
 * problems (overlaps, small or clipped text), in English and Korean:
 *   npx tsx test/render/shots/app-scan.ts <baseUrl> <outDir> [WxH] [filter] [--shots] [--theme=light]
 * <baseUrl> is a `vite preview` of a build. Writes <outDir>/report.txt (and PNGs with --shots).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { launch } from '../../browser/lib/chromium.ts';
import { labelProblems, labelsAt } from '../../browser/lib/labels.ts';
import { SCENARIOS } from '../../../scenes/index.ts';

const [base, out, size, filter = '', ...flags] = process.argv.slice(2);
if (base === undefined || out === undefined) throw new Error('usage: app-scan.ts <baseUrl> <outDir> [WxH] [filter] [--shots]');
const [w, h] = (size ?? '1280x720').split('x').map(Number);
const shots = flags.includes('--shots');
const theme = flags.find((f) => f.startsWith('--theme='))?.slice(8) ?? 'dark';
const langs = flags.find((f) => f.startsWith('--langs='))?.slice(8).split(',') ?? ['en', 'ko'];
mkdirSync(out, { recursive: true });
const browser = await launch({ width: w ?? 1280, height: h ?? 720 });
const lines: string[] = [];
try {
  const page = await browser.context.newPage();
  page.on('pageerror', (e) => lines.push(`[pageerror] ${e.message}`));
  for (const lang of langs) {
    for (const id of SCENARIOS.map((s) => s.id).filter((s) => s.includes(filter))) {
      await page.goto(`${base}?scenario=${id}&lang=${lang}&theme=${theme}`);
      await page.waitForFunction(() => window.__kubedeck?.player() !== undefined, undefined, { timeout: 30_000 });
      await page.evaluate(async () => {
        await window.__kubedeck?.ready;
        await window.__kubedeck?.stage()?.ready();
        window.__kubedeck?.player()?.pause();
      });
      const steps = await page.evaluate(() => window.__kubedeck?.player()?.steps.map((s) => ({ id: s.id, start: s.start, end: s.end })) ?? []);
      for (const [i, st] of steps.entries()) {
        const span = Math.min(st.end - st.start, 6);
        for (const f of [0.1, 0.35, 0.6, 0.9]) {
          const t = st.start + span * f;
          const { labels, width, height } = await labelsAt(page, t);
          const problems = labelProblems(labels, width, height);
          for (const p of problems) lines.push(`${id} ${lang} s${i + 1}(${st.id}) t=${t.toFixed(2)} ${p.kind}: ${p.text}`);
          if (shots && f === 0.35) {
            await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
            await page.screenshot({ path: join(out, `${id}-${lang}-${theme}-s${String(i + 1).padStart(2, '0')}.png`) });
          }
        }
      }
      lines.push(`# ${id} ${lang}: ${steps.length} steps`);
    }
  }
} finally {
  await browser.close();
}
writeFileSync(join(out, 'report.txt'), `${lines.join('\n')}\n`);
console.log(lines.filter((l) => !l.startsWith('#')).length, 'problems; see', join(out, 'report.txt'));
