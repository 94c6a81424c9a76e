/** When a file's steps start: `after` on the simulated clock, `until` on trace events, `finish`. */
import { describe, expect, it } from 'vitest';
import { loadStoryOrThrow } from '../../../src/model/story/load.ts';
import { runScenario } from '../../../src/sim/run.ts';
import { compileStory } from '../../../src/sim/story/compile.ts';
import type { Trace } from '../../../src/sim/trace.ts';

const HEAD = `apiVersion: kubedeck.dev/v1alpha1
kind: Scenario
id: timing
title: { en: T, ko: 제목 }
summary: { en: S, ko: 요약 }
cluster:
  nodes: [{ name: worker-1 }, { name: worker-2 }]
`;

const run = (text: string): Trace => runScenario(compileStory(loadStoryOrThrow(`${HEAD}${text}`, 'timing.yaml')));
const stepsOf = (trace: Trace): [string, number][] => trace.events.flatMap((e) => (e.kind === 'step' ? [[e.id, e.t] as [string, number]] : []));

describe('step timing', () => {
  it('after: simulated ms after the previous step', () => {
    const trace = run(`steps:\n  - { id: a, after: 500ms, caption: { en: A, ko: 가 } }\n  - { id: b, after: 1m, caption: { en: B, ko: 나 } }\n  - { id: c, caption: { en: C, ko: 다 } }\n`);
    expect(stepsOf(trace)).toEqual([['a', 500], ['b', 60_500], ['c', 60_500]]);
  });

  it('a first step with no wait runs once the cluster has started, and its commands act', () => {
    const trace = run(`steps:\n  - id: a\n    caption: { en: A, ko: 가 }\n    commands: [kubectl create deployment web --image=nginx:1.27 --replicas=2]\n  - id: b\n    until: { settled: { deployment: web, replicas: 2 } }\n    caption: { en: B, ko: 나 }\n`);
    const steps = stepsOf(trace);
    expect(steps[0]).toEqual(['a', 0]);
    expect(steps[1]?.[0]).toBe('b');
    expect(steps[1]?.[1]).toBeGreaterThan(1000);
    const firstStep = trace.events.findIndex((e) => e.kind === 'step');
    const post = trace.events.findIndex((e) => e.kind === 'message' && e.action === 'POST deployment');
    expect(post).toBeGreaterThan(firstStep);
  });

  it('until, then after; finish waits the same way before the end', () => {
    const trace = run(
      `steps:\n  - id: cordon\n    after: 1s\n    caption: { en: A, ko: 가 }\n    commands: [kubectl cordon worker-2]\n  - id: tainted\n    until: { taint: { node: worker-2, key: node.kubernetes.io/unschedulable } }\n    after: 2s\n    caption: { en: B, ko: 나 }\nfinish:\n  until: { commandsDone: true }\n  after: 4s\n`,
    );
    const taint = trace.events.find((e) => e.kind === 'state' && e.object === 'Node/worker-2' && e.changes.some((c) => c.path === 'spec.taints'));
    const tainted = stepsOf(trace).find(([id]) => id === 'tainted')?.[1] ?? 0;
    expect(taint).toBeDefined();
    // The guard is checked on the events after the taint is stored, then 2 s pass.
    expect(tainted).toBeGreaterThanOrEqual((taint?.t ?? 0) + 2000);
    expect(tainted).toBeLessThan((taint?.t ?? 0) + 2100);
    expect(trace.endTime).toBeGreaterThanOrEqual(tainted + 4000);
  });

  it('a command refused when its step runs changes nothing and counts as finished', () => {
    const trace = run(`steps:\n  - id: a\n    after: 1s\n    caption: { en: A, ko: 가 }\n    commands: [kubectl delete pod nobody]\n  - id: b\n    until: { commandsDone: true }\n    caption: { en: B, ko: 나 }\n`);
    expect(stepsOf(trace).map(([id]) => id)).toEqual(['a', 'b']);
    // kubectl asks (kube-apiserver's 404 is on its way as the story ends), and nothing is written.
    expect(trace.events.filter((e) => e.kind === 'message' && e.from === 'kubectl').map((e) => (e.kind === 'message' ? e.action : ''))).toEqual(['DELETE pod']);
    expect(trace.events.some((e) => e.kind === 'state' && e.object === 'Pod/default/nobody')).toBe(false);
  });
});
