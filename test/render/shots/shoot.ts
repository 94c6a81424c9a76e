/**
 * Screenshots of the stage in headless Chromium, for looking at the picture while developing:
 *   npx tsx test/render/shots/shoot.ts [outDir] [filter]
 * Starts a Vite dev server on this folder (127.0.0.1, a free port), renders deterministic frames
 * with stage.renderFrameAt(t) and writes PNGs.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launch } from '../../browser/lib/chromium.ts';
import { createServer } from 'vite';

interface Shot {
  readonly name: string;
  readonly query: string;
  readonly w: number;
  readonly h: number;
  /** Step index, and seconds after its start. */
  readonly step: number;
  readonly after: number;
}

const out = process.argv[2] ?? '/tmp/kd-shots';
const filter = process.argv[3] ?? '';
mkdirSync(out, { recursive: true });

const shots: Shot[] = [];
// The real scenarios: every step of each, in the dark and light themes.
for (const scenario of ['pod-creation', 'node-failure']) {
  for (const theme of ['dark', 'light']) {
    for (let step = 0; step < 14; step++) shots.push({ name: `${scenario}-${theme}-s${step}`, query: `scenario=${scenario}&theme=${theme}`, w: 1280, h: 720, step, after: 0.9 });
  }
}
shots.push({ name: 'pod-creation-contrast-s5', query: 'scenario=pod-creation&theme=contrast', w: 1280, h: 720, step: 5, after: 1.2 });
shots.push({ name: 'node-failure-contrast-s4', query: 'scenario=node-failure&theme=contrast', w: 1280, h: 720, step: 4, after: 1.0 });
shots.push({ name: 'pod-creation-dark-1024x768-s6', query: 'scenario=pod-creation&theme=dark', w: 1024, h: 768, step: 6, after: 1.2 });
shots.push({ name: 'node-failure-light-1024x768-s7', query: 'scenario=node-failure&theme=light', w: 1024, h: 768, step: 7, after: 1.5 });
shots.push({ name: 'pod-creation-ko-s1', query: 'scenario=pod-creation&theme=dark&lang=ko', w: 1280, h: 720, step: 1, after: 0.8 });
shots.push({ name: 'sample-8nodes-s4', query: 'scenario=sample&theme=dark&nodes=8', w: 1280, h: 720, step: 4, after: 3.0 });
shots.push({ name: 'sample-1node-light', query: 'scenario=sample&theme=light&nodes=1', w: 1280, h: 720, step: 2, after: 0.4 });
shots.push({ name: 'narrow-720x900', query: 'scenario=pod-creation&theme=dark', w: 720, h: 900, step: 9, after: 0.5 });
shots.push({ name: 'phone-390x700', query: 'scenario=pod-creation&theme=light', w: 390, h: 700, step: 9, after: 0.5 });
shots.push({ name: 'wide-1920x1080', query: 'scenario=node-failure&theme=dark', w: 1920, h: 1080, step: 8, after: 1.0 });
for (const scenario of ['etcd-ha', 'static-pods', 'scheduler-decision', 'replicaset-self-healing', 'rolling-update', 'daemonset', 'node-drain', 'kubectl-get', 'etcd-backup-restore']) {
  for (const step of [1, 3, 5, 7]) shots.push({ name: `${scenario}-dark-s${step}`, query: `scenario=${scenario}&theme=dark`, w: 1280, h: 720, step, after: 1.0 });
}
shots.push({ name: 'reduced-motion-s3', query: 'scenario=pod-creation&theme=light&reduced=1', w: 1280, h: 720, step: 3, after: 0.2 });
for (const step of [2, 4, 6, 7]) shots.push({ name: `scheduler-decision-light-1024-s${step}`, query: 'scenario=scheduler-decision&theme=light', w: 1024, h: 768, step, after: 1.2 });
shots.push({ name: 'canvas-renderer', query: 'scenario=pod-creation&theme=dark&renderer=canvas', w: 1280, h: 720, step: 5, after: 1.2 });

const root = fileURLToPath(new URL('.', import.meta.url));
const server = await createServer({ configFile: join(root, 'vite.config.ts'), server: { port: 0, host: '127.0.0.1' } });
await server.listen();
const address = server.httpServer?.address();
const port = typeof address === 'object' && address !== null ? address.port : 0;
const browser = await launch({ width: 1920, height: 1200 });
const ctx = browser.context;
try {
  const page = ctx.pages()[0] ?? (await ctx.newPage());
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') errors.push(`${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  let lastQuery = '';
  for (const s of shots) {
    if (filter !== '' && !s.name.includes(filter)) continue;
    const query = `${s.query}&w=${s.w}&h=${s.h}`;
    if (query !== lastQuery) {
      await page.setViewportSize({ width: s.w, height: s.h });
      await page.goto(`http://127.0.0.1:${port}/index.html?${query}`);
      await page.waitForFunction(() => window.kd !== undefined || window.kdError !== undefined, undefined, { timeout: 30_000 });
      const err = await page.evaluate(() => window.kdError);
      if (err !== undefined) throw new Error(err);
      lastQuery = query;
    }
    const info = await page.evaluate(
      async ({ step, after }) => {
        const kd = window.kd;
        if (!kd) return 'no stage';
        const st = kd.player.steps[step];
        if (st === undefined) return 'skip';
        const t = Math.min(st.end - 0.01, st.start + after);
        kd.stage.renderFrameAt(t);
        await kd.stage.ready();
        kd.stage.renderFrameAt(t);
        return `${kd.stage.rendererName} t=${t.toFixed(2)} step=${kd.player.getState().step} sim=${kd.player.getState().simTime.toFixed(0)}`;
      },
      { step: s.step, after: s.after },
    );
    if (info === 'skip') continue;
    await page.locator('#host').screenshot({ path: join(out, `${s.name}.png`) });
    console.log(`${s.name}: ${info}`);
  }
  if (errors.length > 0) console.log(`console:\n${errors.join('\n')}`);
} finally {
  await browser.close();
  await server.close();
}
