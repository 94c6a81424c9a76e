import { describe, expect, it } from 'vitest';
import { buildSchedule, eventCountAt, formatClock, formatSkip, stepAt } from '../../src/timeline/schedule.ts';
import { presTimeAt, simTimeAt } from '../../src/timeline/clock-map.ts';
import { DEFAULT_PACING } from '../../src/timeline/pacing.ts';
import type { Trace, TraceEvent } from '../../src/sim/trace.ts';
import { podCreationSample, type Draft } from '../fixtures/traces/pod-creation.sample.ts';

const schedule = buildSchedule(podCreationSample);

function traceOf(events: Draft[]): Trace {
  const evs = events.map((e, seq) => ({ ...e, seq }) as TraceEvent);
  return {
    version: 1,
    scenario: 'test',
    seed: 1,
    k8sVersion: '1.33',
    topology: { nodes: [], components: ['kubectl', 'kube-apiserver'] },
    events: evs,
    snapshots: [],
    steps: evs.filter((e) => e.kind === 'step').length,
    endTime: evs[evs.length - 1]?.t ?? 0,
  };
}

describe('buildSchedule', () => {
  it('gives every event a non-decreasing presentation time', () => {
    const ts = schedule.eventTimes;
    expect(ts.length).toBe(podCreationSample.events.length);
    for (let i = 1; i < ts.length; i++) expect(ts[i]).toBeGreaterThanOrEqual(ts[i - 1] ?? 0);
    expect(ts[ts.length - 1]).toBeLessThanOrEqual(schedule.duration);
  });

  it('gives each story hop about a second at 1x and respects arrival order', () => {
    for (const m of schedule.messages) {
      if (m.background) continue;
      const d = m.end - m.start;
      expect(d).toBeGreaterThanOrEqual(0.85);
      // A hop may stretch when other work must be shown before it arrives, never shrink.
      expect(d).toBeGreaterThanOrEqual(DEFAULT_PACING.hop[m.event.type] - 1e-9);
    }
    const first = schedule.messages[0];
    expect(first && first.end - first.start).toBeLessThanOrEqual(1.1);
    // Background traffic stays quicker than the story.
    expect(DEFAULT_PACING.backgroundHop).toBeLessThan(Math.min(...Object.values(DEFAULT_PACING.hop)));
  });

  it('distinguishes request, response and watch pacing', () => {
    const { hop } = DEFAULT_PACING;
    expect(new Set([hop.request, hop.response, hop.watch]).size).toBe(3);
  });

  it('compresses long waits into short visible skips', () => {
    const big = schedule.skips.find((s) => s.toSim - s.fromSim >= 50_000);
    expect(big).toBeDefined();
    expect(big && big.end - big.start).toBeLessThan(1.5);
    expect(formatSkip((big?.toSim ?? 0) - (big?.fromSim ?? 0))).toBe('+50 s');
    // The whole 55 s scenario plays in well under a minute.
    expect(schedule.duration).toBeLessThan(40);
  });

  it('marks step boundaries with start/end that tile the duration', () => {
    const steps = schedule.steps;
    expect(steps.length).toBe(podCreationSample.steps);
    expect(steps[0]?.start).toBe(0);
    for (let i = 0; i < steps.length; i++) {
      const s = steps[i];
      if (s === undefined) continue;
      expect(s.index).toBe(i);
      expect(s.end).toBeGreaterThan(s.start);
      expect(s.end - s.start).toBeGreaterThanOrEqual(DEFAULT_PACING.stepMin - 1e-9);
      if (i + 1 < steps.length) expect(s.end).toBe(steps[i + 1]?.start);
    }
    expect(steps[steps.length - 1]?.end).toBe(schedule.duration);
    expect(stepAt(schedule, 0)).toBe(0);
    expect(stepAt(schedule, schedule.duration)).toBe(steps.length - 1);
    const s3 = steps[3];
    if (s3) expect(stepAt(schedule, s3.start)).toBe(3);
  });

  it('maps presentation <-> simulated time monotonically', () => {
    let prev = -Infinity;
    for (let t = 0; t <= schedule.duration; t += 0.01) {
      const sim = simTimeAt(schedule.clock, t);
      expect(sim).toBeGreaterThanOrEqual(prev);
      prev = sim;
    }
    expect(simTimeAt(schedule.clock, schedule.duration)).toBe(podCreationSample.endTime);
    for (const step of schedule.steps) {
      expect(simTimeAt(schedule.clock, step.start + 1e-9)).toBeGreaterThanOrEqual(step.simTime - 1e-6);
    }
    let prevP = -Infinity;
    for (let sim = 0; sim <= podCreationSample.endTime; sim += 97) {
      const p = presTimeAt(schedule.clock, sim);
      expect(p).toBeGreaterThanOrEqual(prevP);
      expect(simTimeAt(schedule.clock, p)).toBeCloseTo(sim, 6);
      prevP = p;
    }
  });

  it('shows the state of an event from its presentation time on', () => {
    schedule.eventTimes.forEach((t, i) => {
      expect(eventCountAt(schedule, t)).toBeGreaterThan(i);
    });
    expect(eventCountAt(schedule, -1)).toBe(0);
    expect(eventCountAt(schedule, schedule.duration)).toBe(podCreationSample.events.length);
  });

  it('keeps at most four token groups travelling at once and groups fan-outs', () => {
    const many: Draft[] = [{ kind: 'step', t: 0, index: 0, id: 's', caption: { en: 'a', ko: 'a' }, focus: [] }];
    for (let i = 0; i < 7; i++) many.push({ kind: 'message', t: 0, id: i, from: `kubelet/n${i}`, to: 'kube-apiserver', type: 'request', action: 'lease renew', arrive: 2 });
    for (let i = 0; i < 5; i++) many.push({ kind: 'message', t: 3, id: 10 + i, from: 'kube-apiserver', to: `kube-proxy/n${i}`, type: 'watch', action: 'watch: MODIFIED', arrive: 5 });
    const s = buildSchedule(traceOf(many));
    const eps = 1e-9;
    for (const m of s.messages) {
      const groups = new Set(s.messages.filter((o) => o.start < m.start + eps && o.end > m.start + eps).map((o) => o.group));
      expect(groups.size).toBeLessThanOrEqual(DEFAULT_PACING.maxTokens);
    }
    const fan = s.messages.filter((m) => m.event.type === 'watch');
    expect(new Set(fan.map((m) => m.group)).size).toBe(1);
    expect(new Set(fan.map((m) => m.start)).size).toBe(1);
  });

  it('separates steps that start at the same simulated time', () => {
    const s = buildSchedule(
      traceOf([
        { kind: 'step', t: 0, index: 0, id: 'a', caption: { en: 'a', ko: 'a' }, focus: [] },
        { kind: 'step', t: 0, index: 1, id: 'b', caption: { en: 'b', ko: 'b' }, focus: [] },
      ]),
    );
    expect(s.steps[1]?.start).toBeGreaterThanOrEqual(DEFAULT_PACING.stepMin);
  });

  it('compresses a quiet gap without a skip event', () => {
    const s = buildSchedule(
      traceOf([
        { kind: 'step', t: 0, index: 0, id: 'a', caption: { en: 'a', ko: 'a' }, focus: [] },
        { kind: 'message', t: 0, id: 1, from: 'kubectl', to: 'kube-apiserver', type: 'request', action: 'x', arrive: 3 },
        { kind: 'message', t: 30_000, id: 2, from: 'kubectl', to: 'kube-apiserver', type: 'request', action: 'y', arrive: 30_003 },
      ]),
    );
    expect(s.skips).toHaveLength(1);
    expect(s.duration).toBeLessThan(5);
  });

  it('shows the scheduler decision while it filters and scores', () => {
    const d = schedule.decisions[0];
    const filter = schedule.activities.find((a) => a.event.action === 'filter');
    expect(d && filter && d.start).toBe(filter?.start);
    expect(d && d.end - d.decided).toBeGreaterThanOrEqual(2);
  });

  it('formats the cluster clock', () => {
    expect(formatClock(0)).toBe('00:00.000');
    expect(formatClock(54_820)).toBe('00:54.820');
    expect(formatClock(12)).toBe('00:00.012');
    expect(formatClock(350_000)).toBe('05:50.000');
    expect(formatSkip(350_000)).toBe('+5 min 50 s');
    // In Korean as a Korean reader writes it, not the English units.
    expect(formatSkip(350_000, 'ko')).toBe('+5분 50초');
    expect(formatSkip(49_000, 'ko')).toBe('+49초');
    expect(formatSkip(480_000, 'ko')).toBe('+8분');
    expect(formatSkip(300, 'ko')).toBe('+300ms');
  });
});

describe('bulk work at scale', () => {
  const pod = (i: number): string => `web-6d4cf56db6-${String.fromCharCode(97 + (i % 26))}${String.fromCharCode(97 + ((i * 7) % 26))}x${i % 10}q`;
  // A zone's evictions: the same write on `n` pods, each 40 ms after the last, in one step.
  const writes = (n: number): Trace => {
    const events: Draft[] = [{ kind: 'step', t: 0, index: 0, id: 'evict', caption: { en: 'a', ko: 'a' }, focus: ['kube-apiserver', 'etcd'] }];
    for (let i = 0; i < n; i++) events.push({ kind: 'message', t: 40 * i, id: i, from: 'kube-apiserver', to: 'etcd', type: 'request', action: `txn put /registry/pods/default/${pod(i)}`, arrive: 40 * i + 2 });
    return traceOf(events);
  };

  it('plays a few writes on different objects each as a story hop (a teaching step)', () => {
    const s = buildSchedule(writes(6));
    expect(s.messages.filter((m) => !m.background)).toHaveLength(6);
  });

  it(`plays ${DEFAULT_PACING.bulkRepeats} or more as one story hop and background, in seconds however many there are`, () => {
    const some = buildSchedule(writes(DEFAULT_PACING.bulkRepeats));
    const many = buildSchedule(writes(3000));
    for (const s of [some, many]) expect(s.messages.filter((m) => !m.background)).toHaveLength(1);
    expect(many.duration).toBeLessThan(some.duration + DEFAULT_PACING.quietStepBudget + 1);
    // Every write still applies at its own presentation time, in order.
    expect(many.eventTimes).toHaveLength(3001);
    for (let i = 1; i < many.eventTimes.length; i++) expect(many.eventTimes[i]).toBeGreaterThanOrEqual(many.eventTimes[i - 1] ?? 0);
  });

  it('sends a burst of bulk writes at one moment as one fan-out, not one token lane each', () => {
    const events: Draft[] = [{ kind: 'step', t: 0, index: 0, id: 'evict', caption: { en: 'a', ko: 'a' }, focus: [] }];
    for (let i = 0; i < 1000; i++) events.push({ kind: 'message', t: 5, id: i, from: 'kube-apiserver', to: 'etcd', type: 'request', action: `txn put /registry/pods/default/${pod(i)}`, arrive: 7 });
    const s = buildSchedule(traceOf(events));
    expect(new Set(s.messages.filter((m) => !m.background).map((m) => m.group)).size).toBe(1);
    expect(s.duration).toBeLessThan(5);
  });

  it('keeps a long fast-forward of background heartbeats within a dozen seconds', () => {
    const events: Draft[] = [{ kind: 'step', t: 0, index: 0, id: 'wait', caption: { en: 'a', ko: 'a' }, focus: ['kube-controller-manager'] }];
    // 20 minutes of a kubelet lease every 1.5 s: each gap is a skip, all merged into one.
    for (let i = 0; i < 800; i++) events.push({ kind: 'message', t: 1500 * i, id: i, from: 'kubelet/a-01', to: 'kube-apiserver', type: 'request', action: 'PUT lease', arrive: 1500 * i + 3 });
    const s = buildSchedule(traceOf(events));
    expect(s.skips.length).toBeGreaterThan(0);
    for (const k of s.skips) expect(k.end - k.start).toBeLessThanOrEqual(DEFAULT_PACING.mergedSkipMax + 0.5);
  });
});


describe('moments at any simulated time', () => {
  // Moments are keyed by (time, step) packed into one number for whole milliseconds; other times
  // (a scenario file's `at: 1500.5`, a time past the packed range) take another path that must
  // group them the same way.
  const shifted = (by: number): Trace => traceOf(podCreationSample.events.map((e) => shiftEvent(e, by)));

  it('lays out a trace shifted by half a millisecond, or past the packed times, exactly as the original', () => {
    const whole = buildSchedule(shifted(0));
    for (const by of [0.5, 2 ** 40]) {
      const other = buildSchedule(shifted(by));
      expect(other.eventTimes).toEqual(whole.eventTimes);
      expect(other.messages.map((m) => [m.start, m.end, m.group])).toEqual(whole.messages.map((m) => [m.start, m.end, m.group]));
      expect(other.steps.map((s) => [s.start, s.end])).toEqual(whole.steps.map((s) => [s.start, s.end]));
      expect(other.duration).toBe(whole.duration);
    }
  });
});

function shiftEvent(e: TraceEvent, by: number): Draft {
  const { seq: _seq, ...rest } = e;
  const moved = { ...rest, t: e.t + by };
  if (e.kind === 'message') return { ...moved, arrive: e.arrive + by } as Draft;
  if (e.kind === 'activity') return { ...moved, until: e.until + by } as Draft;
  if (e.kind === 'skip') return { ...moved, to: e.to + by } as Draft;
  return moved as Draft;
}
