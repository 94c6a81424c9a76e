/**
 * NodeResourcesFit filter (upstream fitsRequest): the pod's requests must fit in allocatable minus
 * what the node's pods already request, and the node must have room for one more pod. All failing
 * resources are reported. A request larger than the whole node's allocatable is "unresolvable":
 * preemption could not help there.
 */
import type { NodeInfo } from '../node-info.ts';
import type { PodContext } from '../pod-context.ts';
import type { Rejection } from '../status.ts';

/** NodeResourcesFitArgs.ignoredResources / ignoredResourceGroups: extended resources the filter does not check. */
export interface IgnoredResources {
  readonly names: ReadonlySet<string>;
  /** Domain prefixes: "example.com" ignores every example.com/* resource. */
  readonly groups: ReadonlySet<string>;
}

export const NO_IGNORED_RESOURCES: IgnoredResources = { names: new Set(), groups: new Set() };

const isExtended = (name: string): boolean => name.includes('/') && !name.includes('kubernetes.io/') && !name.startsWith('requests.');

/** Adds a failure without allocating on the (common) success path. */
function failWith(reasons: string[] | null, reason: string): string[] {
  if (reasons === null) return [reason];
  reasons.push(reason);
  return reasons;
}

export function nodeResourcesFitFilter(ctx: PodContext, info: NodeInfo, ignored: IgnoredResources): Rejection | null {
  const req = ctx.request;
  const alloc = info.allocatable;
  const used = info.requested;
  let reasons: string[] | null = null;
  let unresolvable = false;

  if (info.podCount + 1 > alloc.allowedPodNumber) reasons = failWith(reasons, 'Too many pods');
  if (req.milliCPU > 0 && req.milliCPU > alloc.milliCPU - used.milliCPU) {
    reasons = failWith(reasons, 'Insufficient cpu');
    unresolvable ||= req.milliCPU > alloc.milliCPU;
  }
  if (req.memory > 0 && req.memory > alloc.memory - used.memory) {
    reasons = failWith(reasons, 'Insufficient memory');
    unresolvable ||= req.memory > alloc.memory;
  }
  if (req.ephemeralStorage > 0 && req.ephemeralStorage > alloc.ephemeralStorage - used.ephemeralStorage) {
    reasons = failWith(reasons, 'Insufficient ephemeral-storage');
    unresolvable ||= req.ephemeralStorage > alloc.ephemeralStorage;
  }
  if (req.scalar.size > 0) {
    for (const [name, quantity] of req.scalar) {
      if (quantity === 0) continue;
      if (isExtended(name) && (ignored.names.has(name) || ignored.groups.has(name.split('/')[0] ?? ''))) continue;
      const allocatable = alloc.scalar.get(name) ?? 0;
      if (quantity > allocatable - (used.scalar.get(name) ?? 0)) {
        reasons = failWith(reasons, `Insufficient ${name}`);
        unresolvable ||= quantity > allocatable;
      }
    }
  }
  if (reasons === null) return null;
  return { plugin: 'NodeResourcesFit', code: unresolvable ? 'UnschedulableAndUnresolvable' : 'Unschedulable', reasons };
}
