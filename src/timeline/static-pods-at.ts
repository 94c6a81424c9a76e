/**
 * The static pods running on each node through a trace, as the nodes' container runtimes have
 * them (Topology.staticPods, then `static-pod` events): a kubelet runs them from manifest files
 * whether or not the API holds their mirror pods. Pure.
 */
import type { ObjectRef } from '../model/objects.ts';
import type { StaticPodEvent, StaticPodState, Trace } from '../sim/trace.ts';

const NONE: ReadonlyMap<ObjectRef, StaticPodState> = new Map();

export class StaticPodsAt {
  private readonly start: readonly StaticPodState[];
  private readonly events: readonly { readonly index: number; readonly e: StaticPodEvent }[];
  private cacheCount = -1;
  private cache: ReadonlyMap<ObjectRef, StaticPodState> = NONE;

  constructor(trace: Trace) {
    this.start = trace.topology.staticPods ?? [];
    const events: { index: number; e: StaticPodEvent }[] = [];
    trace.events.forEach((e, index) => {
      if (e.kind === 'static-pod') events.push({ index, e });
    });
    this.events = events;
  }

  /** Whether the trace has any static pod at all. */
  get any(): boolean {
    return this.start.length > 0 || this.events.length > 0;
  }

  /** The static pods on their nodes once the first `eventCount` events have happened. */
  at(eventCount: number): ReadonlyMap<ObjectRef, StaticPodState> {
    if (!this.any) return NONE;
    if (eventCount === this.cacheCount) return this.cache;
    const m = new Map<ObjectRef, StaticPodState>(this.start.map((s) => [s.pod, s]));
    for (const { index, e } of this.events) {
      if (index >= eventCount) break;
      if (e.phase === 'gone') m.delete(e.pod);
      else m.set(e.pod, { pod: e.pod, node: e.node, phase: e.phase });
    }
    this.cacheCount = eventCount;
    this.cache = m;
    return m;
  }
}
