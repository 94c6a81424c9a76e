/**
 * A pod's resource requests as kube-scheduler computes them (k8s.io/component-helpers/resource
 * PodRequests): the sum of the app containers, sidecars (init containers with restartPolicy Always)
 * added to it, and the maximum with every regular init container (plus the sidecars started
 * before it); then the pod overhead. Quantities are summed exactly (in nanos) and rounded up once,
 * as upstream sums Quantities before MilliValue()/Value().
 *
 * Like kube-apiserver's defaulting (SetDefaults_Pod), a container with a limit but no request for a
 * resource requests its limit.
 */
import type { Container, Pod, ResourceList } from '../objects.ts';
import { nanosToScaled, nanoValue, parseQuantity } from '../quantity.ts';
import { DEFAULT_MEMORY_REQUEST, DEFAULT_MILLI_CPU_REQUEST, isScalarResourceName, type PodRequest } from './resources.ts';

type Nanos = Map<string, bigint>;

const NON_MISSING: ReadonlyMap<string, bigint> = new Map([
  ['cpu', BigInt(DEFAULT_MILLI_CPU_REQUEST) * 1_000_000n],
  ['memory', BigInt(DEFAULT_MEMORY_REQUEST) * 1_000_000_000n],
]);

/** Parsed quantities by their text: a cluster repeats the same few ("100m", "128Mi") thousands of times. */
const nanosByText = new Map<string, bigint>();
const MAX_MEMO = 4096;

function nanosOf(raw: string, field: string): bigint {
  const hit = nanosByText.get(raw);
  if (hit !== undefined) return hit;
  const n = nanoValue(parseQuantity(raw, field));
  if (nanosByText.size < MAX_MEMO) nanosByText.set(raw, n);
  return n;
}

function parseList(list: ResourceList | undefined, path: string, into: Nanos): void {
  if (list === undefined) return;
  for (const name in list) {
    const raw = list[name];
    if (raw === undefined || into.has(name)) continue;
    into.set(name, nanosOf(raw, `${path}.${name}`));
  }
}

function containerRequests(c: Container, path: string, nonZero: boolean): Nanos {
  const out: Nanos = new Map();
  parseList(c.resources?.requests, `${path}.resources.requests`, out);
  parseList(c.resources?.limits, `${path}.resources.limits`, out);
  if (nonZero) for (const [name, v] of NON_MISSING) if (!out.has(name)) out.set(name, v);
  return out;
}

function add(into: Nanos, from: Nanos): void {
  for (const [k, v] of from) into.set(k, (into.get(k) ?? 0n) + v);
}

function maxInto(into: Nanos, from: Nanos): void {
  for (const [k, v] of from) {
    const cur = into.get(k);
    if (cur === undefined || v > cur) into.set(k, v);
  }
}

function aggregate(pod: Pod, nonZero: boolean): Nanos {
  const reqs: Nanos = new Map();
  pod.spec.containers.forEach((c, i) => add(reqs, containerRequests(c, `spec.containers[${i}]`, nonZero)));
  const sidecars: Nanos = new Map();
  const initMax: Nanos = new Map();
  (pod.spec.initContainers ?? []).forEach((c, i) => {
    const r = containerRequests(c, `spec.initContainers[${i}]`, nonZero);
    if (c.restartPolicy === 'Always') {
      add(reqs, r);
      add(sidecars, r);
      maxInto(initMax, sidecars);
    } else {
      const during: Nanos = new Map(r);
      add(during, sidecars);
      maxInto(initMax, during);
    }
  });
  maxInto(reqs, initMax);
  if (pod.spec.overhead !== undefined) {
    const overhead: Nanos = new Map();
    parseList(pod.spec.overhead, 'spec.overhead', overhead);
    add(reqs, overhead);
  }
  return reqs;
}

const toMilli = (n: bigint | undefined): number => (n === undefined ? 0 : nanosToScaled(n, 6));
const toUnits = (n: bigint | undefined): number => (n === undefined ? 0 : nanosToScaled(n, 9));

const cache = new WeakMap<object, PodRequest>();

/**
 * The cache key: pods made from one template share their containers array, so most pods of a
 * ReplicaSet hit the cache even though each pod object is new. Objects are immutable.
 */
const cacheKey = (pod: Pod): object =>
  pod.spec.initContainers === undefined && pod.spec.overhead === undefined ? pod.spec.containers : pod.spec;

/** The pod's requests; cached (see cacheKey). Throws QuantityError naming the field. */
export function computePodRequest(pod: Pod): PodRequest {
  const key = cacheKey(pod);
  const hit = cache.get(key);
  if (hit !== undefined) return hit;
  const actual = aggregate(pod, false);
  const nonZero = aggregate(pod, true);
  const scalar = new Map<string, number>();
  for (const [name, n] of actual) if (isScalarResourceName(name)) scalar.set(name, toUnits(n));
  const req: PodRequest = {
    milliCPU: toMilli(actual.get('cpu')),
    memory: toUnits(actual.get('memory')),
    ephemeralStorage: toUnits(actual.get('ephemeral-storage')),
    scalar,
    nonZeroMilliCPU: toMilli(nonZero.get('cpu')),
    nonZeroMemory: toUnits(nonZero.get('memory')),
  };
  cache.set(key, req);
  return req;
}
