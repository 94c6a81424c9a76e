/**
 * The nodes whose latest version carries a NoExecute taint, as the taint-eviction controller has
 * seen them through its Node watch events: while there are none (and no eviction is pending), a
 * pod's event cannot start or cancel anything, and every pod event of a big run needed a lookup
 * of its node to find that out.
 */
import type { Node } from '../../../model/objects.ts';

export const hasNoExecute = (node: Node): boolean => (node.spec.taints ?? []).some((t) => t.effect === 'NoExecute');

export class NoExecuteNodes {
  private readonly names = new Set<string>();

  /** A Node watch event: `node` is its latest version (the last one seen, when deleted). */
  seen(node: Node, deleted: boolean): void {
    if (!deleted && hasNoExecute(node)) this.names.add(node.metadata.name);
    else this.names.delete(node.metadata.name);
  }

  get size(): number {
    return this.names.size;
  }
}
