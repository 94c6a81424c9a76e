/**
 * InterPodAffinity Filter (upstream interpodaffinity/filtering.go). PreFilter counts, per topology
 * pair (key, value): existing pods whose required anti-affinity matches the incoming pod (the
 * symmetry), existing pods matching all of the incoming pod's required affinity terms, and those
 * matching its required anti-affinity terms. Filter then checks, in order: affinity (every term's
 * key on the node and a matching pod in its domain, or no match anywhere and the pod matching its
 * own terms: the first of a group), anti-affinity, and existing pods' anti-affinity.
 */
import type { Pod } from '../../../objects.ts';
import type { NodeInfo } from '../../node-info.ts';
import { reject, type Rejection } from '../../status.ts';
import { nodesWithAffinity } from './nodes-with-affinity.ts';
import { matchesAll, podTerms, termMatches, type PodTerms } from './terms.ts';

export const ERR_REASON_AFFINITY = "node(s) didn't match pod affinity rules";
export const ERR_REASON_ANTI_AFFINITY = "node(s) didn't match pod anti-affinity rules";
export const ERR_REASON_EXISTING_ANTI_AFFINITY = "node(s) didn't satisfy existing pods anti-affinity rules";
const AFFINITY = reject('InterPodAffinity', 'UnschedulableAndUnresolvable', ERR_REASON_AFFINITY);
const ANTI_AFFINITY = reject('InterPodAffinity', 'Unschedulable', ERR_REASON_ANTI_AFFINITY);
const EXISTING_ANTI_AFFINITY = reject('InterPodAffinity', 'Unschedulable', ERR_REASON_EXISTING_ANTI_AFFINITY);

/** "key\u0000value" -> count */
type PairCounts = Map<string, number>;
const pair = (key: string, value: string): string => `${key}\u0000${value}`;

export interface AffinityFilterState {
  readonly terms: PodTerms;
  readonly pod: Pod;
  readonly existingAntiAffinity: PairCounts;
  readonly affinity: PairCounts;
  readonly antiAffinity: PairCounts;
}

function add(m: PairCounts, key: string, value: string | undefined): void {
  if (value !== undefined) m.set(pair(key, value), (m.get(pair(key, value)) ?? 0) + 1);
}

/** PreFilter; undefined (Skip) when neither the pod nor any existing pod has a required term that matters. */
export function affinityFilterState(pod: Pod, all: readonly NodeInfo[]): AffinityFilterState | undefined {
  const terms = podTerms(pod);
  // Without required terms of its own, only existing pods with required anti-affinity count: visit
  // only the nodes that have some (upstream HavePodsWithRequiredAntiAffinityList).
  const ownTerms = terms.requiredAffinity.length > 0 || terms.requiredAntiAffinity.length > 0;
  if (!ownTerms && nodesWithAffinity(all).withRequiredAntiAffinity === 0) return undefined;
  // Built only past the Skip (most pods): three maps per pod scheduled otherwise.
  const existingAntiAffinity: PairCounts = new Map();
  const affinity: PairCounts = new Map();
  const antiAffinity: PairCounts = new Map();
  let existingWithAnti = false;
  for (const info of all) {
    if (!ownTerms && info.podsWithRequiredAntiAffinity === 0) continue;
    const labels = info.node.metadata.labels ?? {};
    for (const { pod: existing } of info.pods.values()) {
      const anti = existing.spec.affinity?.podAntiAffinity?.requiredDuringSchedulingIgnoredDuringExecution ?? [];
      if (anti.length > 0) {
        existingWithAnti = true;
        for (const t of podTerms(existing).requiredAntiAffinity) if (termMatches(t, pod)) add(existingAntiAffinity, t.topologyKey, labels[t.topologyKey]);
      }
      if (matchesAll(terms.requiredAffinity, existing)) for (const t of terms.requiredAffinity) add(affinity, t.topologyKey, labels[t.topologyKey]);
      for (const t of terms.requiredAntiAffinity) if (termMatches(t, existing)) add(antiAffinity, t.topologyKey, labels[t.topologyKey]);
    }
  }
  if (!existingWithAnti && terms.requiredAffinity.length === 0 && terms.requiredAntiAffinity.length === 0) return undefined;
  return { terms, pod, existingAntiAffinity, affinity, antiAffinity };
}

function satisfiesAffinity(s: AffinityFilterState, labels: Readonly<Record<string, string>>): boolean {
  let podsExist = true;
  for (const t of s.terms.requiredAffinity) {
    const v = labels[t.topologyKey];
    if (v === undefined) return false;
    if ((s.affinity.get(pair(t.topologyKey, v)) ?? 0) <= 0) podsExist = false;
  }
  // The first pod of a group that attracts itself: nothing matches anywhere yet, but it matches its own terms.
  return podsExist || (s.affinity.size === 0 && matchesAll(s.terms.requiredAffinity, s.pod));
}

function satisfiesAntiAffinity(s: AffinityFilterState, labels: Readonly<Record<string, string>>): boolean {
  for (const t of s.terms.requiredAntiAffinity) {
    const v = labels[t.topologyKey];
    if (v !== undefined && (s.antiAffinity.get(pair(t.topologyKey, v)) ?? 0) > 0) return false;
  }
  return true;
}

function satisfiesExistingAntiAffinity(s: AffinityFilterState, labels: Readonly<Record<string, string>>): boolean {
  if (s.existingAntiAffinity.size === 0) return true;
  for (const [k, v] of Object.entries(labels)) if ((s.existingAntiAffinity.get(pair(k, v)) ?? 0) > 0) return false;
  return true;
}

export function affinityFilter(state: AffinityFilterState | undefined, info: NodeInfo): Rejection | null {
  if (state === undefined) return null;
  const labels = info.node.metadata.labels ?? {};
  if (!satisfiesAffinity(state, labels)) return AFFINITY;
  if (!satisfiesAntiAffinity(state, labels)) return ANTI_AFFINITY;
  if (!satisfiesExistingAntiAffinity(state, labels)) return EXISTING_ANTI_AFFINITY;
  return null;
}
