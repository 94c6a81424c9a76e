/**
 * The order kube-scheduler walks nodes in: its cache's node tree (upstream
 * pkg/scheduler/backend/cache/node_tree.go). Nodes are grouped by zone (GetZoneKey: region and
 * zone labels), zones in the order they first appeared, nodes in each zone in the order they were
 * added; the snapshot lists them round robin across zones (one from each zone, then the second of
 * each...). Filter starts from a rotating index in that list and stops once it has found enough
 * feasible nodes, so in a zoned cluster it looks at every zone early instead of one zone first.
 * Pure.
 */
import type { Node } from '../objects.ts';

/** Upstream's zone key (k8s.io/component-helpers/node/topology GetZoneKey): the beta labels win over the GA ones. */
export function zoneKey(node: Node): string {
  const labels = node.metadata.labels;
  if (labels === undefined) return '';
  const zone = labels['failure-domain.beta.kubernetes.io/zone'] ?? labels['topology.kubernetes.io/zone'] ?? '';
  const region = labels['failure-domain.beta.kubernetes.io/region'] ?? labels['topology.kubernetes.io/region'] ?? '';
  if (region === '' && zone === '') return '';
  // Upstream joins them with a NUL between colons, in case either holds a colon.
  return `${region}:\u0000:${zone}`;
}

export class NodeTree {
  /** Zones in the order they first appeared (a zone left empty is dropped, as upstream's removeZone does). */
  private readonly zones: string[] = [];
  private readonly byZone = new Map<string, string[]>();
  private readonly zoneOf = new Map<string, string>();

  get size(): number {
    return this.zoneOf.size;
  }

  /** Adds a node at the end of its zone; false when it is already in the tree. */
  add(name: string, zone: string): boolean {
    if (this.zoneOf.has(name)) return false;
    const names = this.byZone.get(zone);
    if (names === undefined) {
      this.zones.push(zone);
      this.byZone.set(zone, [name]);
    } else names.push(name);
    this.zoneOf.set(name, zone);
    return true;
  }

  /** Removes a node; false when it was not in the tree. */
  remove(name: string): boolean {
    const zone = this.zoneOf.get(name);
    if (zone === undefined) return false;
    this.zoneOf.delete(name);
    const names = this.byZone.get(zone) ?? [];
    names.splice(names.indexOf(name), 1);
    if (names.length === 0) {
      this.byZone.delete(zone);
      this.zones.splice(this.zones.indexOf(zone), 1);
    }
    return true;
  }

  /** A node's labels changed: a node whose zone changed moves to the end of its new zone (upstream's updateNode). True when the order changed. */
  update(name: string, zone: string): boolean {
    const was = this.zoneOf.get(name);
    if (was === zone) return false;
    if (was !== undefined) this.remove(name);
    return this.add(name, zone);
  }

  /** The nodes round robin across zones: the first of each zone, then the second of each... (upstream's list()). */
  list(): string[] {
    const out: string[] = [];
    const columns = this.zones.map((zone) => this.byZone.get(zone) ?? []);
    const longest = columns.reduce((n, names) => Math.max(n, names.length), 0);
    for (let i = 0; i < longest; i++) {
      for (const names of columns) {
        const name = names[i];
        if (name !== undefined) out.push(name);
      }
    }
    return out;
  }
}
