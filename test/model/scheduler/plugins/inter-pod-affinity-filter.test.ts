/**
 * InterPodAffinity Filter, translated from upstream's table: kubernetes/kubernetes
 * pkg/scheduler/framework/plugins/interpodaffinity/filtering_test.go (TestRequiredAffinitySingleNode,
 * its first twelve cases). One node, machine1 {region: r1, zone: z11}.
 */
import { describe, expect, it } from 'vitest';
import type { LabelSelector, Pod, PodAffinityTerm } from '../../../../src/model/objects.ts';
import { affinityFilter, affinityFilterState, ERR_REASON_AFFINITY, ERR_REASON_ANTI_AFFINITY, ERR_REASON_EXISTING_ANTI_AFFINITY } from '../../../../src/model/scheduler/plugins/inter-pod-affinity/filter.ts';
import { infos, node, pod } from './spread-helpers.ts';

const podLabel = { service: 'securityscan' };
const podLabel2 = { security: 'S1' };
const node1 = node('machine1', { region: 'r1', zone: 'z11' });

type Op = 'In' | 'NotIn' | 'Exists' | 'DoesNotExist';
const sel = (...exprs: [string, Op, ...string[]][]): LabelSelector => ({ matchExpressions: exprs.map(([key, operator, ...values]) => ({ key, operator, ...(values.length > 0 ? { values } : {}) })) });
const term = (labelSelector: LabelSelector, topologyKey: string, namespaces?: string[]): PodAffinityTerm => ({ labelSelector, topologyKey, ...(namespaces ? { namespaces } : {}) });

/** createPodWithAffinityTerms(namespace, nodeName, labels, affinity, antiAffinity) */
function withTerms(nodeName: string, labels: Record<string, string>, affinity: PodAffinityTerm[] | null, anti: PodAffinityTerm[] | null, name = 'p'): Pod {
  return pod(name, {
    labels,
    ...(nodeName === '' ? {} : { node: nodeName }),
    spec: {
      affinity: {
        ...(affinity ? { podAffinity: { requiredDuringSchedulingIgnoredDuringExecution: affinity } } : {}),
        ...(anti ? { podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: anti } } : {}),
      },
    },
  });
}
const existing = (labels: Record<string, string>, nodeName = 'machine1', namespace?: string) => pod('existing', { labels, node: nodeName, ...(namespace ? { namespace } : {}) });

function verdict(incoming: Pod, pods: readonly Pod[]): { code: string; reason: string } | null {
  const all = infos([node1], pods);
  const r = affinityFilter(affinityFilterState(incoming, all), all[0] ?? (undefined as never));
  return r === null ? null : { code: r.code, reason: r.reasons[0] ?? '' };
}

const AFF = { code: 'UnschedulableAndUnresolvable', reason: ERR_REASON_AFFINITY };
const ANTI = { code: 'Unschedulable', reason: ERR_REASON_ANTI_AFFINITY };
const EXISTING = { code: 'Unschedulable', reason: ERR_REASON_EXISTING_ANTI_AFFINITY };

describe('InterPodAffinity Filter (upstream TestRequiredAffinitySingleNode)', () => {
  const inSecurityscan = sel(['service', 'In', 'securityscan', 'value2']);
  const cases: readonly { name: string; pod: Pod; pods: readonly Pod[]; want: { code: string; reason: string } | null }[] = [
    { name: 'A pod that has no required pod affinity scheduling rules can schedule onto a node with no existing pods', pod: pod('p'), pods: [], want: null },
    {
      name: 'satisfies with requiredDuringSchedulingIgnoredDuringExecution in PodAffinity using In operator that matches the existing pod',
      pod: withTerms('', podLabel2, [term(inSecurityscan, 'region')], null),
      pods: [existing(podLabel)],
      want: null,
    },
    {
      name: 'satisfies the pod with requiredDuringSchedulingIgnoredDuringExecution in PodAffinity using not in operator in labelSelector that matches the existing pod',
      pod: withTerms('', podLabel2, [term(sel(['service', 'NotIn', 'securityscan3', 'value3']), 'region')], null),
      pods: [existing(podLabel)],
      want: null,
    },
    {
      name: 'Does not satisfy the PodAffinity with labelSelector because of diff Namespace',
      pod: withTerms('', podLabel2, [term(inSecurityscan, '', ['DiffNameSpace'])], null),
      pods: [existing(podLabel, 'machine1', 'ns')],
      want: AFF,
    },
    {
      name: "Doesn't satisfy the PodAffinity because of unmatching labelSelector with the existing pod",
      pod: withTerms('', podLabel, [term(sel(['service', 'In', 'antivirusscan', 'value2']), '')], null),
      pods: [existing(podLabel)],
      want: AFF,
    },
    {
      name: 'satisfies the PodAffinity with different label Operators in multiple RequiredDuringSchedulingIgnoredDuringExecution',
      pod: withTerms('', podLabel2, [term(sel(['service', 'Exists'], ['wrongkey', 'DoesNotExist']), 'region'), term(sel(['service', 'In', 'securityscan'], ['service', 'NotIn', 'WrongValue']), 'region')], null),
      pods: [existing(podLabel)],
      want: null,
    },
    {
      name: "The labelSelector requirements(items of matchExpressions) are ANDed, the pod cannot schedule onto the node because one of the matchExpression item don't match.",
      pod: withTerms('', podLabel2, [term(sel(['service', 'Exists'], ['wrongkey', 'DoesNotExist']), 'region'), term(sel(['service', 'In', 'securityscan2'], ['service', 'NotIn', 'WrongValue']), 'region')], null),
      pods: [existing(podLabel)],
      want: AFF,
    },
    {
      name: 'satisfies the PodAffinity and PodAntiAffinity with the existing pod',
      pod: withTerms('', podLabel2, [term(inSecurityscan, 'region')], [term(sel(['service', 'In', 'antivirusscan', 'value2']), 'node')]),
      pods: [existing(podLabel)],
      want: null,
    },
    {
      name: 'satisfies the PodAffinity and PodAntiAffinity and PodAntiAffinity symmetry with the existing pod',
      pod: withTerms('', podLabel2, [term(inSecurityscan, 'region')], [term(sel(['service', 'In', 'antivirusscan', 'value2']), 'node')]),
      pods: [withTerms('machine1', podLabel, null, [term(sel(['service', 'In', 'antivirusscan', 'value2']), 'node')], 'existing')],
      want: null,
    },
    {
      name: "satisfies the PodAffinity but doesn't satisfy the PodAntiAffinity with the existing pod",
      pod: withTerms('', podLabel2, [term(inSecurityscan, 'region')], [term(inSecurityscan, 'zone')]),
      pods: [existing(podLabel)],
      want: ANTI,
    },
    {
      name: "satisfies the PodAffinity and PodAntiAffinity but doesn't satisfy PodAntiAffinity symmetry with the existing pod",
      pod: withTerms('', podLabel, [term(inSecurityscan, 'region')], [term(sel(['service', 'In', 'antivirusscan', 'value2']), 'node')]),
      pods: [withTerms('machine1', podLabel, null, [term(inSecurityscan, 'zone')], 'existing')],
      want: EXISTING,
    },
    {
      name: 'pod matches its own Label in PodAffinity and that matches the existing pod Labels',
      pod: withTerms('', podLabel, [term(sel(['service', 'NotIn', 'securityscan', 'value2']), 'region')], null),
      pods: [existing(podLabel, 'machine2')],
      want: AFF,
    },
    {
      name: "verify that PodAntiAffinity from existing pod is respected when pod has no AntiAffinity constraints. doesn't satisfy PodAntiAffinity symmetry with the existing pod",
      pod: pod('p', { labels: podLabel }),
      pods: [withTerms('machine1', podLabel, null, [term(inSecurityscan, 'zone')], 'existing')],
      want: EXISTING,
    },
    {
      name: 'verify that PodAntiAffinity from existing pod is respected when pod has no AntiAffinity constraints. satisfy PodAntiAffinity symmetry with the existing pod',
      pod: pod('p', { labels: podLabel }),
      pods: [withTerms('machine1', podLabel, null, [term(sel(['service', 'NotIn', 'securityscan', 'value2']), 'zone')], 'existing')],
      want: null,
    },
  ];
  it.each(cases)('$name', ({ pod: p, pods, want }) => {
    expect(verdict(p, pods)).toEqual(want);
  });

  it('the first pod of a group that attracts itself may go anywhere (no match anywhere yet, it matches its own terms)', () => {
    expect(verdict(withTerms('', podLabel, [term(inSecurityscan, 'region')], null), [])).toBeNull();
  });
});
