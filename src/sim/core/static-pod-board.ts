/**
 * The static pods each node's kubelet runs from manifest files, as its container runtime has them.
 * Those running before the trace starts are set-up (Topology.staticPods); afterwards every change
 * is a `static-pod` event. The stage draws them on their node's deck whether or not the API holds
 * their mirror pods.
 */
import type { ObjectRef } from '../../model/objects.ts';
import type { StaticPodPhase, StaticPodState } from '../trace.ts';
import type { Tracer } from './tracer.ts';

export class StaticPodBoard {
  private readonly pods = new Map<ObjectRef, StaticPodState>();
  private initial: readonly StaticPodState[] = [];

  constructor(private readonly tracer: Tracer) {}

  /** The pod's sandbox and container moved on; a no-op when its phase is the same. */
  set(pod: ObjectRef, node: string, phase: StaticPodPhase | 'gone'): void {
    const old = this.pods.get(pod);
    if ((old?.phase ?? 'gone') === phase) return;
    if (phase === 'gone') this.pods.delete(pod);
    else this.pods.set(pod, { pod, node, phase });
    if (this.tracer.started) this.tracer.staticPod(pod, node, phase);
  }

  /** The component a running static pod runs serves now: its readiness probe would pass. */
  ready(pod: ObjectRef): void {
    const st = this.pods.get(pod);
    if (st?.phase === 'running') this.set(pod, st.node, 'ready');
  }

  /** Captures the static pods running when the trace starts. */
  freeze(): void {
    this.initial = [...this.pods.values()];
  }

  /** The static pods running when the trace started. */
  startPods(): readonly StaticPodState[] {
    return this.initial;
  }
}
