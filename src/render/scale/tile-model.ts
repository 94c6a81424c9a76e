/**
 * What each tile shows, worked out from the cluster state and kept up to date incrementally: only
 * nodes whose Node object or pods changed (by object identity) are recomputed. Pure (no PixiJS).
 */
import type { K8sObject, Node, ObjectRef, Pod } from '../../model/objects.ts';
import type { ComponentStatus } from '../../sim/trace.ts';
import { nodeLook, podLook, type NodeReadiness, type PodLook } from '../looks.ts';

export interface PodDot {
  readonly ref: ObjectRef;
  readonly look: PodLook;
  /** The owning ReplicaSet's revision (its colour), if any. */
  readonly revision: number | undefined;
}

export interface TileModel {
  readonly node: string;
  readonly readiness: NodeReadiness;
  /** A NoExecute taint (its pods will be evicted) / a NoSchedule taint or a cordon (no new pods); a node may have both. */
  readonly noExecute: boolean;
  readonly noSchedule: boolean;
  /** Pods bound to the node, by revision then name (terminating ones included, drawn hollow). */
  readonly pods: readonly PodDot[];
  /** Pods not terminating. */
  readonly active: number;
  /** status.allocatable.pods (110 when the node does not say). */
  readonly allocatable: number;
  /**
   * Its kubelet is down (the machine lost power, or the kubelet stopped): what happened, which the
   * API learns only after --node-monitor-grace-period (until then the Node still says Ready).
   */
  readonly kubeletDown: boolean;
}

const DEFAULT_PODS = 110;

function tileOf(node: string, obj: Node | undefined, pods: Iterable<{ ref: ObjectRef; pod: Pod }>, revisions: ReadonlyMap<ObjectRef, number>, kubeletDown: boolean): TileModel {
  const look = nodeLook(obj);
  const dots: PodDot[] = [];
  let active = 0;
  for (const { ref, pod } of pods) {
    const l = podLook(pod);
    if (l !== 'Terminating') active++;
    dots.push({ ref, look: l, revision: revisions.get(ref) });
  }
  dots.sort((a, b) => (a.revision ?? 0) - (b.revision ?? 0) || (a.ref < b.ref ? -1 : a.ref > b.ref ? 1 : 0));
  const taints = obj?.spec.taints ?? [];
  const noExecute = taints.some((t) => t.effect === 'NoExecute');
  const noSchedule = look.cordoned || taints.some((t) => t.effect === 'NoSchedule');
  const alloc = Number.parseInt(String(obj?.status?.allocatable?.['pods'] ?? DEFAULT_PODS), 10);
  return { node, readiness: look.readiness, noExecute, noSchedule, pods: dots, active, allocatable: Number.isFinite(alloc) && alloc > 0 ? alloc : DEFAULT_PODS, kubeletDown };
}

export class ScaleModel {
  private readonly nodes: readonly string[];
  private readonly known: ReadonlySet<string>;
  private objects: ReadonlyMap<ObjectRef, K8sObject> = new Map();
  private revisions: ReadonlyMap<ObjectRef, number> = new Map();
  /** Last seen pod objects, their node, and the apply() that last met them (`gen`). */
  private readonly podSeen = new Map<ObjectRef, { pod: Pod; node: string | undefined; gen: number }>();
  private gen = 0;
  private readonly nodeSeen = new Map<string, Node | undefined>();
  private readonly downSeen = new Map<string, boolean>();
  private readonly podsOn = new Map<string, Map<ObjectRef, Pod>>();
  private readonly tiles = new Map<string, TileModel>();

  constructor(nodes: readonly string[]) {
    this.nodes = nodes;
    this.known = new Set(nodes);
    for (const n of nodes) this.podsOn.set(n, new Map());
  }

  tile(node: string): TileModel | undefined {
    return this.tiles.get(node);
  }

  /** The most pods any node holds now (sizes the sprite grid). */
  maxPods(): number {
    let max = 1;
    for (const t of this.tiles.values()) max = Math.max(max, t.pods.length);
    return max;
  }

  /**
   * Applies a cluster state (objects, and components: kubelet/<node> up or down);
   * returns the nodes whose tile changed (all of them the first time).
   */
  apply(objects: ReadonlyMap<ObjectRef, K8sObject>, revisions: ReadonlyMap<ObjectRef, number>, components: ReadonlyMap<string, ComponentStatus> = new Map()): Set<string> {
    const dirty = new Set<string>();
    const first = this.tiles.size === 0;
    for (const n of this.nodes) {
      const down = components.get(`kubelet/${n}`) === 'down';
      if (first || this.downSeen.get(n) !== down) {
        this.downSeen.set(n, down);
        dirty.add(n);
      }
    }
    if (objects === this.objects && !first) {
      this.retile(dirty, revisions);
      return dirty;
    }
    const revChanged = revisions !== this.revisions && !sameMap(revisions, this.revisions);
    this.objects = objects;
    this.revisions = revisions;
    const mark = (n: string | undefined): void => {
      if (n !== undefined && this.known.has(n)) dirty.add(n);
    };
    for (const n of this.nodes) {
      const obj = objects.get(`Node/${n}`);
      const node = obj?.kind === 'Node' ? obj : undefined;
      if (first || this.nodeSeen.get(n) !== node) {
        this.nodeSeen.set(n, node);
        dirty.add(n);
      }
    }
    // Pods met in this state are stamped with this generation (no set of 15,000 refs per call).
    const gen = ++this.gen;
    let met = 0;
    for (const [ref, obj] of objects) {
      if (obj.kind !== 'Pod') continue;
      met++;
      const seen = this.podSeen.get(ref);
      if (seen !== undefined && seen.pod === obj) {
        seen.gen = gen;
        continue;
      }
      const node = obj.spec.nodeName;
      if (seen !== undefined && seen.node !== node && seen.node !== undefined) {
        this.podsOn.get(seen.node)?.delete(ref);
        mark(seen.node);
      }
      this.podSeen.set(ref, { pod: obj, node, gen });
      if (node !== undefined) {
        this.podsOn.get(node)?.set(ref, obj);
        mark(node);
      }
    }
    if (met !== this.podSeen.size) {
      for (const [ref, seen] of this.podSeen) {
        if (seen.gen === gen) continue;
        this.podSeen.delete(ref);
        if (seen.node !== undefined) {
          this.podsOn.get(seen.node)?.delete(ref);
          mark(seen.node);
        }
      }
    }
    if (revChanged) for (const n of this.nodes) dirty.add(n);
    this.retile(dirty, revisions);
    return dirty;
  }

  private retile(dirty: ReadonlySet<string>, revisions: ReadonlyMap<ObjectRef, number>): void {
    for (const n of dirty) {
      const pods = this.podsOn.get(n) ?? new Map<ObjectRef, Pod>();
      this.tiles.set(n, tileOf(n, this.nodeSeen.get(n), [...pods].map(([ref, pod]) => ({ ref, pod })), revisions, this.downSeen.get(n) === true));
    }
  }
}

function sameMap(a: ReadonlyMap<ObjectRef, number>, b: ReadonlyMap<ObjectRef, number>): boolean {
  if (a.size !== b.size) return false;
  for (const [k, v] of a) if (b.get(k) !== v) return false;
  return true;
}
