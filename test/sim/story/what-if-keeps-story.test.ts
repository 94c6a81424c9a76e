/**
 * A what-if that scales the scenario's Deployment early must not cut the story short: its guards
 * wait for what the Deployment asks for now, not for the scenario's parameter. Before, node-failure
 * scaled to 12 ended right after the power-off (2 steps of 9: "recovered" counted 8 healthy pods
 * against the parameter's 3), and replicaset-self-healing, rolling-update and node-drain stalled
 * waiting for a count that would never come back.
 */
import { describe, expect, it } from 'vitest';
import { SCENARIOS } from '../../../scenes/index.ts';
import { runScenario } from '../../../src/sim/run.ts';
import type { Trace } from '../../../src/sim/trace.ts';

const storySteps = (trace: Trace): string[] => trace.events.flatMap((e) => (e.kind === 'step' && !e.id.startsWith('you-') ? [e.id] : []));

const CASES: readonly (readonly [string, string])[] = [
  ['node-failure', 'kubectl scale deployment web --replicas=12'],
  ['replicaset-self-healing', 'kubectl scale deployment web --replicas=4'],
  ['rolling-update', 'kubectl scale deployment web --replicas=12'],
  ['node-drain', 'kubectl scale deployment web --replicas=12'],
  ['pod-spreading', 'kubectl scale deployment web --replicas=12'],
  ['service-routing', 'kubectl scale deployment web --replicas=12'],
  ['etcd-backup-restore', 'kubectl scale deployment web --replicas=12'],
];

describe('a what-if that scales the Deployment keeps the whole story', () => {
  it.each(CASES)('%s with `%s` at 1 s', (id, command) => {
    const def = SCENARIOS.find((s) => s.id === id);
    if (def === undefined) throw new Error(`no scenario ${id}`);
    const plain = storySteps(runScenario(def));
    const whatIf = runScenario(def, { actions: [{ at: 1000, command }] });
    expect(whatIf.commands?.[0]?.ok).toBe(true);
    // Every step of the story, in its order (per-pod steps like web-7 may be added).
    const steps = storySteps(whatIf).filter((s) => plain.includes(s));
    expect(steps).toEqual(plain);
  });

  const captionsOf = (id: string, command: string): Map<string, string> => {
    const def = SCENARIOS.find((s) => s.id === id);
    if (def === undefined) throw new Error(`no scenario ${id}`);
    const trace = runScenario(def, { actions: [{ at: 1000, command }] });
    return new Map(trace.events.flatMap((e) => (e.kind === 'step' ? [[e.id, e.caption.en] as const] : [])));
  };

  it('etcd-backup-restore scaled before its snapshot: the restore brings back 5 pods, the story waits for 5 and ends; the snapshot step counts them', () => {
    const def = SCENARIOS.find((s) => s.id === 'etcd-backup-restore');
    if (def === undefined) throw new Error('no etcd-backup-restore');
    const plain = storySteps(runScenario(def));
    const whatIf = runScenario(def, { actions: [{ at: 500, command: 'kubectl scale deployment web --replicas=5' }] });
    expect(whatIf.unfinished).toBeUndefined();
    expect(storySteps(whatIf).filter((s) => plain.includes(s))).toEqual(plain);
    const saved = whatIf.events.find((e) => e.kind === 'step' && e.id === 'saved');
    expect(saved?.kind === 'step' ? saved.caption.en : '').toContain('Deployment web and its 5 pods.');
  });

  it('replicaset-self-healing counts what the what-if left: 9 of 10 after the delete, and the story’s scale to 6 is then a scale down', () => {
    const said = captionsOf('replicaset-self-healing', 'kubectl scale deployment web --replicas=10');
    expect(said.get('recount')).toContain('9 of 10 active, so it creates 1 pod.');
    expect(said.get('healed')).toContain('Running and Ready: 10 of 10 again.');
    expect(said.get('slow-start')).toContain('counts 10 of 6: 4 too many, so this scale deletes pods');
  });

  it('rolling-update gives the bounds of the Deployment as scaled: replicas 12, 25 % is 3, so 9 to 15 pods', () => {
    const said = captionsOf('rolling-update', 'kubectl scale deployment web --replicas=12');
    expect(said.get('new-replicaset')).toContain('It may hold 15 pods in all (replicas 12 + maxSurge 3).');
    expect(said.get('rolling')).toContain('between 9 and 15 pods');
    expect(said.get('rolled-out')).toMatch(/^All 12 pods run nginx:1\.28/);
  });

  it('pod-spreading says how many web pods run after the what-if, not the parameter', () => {
    const def = SCENARIOS.find((s) => s.id === 'pod-spreading');
    if (def === undefined) throw new Error('no pod-spreading');
    const whatIf = runScenario(def, { actions: [{ at: 1000, command: 'kubectl scale deployment web --replicas=12' }] });
    const spread = whatIf.events.find((e) => e.kind === 'step' && e.id === 'web-spread');
    expect(spread?.kind === 'step' ? spread.caption.en : '').toMatch(/^All 12 web pods run/);
    expect(spread?.kind === 'step' ? spread.caption.ko : '').toMatch(/^web 파드 12개가 모두 실행 중입니다/);
  });
});
