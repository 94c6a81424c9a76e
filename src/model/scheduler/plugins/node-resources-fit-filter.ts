/**
 * NodeResourcesFit filter (upstream fitsRequest): the pod's requests must fit in allocatable minus
 * what the node's pods already request, and the node must have room for one more pod. All failing
 * resources are reported. A request larger than the whole node's allocatable is "unresolvable":
 * preemption could not help there.
 */
import type { NodeInfo } from '../node-info.ts';
import type { PodContext } from '../pod-context.ts';
import type { RejectCode, Rejection } from '../status.ts';

/** NodeResourcesFitArgs.ignoredResources / ignoredResourceGroups: extended resources the filter does not check. */
export interface IgnoredResources {
  readonly names: ReadonlySet<string>;
  /** Domain prefixes: "example.com" ignores every example.com/* resource. */
  readonly groups: ReadonlySet<string>;
}

export const NO_IGNORED_RESOURCES: IgnoredResources = { names: new Set(), groups: new Set() };

const isExtended = (name: string): boolean => name.includes('/') && !name.includes('kubernetes.io/') && !name.startsWith('requests.');

export function nodeResourcesFitFilter(ctx: PodContext, info: NodeInfo, ignored: IgnoredResources): Rejection | null {
  const req = ctx.request;
  const alloc = info.allocatable;
  const used = info.requested;
  let reasons: string[] | null = null;
  let code: RejectCode = 'Unschedulable';
  const fail = (reason: string, unresolvable: boolean): void => {
    (reasons ??= []).push(reason);
    if (unresolvable) code = 'UnschedulableAndUnresolvable';
  };

  if (info.pods.size + 1 > alloc.allowedPodNumber) fail('Too many pods', false);
  if (req.milliCPU > 0 && req.milliCPU > alloc.milliCPU - used.milliCPU) fail('Insufficient cpu', req.milliCPU > alloc.milliCPU);
  if (req.memory > 0 && req.memory > alloc.memory - used.memory) fail('Insufficient memory', req.memory > alloc.memory);
  if (req.ephemeralStorage > 0 && req.ephemeralStorage > alloc.ephemeralStorage - used.ephemeralStorage) {
    fail('Insufficient ephemeral-storage', req.ephemeralStorage > alloc.ephemeralStorage);
  }
  for (const [name, quantity] of req.scalar) {
    if (quantity === 0) continue;
    if (isExtended(name) && (ignored.names.has(name) || ignored.groups.has(name.split('/')[0] ?? ''))) continue;
    const allocatable = alloc.scalar.get(name) ?? 0;
    if (quantity > allocatable - (used.scalar.get(name) ?? 0)) fail(`Insufficient ${name}`, quantity > allocatable);
  }
  return reasons === null ? null : { plugin: 'NodeResourcesFit', code, reasons };
}
