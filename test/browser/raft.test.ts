/**
 * etcd-ha on stage: at every step each member's panel (stage.objects() kind 'etcd-member') shows
 * the term, last log index and commit index the trace holds at that moment, a candidate shows its
 * tally, and every token stays on the canvas. English and Korean at 1280x720.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { etcdHa } from '../../scenes/etcd-ha.ts';
import { runScenario } from '../../src/sim/run.ts';
import type { RaftState } from '../../src/sim/trace.ts';
import { buildSchedule, eventCountAt } from '../../src/timeline/schedule.ts';
import { stateAt } from '../../src/timeline/state.ts';
import { launch, type Browser } from './lib/chromium.ts';
import { openApp, type AppPage } from './lib/app-page.ts';

const base = inject('baseUrl');
let browser: Browser;
let app: AppPage;

beforeAll(async () => {
  browser = await launch({ width: 1280, height: 720, locale: 'en-US' });
  app = await openApp(browser.context, `${base}?scenario=etcd-ha&lang=en&theme=dark`);
});
afterAll(async () => {
  await browser.close();
});

interface Drawn {
  readonly kind: string;
  readonly name: string;
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}
interface Label {
  readonly text: string;
  readonly owner: string;
}

/** Renders presentation time t; returns what is drawn, the texts and the canvas size. */
function frameAt(t: number): Promise<{ objects: Drawn[]; labels: Label[]; width: number; height: number }> {
  return app.page.evaluate((time) => {
    const stage: unknown = window.__kubedeck?.stage();
    const s = stage as { renderFrameAt(t: number): void; objects(): Drawn[]; labels(): Label[]; canvas: HTMLCanvasElement };
    s.renderFrameAt(time);
    const r = s.canvas.getBoundingClientRect();
    return { objects: s.objects(), labels: s.labels().map((l) => ({ text: l.text, owner: l.owner })), width: r.width, height: r.height };
  }, t);
}

const trace = runScenario(etcdHa);
const schedule = buildSchedule(trace);

const expectedTexts = (st: RaftState, lang: 'en' | 'ko'): string[] =>
  lang === 'ko' ? [`임기 ${st.term}`, `로그 ${st.lastIndex} · 커밋 ${st.commitIndex}`] : [`term ${st.term}`, `log ${st.lastIndex} · commit ${st.commitIndex}`];

describe('etcd-ha: raft state on stage', () => {
  it('plays the same steps as the trace computed here', async () => {
    const starts = await app.page.evaluate(() => window.__kubedeck?.player()?.steps.map((s) => s.start) ?? []);
    expect(starts.map((x) => x.toFixed(3))).toEqual(schedule.steps.map((s) => s.start.toFixed(3)));
  });

  it.each(['en', 'ko'] as const)('every member shows the trace’s term, log and commit at each step, and tokens stay on the canvas (%s)', async (lang) => {
    const { page } = app;
    if (lang === 'ko') await page.click('[data-lang=ko]');
    await page.evaluate(async () => {
      window.__kubedeck?.player()?.pause();
      await window.__kubedeck?.stage()?.ready();
    });
    const problems: string[] = [];
    let candidatesSeen = 0;
    let tokensSeen = 0;
    for (const [i, step] of schedule.steps.entries()) {
      for (const f of [0.2, 0.6, 0.95]) {
        const t = step.start + (step.end - step.start) * f;
        const raft = stateAt(trace, { eventCount: eventCountAt(schedule, t) }).raft;
        const frame = await frameAt(t);
        const members = frame.objects.filter((o) => o.kind === 'etcd-member');
        expect(members.map((m) => m.name).sort(), `step ${i + 1}`).toEqual([...raft.keys()].map((k) => k.slice('etcd/'.length)).sort());
        for (const [id, st] of raft) {
          const name = id.slice('etcd/'.length);
          const texts = frame.labels.filter((l) => l.owner === `etcd-member/${name}`).map((l) => l.text);
          // A pre-candidate's term row goes on with its role ("term 1 · pre-candidate").
          for (const want of expectedTexts(st, lang)) if (!texts.some((x) => x === want || x.startsWith(`${want} · `))) problems.push(`step ${i + 1} t=${t.toFixed(2)} ${name}: wants "${want}", shows ${JSON.stringify(texts)}`);
          if (st.role === 'candidate') {
            candidatesSeen++;
            const tally = lang === 'ko' ? `득표 ${st.votes?.length ?? 0}/${st.members}` : `${st.votes?.length ?? 0}/${st.members} votes`;
            if (!texts.some((x) => x.startsWith(tally))) problems.push(`step ${i + 1} ${name}: candidate without tally "${tally}": ${JSON.stringify(texts)}`);
          }
        }
        for (const tok of frame.objects.filter((o) => o.kind === 'token')) {
          tokensSeen++;
          if (tok.x < -0.5 || tok.y < -0.5 || tok.x + tok.w > frame.width + 0.5 || tok.y + tok.h > frame.height + 0.5) problems.push(`step ${i + 1} t=${t.toFixed(2)}: token off the canvas at ${tok.x.toFixed(0)},${tok.y.toFixed(0)}`);
        }
      }
    }
    expect(problems).toEqual([]);
    expect(candidatesSeen).toBeGreaterThan(0);
    expect(tokensSeen).toBeGreaterThan(10);
    expect(app.errors).toEqual([]);
  });
});
