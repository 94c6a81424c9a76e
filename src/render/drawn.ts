/**
 * A test hook: the Kubernetes objects and stage parts drawn right now, by kind and name, with their
 * box in canvas CSS pixels. Browser tests use it to check that the objects a trace holds at a
 * moment are on stage and that a step's focus object is visible (never folded into "+N").
 *
 * A view opts in by tagging its container: `markDrawn(container, 'ReplicaSet', 'default/web-7d9f')`.
 * Kinds are Kubernetes kinds where the thing is an API object (Pod, Node, Deployment, ReplicaSet,
 * Service, EndpointSlice, Lease...) and lower-case names for stage parts that are not
 * (`file`, `etcd-member`, `score-table`, `legend`, `trail`, `taint`, `cordon`, `rules`...).
 */
import type { Container } from './pixi-parts.ts';

export interface DrawnObject {
  readonly kind: string;
  /** `namespace/name` for namespaced objects, the name otherwise (a path for files). */
  readonly name: string;
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
  /** Alpha after every ancestor's alpha. */
  readonly alpha: number;
}

const TAG = Symbol('kubedeck.drawn');

interface Tagged {
  [TAG]?: { readonly kind: string; readonly name: string };
}

/** Tag a container as the drawing of an object (call again to rename; a container has one tag). */
export function markDrawn(c: Container, kind: string, name: string): void {
  (c as Container & Tagged)[TAG] = { kind, name };
}

export function collectDrawn(root: Container): DrawnObject[] {
  const out: DrawnObject[] = [];
  const walk = (c: Container, alpha: number): void => {
    if (!c.visible || c.renderable === false) return;
    const a = alpha * c.alpha;
    if (a <= 0.02) return;
    const tag = (c as Container & Tagged)[TAG];
    if (tag !== undefined) {
      const b = c.getBounds();
      if (b.width > 0 && b.height > 0) out.push({ kind: tag.kind, name: tag.name, x: b.x, y: b.y, w: b.width, h: b.height, alpha: a });
    }
    for (const child of c.children) walk(child, a);
  };
  walk(root, 1);
  return out;
}
