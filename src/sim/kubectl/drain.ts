/**
 * kubectl cordon / drain / uncordon as the REST calls kubectl makes (k8s.io/kubectl pkg/drain):
 * cordon = GET the node, PATCH spec.unschedulable; drain = cordon, LIST the node's pods
 * (fieldSelector spec.nodeName), drop the ones drain must not touch (mirror pods; DaemonSet pods
 * with --ignore-daemonsets, else refuse; pods with no controller unless --force), POST an
 * Eviction for each remaining pod, then poll each one (GET every 1 s) until it is gone.
 * An eviction refused with 429 (a PodDisruptionBudget has no disruption left) is retried every 5 s.
 * Not modelled: --delete-emptydir-data checks, --timeout, --pod-selector.
 */
import type { K8sObject, Node, Pod } from '../../model/objects.ts';
import { refOf } from '../../model/objects.ts';
import type { Cluster } from '../cluster.ts';

/** kubectl drain polls each evicted pod this often (waitForDelete interval). */
export const DRAIN_POLL_MS = 1_000;
/** After a 429 (disruption budget), kubectl retries the eviction this much later. */
export const EVICTION_RETRY_MS = 5_000;

export interface DrainOptions {
  readonly ignoreDaemonSets?: boolean;
  readonly force?: boolean;
}

/** What kubectl prints, line by line. */
export type Printer = (line: string) => void;

const MIRROR = 'kubernetes.io/config.mirror';
const controllerOf = (p: Pod): string | undefined => p.metadata.ownerReferences?.find((o) => o.controller)?.kind;
const podName = (p: Pod): string => `${p.metadata.namespace ?? 'default'}/${p.metadata.name}`;

/** `kubectl cordon NODE` (unschedulable true) or `kubectl uncordon NODE` (false). */
export function setCordon(cluster: Cluster, node: string, unschedulable: boolean, print: Printer = () => undefined, onDone?: () => void): void {
  const verb = unschedulable ? 'cordoned' : 'uncordoned';
  cluster.kubectl('GET node', { verb: 'get', ref: `Node/${node}` }, (got) => {
    const current = got.object;
    if (current?.kind !== 'Node') {
      print(`Error from server (NotFound): nodes "${node}" not found`);
      return onDone?.();
    }
    if ((current.spec.unschedulable === true) === unschedulable) {
      print(`node/${node} already ${verb}`);
      return onDone?.();
    }
    const mutate = (o: K8sObject): K8sObject => {
      if (o.kind !== 'Node') return o;
      const { unschedulable: _was, ...spec } = o.spec;
      return { ...o, spec: unschedulable ? { ...spec, unschedulable: true } : spec } satisfies Node;
    };
    cluster.kubectl(`PATCH node (${unschedulable ? 'cordon' : 'uncordon'})`, { verb: 'update', method: 'PATCH', ref: `Node/${node}`, summary: `unschedulable ${unschedulable}`, mutate }, () => {
      print(`node/${node} ${verb}`);
      onDone?.();
    });
  });
}

/** Which pods drain evicts, and what it says about the others (pkg/drain filters.go). */
export function podsToEvict(pods: readonly Pod[], opts: DrainOptions): { readonly evict: Pod[]; readonly warnings: string[]; readonly errors: string[] } {
  const evict: Pod[] = [];
  const daemonSet: string[] = [];
  const unmanaged: string[] = [];
  const errors: string[] = [];
  for (const p of pods) {
    if (p.metadata.annotations?.[MIRROR] !== undefined) continue;
    const owner = controllerOf(p);
    if (owner === 'DaemonSet') {
      if (opts.ignoreDaemonSets) daemonSet.push(podName(p));
      else errors.push(`cannot delete DaemonSet-managed Pods (use --ignore-daemonsets to ignore): ${podName(p)}`);
      continue;
    }
    if (owner === undefined) {
      if (!opts.force) errors.push(`cannot delete Pods that declare no controller (use --force to override): ${podName(p)}`);
      else unmanaged.push(podName(p));
      if (!opts.force) continue;
    }
    evict.push(p);
  }
  const warnings: string[] = [];
  if (daemonSet.length > 0) warnings.push(`Warning: ignoring DaemonSet-managed Pods: ${daemonSet.join(', ')}`);
  if (unmanaged.length > 0) warnings.push(`Warning: deleting Pods that declare no controller: ${unmanaged.join(', ')}`);
  return { evict, warnings, errors };
}

/** `kubectl drain NODE [--ignore-daemonsets] [--force]`; `onDone(true)` once the node is drained. */
export function drain(cluster: Cluster, node: string, opts: DrainOptions, print: Printer = () => undefined, onDone?: (drained: boolean) => void): void {
  setCordon(cluster, node, true, print, () => {
    cluster.kubectl(`LIST pods (spec.nodeName=${node})`, { verb: 'list', kind: 'Pod', nodeName: node }, (list) => {
      const pods = (list.items ?? []).filter((o): o is Pod => o.kind === 'Pod');
      checkDaemonSets(cluster, pods, opts, (missing) => evictAll(cluster, node, pods, missing, opts, print, onDone));
    });
  });
}

/** daemonSetFilter GETs the DaemonSet of each DaemonSet pod: one that no longer exists is an error without --force. */
function checkDaemonSets(cluster: Cluster, pods: readonly Pod[], opts: DrainOptions, next: (missing: readonly string[]) => void): void {
  const owners = [...new Set(pods.flatMap((p) => (controllerOf(p) === 'DaemonSet' ? [`DaemonSet/${p.metadata.namespace ?? 'default'}/${p.metadata.ownerReferences?.find((o) => o.controller)?.name ?? ''}`] : [])))];
  const missing: string[] = [];
  let left = owners.length;
  if (left === 0 || !opts.ignoreDaemonSets) return next(missing);
  for (const ref of owners) {
    cluster.kubectl('GET daemonset', { verb: 'get', ref }, (got) => {
      if (got.status === 404 && !opts.force) missing.push(ref);
      if (--left === 0) next(missing);
    });
  }
}

function evictAll(cluster: Cluster, node: string, pods: readonly Pod[], missingDaemonSets: readonly string[], opts: DrainOptions, print: Printer, onDone?: (drained: boolean) => void): void {
  const found = podsToEvict(pods, opts);
  const { evict, warnings } = found;
  const errors = [...found.errors, ...missingDaemonSets.map((ref) => `daemonsets.apps "${ref.split('/')[2] ?? ''}" not found`)];
  if (errors.length > 0) {
    print(`error: unable to drain node "${node}" due to error: ${errors.join(', ')}, continuing command...`);
    return onDone?.(false);
  }
  warnings.forEach(print);
  let left = evict.length;
  if (left === 0) {
    print(`node/${node} drained`);
    return onDone?.(true);
  }
  const gone = (p: Pod): void => {
    print(`pod/${p.metadata.name} evicted`);
    if (--left === 0) {
      print(`node/${node} drained`);
      onDone?.(true);
    }
  };
  for (const p of evict) {
    print(`evicting pod ${podName(p)}`);
    evictPod(cluster, p, print, () => waitForDelete(cluster, p, () => gone(p)));
  }
}

function evictPod(cluster: Cluster, pod: Pod, print: Printer, onEvicted: () => void, retry = false): void {
  cluster.kubectl(retry ? 'POST pod/eviction (retry)' : 'POST pod/eviction', { verb: 'evict', ref: refOf(pod) }, (answer) => {
    if (answer.status === 429) {
      print(`error when evicting pods/"${pod.metadata.name}" -n "${pod.metadata.namespace ?? 'default'}" (will retry after 5s): ${answer.message}`);
      cluster.rt.clock.after(() => evictPod(cluster, pod, print, onEvicted, true), EVICTION_RETRY_MS);
      return;
    }
    if (answer.status < 300 || answer.status === 404) onEvicted();
  });
}

/** Polls until the pod is gone, or replaced by another object of the same name (another UID). */
function waitForDelete(cluster: Cluster, pod: Pod, onGone: () => void): void {
  cluster.rt.clock.after(() => {
    cluster.kubectl('GET pod', { verb: 'get', ref: refOf(pod) }, (got) => {
      if (got.status === 404 || got.object?.metadata.uid !== pod.metadata.uid) onGone();
      else waitForDelete(cluster, pod, onGone);
    });
  }, DRAIN_POLL_MS);
}
