/** The numbered trail of each step (src/timeline/trail.ts), on the real scenarios. */
import { describe, expect, it } from 'vitest';
import { SCENARIOS } from '../../scenes/index.ts';
import { runScenario } from '../../src/sim/run.ts';
import { buildSchedule } from '../../src/timeline/schedule.ts';
import { stepTrails } from '../../src/timeline/trail.ts';

function trailsOf(id: string): ReturnType<typeof stepTrails> {
  const def = SCENARIOS.find((d) => d.id === id);
  if (def === undefined) throw new Error(`${id} is missing`);
  return stepTrails(buildSchedule(runScenario(def)));
}

const pair = (a: string, b: string): string => (a < b ? `${a}|${b}` : `${b}|${a}`);

describe('stepTrails', () => {
  it('numbers pod-creation as the story goes: kubectl to kube-apiserver, then kube-apiserver to etcd and back', () => {
    const trails = trailsOf('pod-creation');
    const hops = (i: number): string[] => (trails[i]?.hops ?? []).map((h) => `${h.n} ${h.routes.map((r) => `${r.from}>${r.to}`).join('+')}${h.roundTrip ? ' both ways' : ''}`);
    expect(hops(0)).toEqual(['1 kubectl>kube-apiserver']);
    expect(hops(3)).toEqual(['1 kube-apiserver>etcd both ways', '2 kube-apiserver>kubectl']);
    expect(hops(4)).toEqual(['1 kube-apiserver>kube-scheduler+kube-apiserver>kube-controller-manager']);
    // Binding: the scheduler asks, the apiserver writes, the controllers hear of it.
    expect(hops(7)).toEqual(['1 kube-scheduler>kube-apiserver both ways', '2 kube-apiserver>etcd both ways', '3 kube-apiserver>kube-controller-manager']);
  });

  it('does not number the setup played before the first step: scheduler-decision opens with kubectl, not the cordon of worker-4', () => {
    const first = trailsOf('scheduler-decision')[0]?.hops ?? [];
    expect(first[0]?.routes[0]?.from).toBe('kubectl');
    expect(first.flatMap((h) => h.routes).some((r) => r.message.object === 'Node/worker-4')).toBe(false);
  });

  it('numbers the running step of pod-creation from the kubelet\'s status PATCH, not from the tail of its round trip', () => {
    const trails = trailsOf('pod-creation');
    const running = trails.at(-1)?.hops ?? [];
    expect(running.map((h) => `${h.routes[0]?.from ?? ''}>${h.routes[0]?.to ?? ''}`).slice(0, 2)).toEqual(['kubelet/worker-3>kube-apiserver', 'kube-apiserver>etcd']);
  });

  it.each(SCENARIOS.map((s) => s.id))('%s: numbers 1..n in order, each pair of components once, no background traffic', (id) => {
    const def = SCENARIOS.find((d) => d.id === id);
    if (def === undefined) throw new Error(`${id} is missing`);
    const schedule = buildSchedule(runScenario(def));
    const background = new Set(schedule.messages.filter((m) => m.background).map((m) => m.event.id));
    const trails = stepTrails(schedule);
    expect(trails).toHaveLength(schedule.steps.length);
    for (const t of trails) {
      expect(t.hops.map((h) => h.n)).toEqual(t.hops.map((_, i) => i + 1));
      const pairs = t.hops.flatMap((h) => h.routes.map((r) => pair(r.from, r.to)));
      expect(new Set(pairs).size).toBe(pairs.length);
      for (const h of t.hops) for (const r of h.routes) expect(background.has(r.message.id)).toBe(false);
      // A readable trail: a busy step folds repeats instead of stacking dozens of badges.
      expect(t.hops.length).toBeLessThanOrEqual(12);
    }
  });

  it('shows the trail until the first story token leaves and again once the last has landed', () => {
    const def = SCENARIOS.find((d) => d.id === 'pod-creation');
    if (def === undefined) throw new Error('pod-creation is missing');
    const schedule = buildSchedule(runScenario(def));
    stepTrails(schedule).forEach((t, i) => {
      const step = schedule.steps[i];
      if (step === undefined || t.hops.length === 0) return;
      expect(t.firstStart).toBeGreaterThanOrEqual(step.start);
      expect(t.firstStart).toBeLessThan(t.lastEnd);
    });
  });
});
