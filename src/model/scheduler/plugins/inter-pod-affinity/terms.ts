/**
 * Pod (anti-)affinity terms as InterPodAffinity matches them (upstream framework.AffinityTerm): a
 * pod matches when it is in the term's namespaces (none listed and no namespaceSelector: the
 * owning pod's namespace) and its labels match the selector (a term without labelSelector matches
 * no pod). matchLabelKeys / mismatchLabelKeys add In / NotIn the owning pod's values. Namespace
 * labels are not modelled beyond kubernetes.io/metadata.name, which every namespace carries.
 */
import { labelSelectorMatches } from '../../../labels.ts';
import type { LabelSelector, Pod, PodAffinity, PodAffinityTerm } from '../../../objects.ts';

export interface AffinityTerm {
  readonly topologyKey: string;
  readonly selector: LabelSelector | undefined;
  readonly namespaces: ReadonlySet<string>;
  readonly namespaceSelector: LabelSelector | undefined;
}

export interface WeightedTerm {
  readonly term: AffinityTerm;
  readonly weight: number;
}

const ns = (pod: Pod): string => pod.metadata.namespace ?? 'default';

function termOf(t: PodAffinityTerm, owner: Pod): AffinityTerm {
  const labels = owner.metadata.labels ?? {};
  const extra = [
    ...(t.matchLabelKeys ?? []).flatMap((key) => (labels[key] === undefined ? [] : [{ key, operator: 'In' as const, values: [labels[key]] }])),
    ...(t.mismatchLabelKeys ?? []).flatMap((key) => (labels[key] === undefined ? [] : [{ key, operator: 'NotIn' as const, values: [labels[key]] }])),
  ];
  const selector = t.labelSelector === undefined ? undefined : extra.length === 0 ? t.labelSelector : { ...t.labelSelector, matchExpressions: [...(t.labelSelector.matchExpressions ?? []), ...extra] };
  const namespaces = new Set(t.namespaces ?? []);
  if (namespaces.size === 0 && t.namespaceSelector === undefined) namespaces.add(ns(owner));
  return { topologyKey: t.topologyKey, selector, namespaces, namespaceSelector: t.namespaceSelector };
}

export function termMatches(term: AffinityTerm, pod: Pod): boolean {
  const namespace = ns(pod);
  const inNamespace = term.namespaces.has(namespace) || (term.namespaceSelector !== undefined && labelSelectorMatches(term.namespaceSelector, { 'kubernetes.io/metadata.name': namespace }));
  return inNamespace && term.selector !== undefined && labelSelectorMatches(term.selector, pod.metadata.labels ?? {});
}

export interface PodTerms {
  readonly requiredAffinity: readonly AffinityTerm[];
  readonly requiredAntiAffinity: readonly AffinityTerm[];
  readonly preferredAffinity: readonly WeightedTerm[];
  readonly preferredAntiAffinity: readonly WeightedTerm[];
}

const required = (a: PodAffinity | undefined, owner: Pod): AffinityTerm[] => (a?.requiredDuringSchedulingIgnoredDuringExecution ?? []).map((t) => termOf(t, owner));
const preferred = (a: PodAffinity | undefined, owner: Pod): WeightedTerm[] =>
  (a?.preferredDuringSchedulingIgnoredDuringExecution ?? []).map((w) => ({ term: termOf(w.podAffinityTerm, owner), weight: w.weight }));

const NO_TERMS: PodTerms = { requiredAffinity: [], requiredAntiAffinity: [], preferredAffinity: [], preferredAntiAffinity: [] };

/** Upstream framework.PodInfo's affinity fields. */
export function podTerms(pod: Pod): PodTerms {
  const a = pod.spec.affinity;
  // Most pods have no pod (anti-)affinity, and both plugins ask for every pod scheduled.
  if (a?.podAffinity === undefined && a?.podAntiAffinity === undefined) return NO_TERMS;
  return {
    requiredAffinity: required(a?.podAffinity, pod),
    requiredAntiAffinity: required(a?.podAntiAffinity, pod),
    preferredAffinity: preferred(a?.podAffinity, pod),
    preferredAntiAffinity: preferred(a?.podAntiAffinity, pod),
  };
}

/** Upstream NodeInfo.PodsWithAffinity: any pod affinity or anti-affinity. */
export function hasPodAffinity(pod: Pod): boolean {
  const a = pod.spec.affinity;
  return a?.podAffinity !== undefined || a?.podAntiAffinity !== undefined;
}

/** The existing pod matches every term (upstream podMatchesAllAffinityTerms; false for no terms). */
export function matchesAll(terms: readonly AffinityTerm[], pod: Pod): boolean {
  return terms.length > 0 && terms.every((t) => termMatches(t, pod));
}
