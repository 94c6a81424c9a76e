// The texts a trace brings, for its font subsets: each once, the Korean labels only for Korean,
// and made once per trace and language (asked before its first draw and again once it is loaded).
import { describe, expect, it } from 'vitest';
import { findScenario } from '../../scenes/index.ts';
import { runScenario } from '../../src/sim/run.ts';
import { traceTexts } from '../../src/render/trace-texts.ts';

const def = findScenario('pod-creation');
if (!def) throw new Error('no pod-creation');
const trace = runScenario(def);

describe('traceTexts', () => {
  it('holds the activity labels (Korean only for Korean), message actions and ends, object refs; each once', () => {
    const en = traceTexts(trace, 'en');
    const ko = traceTexts(trace, 'ko');
    const activity = trace.events.find((e) => e.kind === 'activity');
    const message = trace.events.find((e) => e.kind === 'message');
    if (activity?.kind !== 'activity' || message?.kind !== 'message') throw new Error('no activity or message');
    expect(en).toContain(activity.label.en);
    expect(en).not.toContain(activity.label.ko);
    expect(ko).toContain(activity.label.ko);
    expect(en).toEqual(expect.arrayContaining([message.action, message.from, message.to]));
    expect(new Set(en).size).toBe(en.length);
  });

  it('is made once per trace and language', () => {
    expect(traceTexts(trace, 'ko')).toBe(traceTexts(trace, 'ko'));
    expect(traceTexts(trace, 'en')).not.toBe(traceTexts(trace, 'ko'));
  });
});
