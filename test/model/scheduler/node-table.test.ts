/**
 * The flat per-node state kept across cycles from a cache's change log (node-table.ts,
 * topology-spread/domain-totals.ts) must equal what the NodeInfos say now after any sequence of
 * pods added, removed, updated and nodes changed (tainted, cordoned, relabelled, resized, images
 * pulled); the scores kept per node across cycles (slot-cache.ts) must equal those of a fresh
 * list; and the quick filter (quick-filter.ts) must never pass a node the filter plugins reject.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Node, Pod } from '../../../src/model/objects.ts';
import { addPodToNodeInfo, createNodeInfo, createNodeInfoChanges, removePodFromNodeInfo, setNodeInfoNode, updatePodInNodeInfo, type NodeInfo } from '../../../src/model/scheduler/node-info.ts';
import { FLAG_PREFER_NO_SCHEDULE, FLAG_TAINTED, FLAG_UNSCHEDULABLE, nodeTable } from '../../../src/model/scheduler/node-table.ts';
import { createPodContext } from '../../../src/model/scheduler/pod-context.ts';
import { countMatching, countKey } from '../../../src/model/scheduler/plugins/topology-spread/constraints.ts';
import { domainTotals } from '../../../src/model/scheduler/plugins/topology-spread/domain-totals.ts';
import { DEFAULT_PROFILE } from '../../../src/model/scheduler/profile.ts';
import { QUICK_FIT, quickFilter, quickPasses } from '../../../src/model/scheduler/quick-filter.ts';
import { activeFilters, runFilters } from '../../../src/model/scheduler/run-filters.ts';
import { scoreNodes, scoresOf } from '../../../src/model/scheduler/score-nodes.ts';

const ZONE = 'topology.kubernetes.io/zone';
const NODES = 5;
const selector = { matchLabels: { app: 'web' } };

function nodeOf(i: number, v: { cpu: number; zone: number; taint: number; cordon: boolean; image: boolean }): Node {
  const taints = v.taint === 0 ? [] : [{ key: 'k', value: 'v', effect: v.taint === 1 ? ('PreferNoSchedule' as const) : ('NoSchedule' as const) }];
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: { name: `n${i}`, labels: { 'kubernetes.io/hostname': `n${i}`, ...(v.zone === 0 ? {} : { [ZONE]: `z${v.zone}` }) } },
    spec: { ...(taints.length > 0 ? { taints } : {}), ...(v.cordon ? { unschedulable: true } : {}) },
    status: { allocatable: { cpu: `${v.cpu}m`, memory: '4Gi', pods: '3' }, ...(v.image ? { images: [{ names: ['i:latest'], sizeBytes: 300_000_000 }] } : {}) },
  };
}

function podOf(k: number, app: string, cpu: number, node: number): Pod {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: `p${k}`, namespace: 'default', uid: `p${k}`, labels: { app } },
    spec: { nodeName: `n${node}`, containers: [{ name: 'c', image: 'i', resources: { requests: { cpu: `${cpu}m`, memory: '100Mi' } } }] },
    status: { phase: 'Running' },
  };
}

const nodeArb = fc.record({ cpu: fc.integer({ min: 0, max: 2000 }), zone: fc.integer({ min: 0, max: 2 }), taint: fc.integer({ min: 0, max: 2 }), cordon: fc.boolean(), image: fc.boolean() });
const opArb = fc.oneof(
  fc.record({ op: fc.constant('add' as const), k: fc.integer({ min: 0, max: 11 }), node: fc.integer({ min: 0, max: NODES - 1 }), cpu: fc.integer({ min: 0, max: 900 }), web: fc.boolean() }),
  fc.record({ op: fc.constant('remove' as const), k: fc.integer({ min: 0, max: 11 }) }),
  fc.record({ op: fc.constant('relabel' as const), k: fc.integer({ min: 0, max: 11 }) }),
  fc.record({ op: fc.constant('status' as const), k: fc.integer({ min: 0, max: 11 }) }),
  fc.record({ op: fc.constant('node' as const), node: fc.integer({ min: 0, max: NODES - 1 }), v: nodeArb }),
  fc.record({ op: fc.constant('check' as const), cpu: fc.integer({ min: 0, max: 1500 }) }),
);

function check(list: readonly NodeInfo[], cpu: number): void {
  const t = nodeTable(list);
  list.forEach((info, i) => {
    expect(t.allocCpu[i]).toBe(info.allocatable.milliCPU);
    expect(t.allowedPods[i]).toBe(info.allocatable.allowedPodNumber);
    expect([t.reqCpu[i], t.reqMem[i], t.reqEph[i]]).toEqual([info.requested.milliCPU, info.requested.memory, info.requested.ephemeralStorage]);
    expect([t.nonZeroCpu[i], t.nonZeroMem[i]]).toEqual([info.nonZeroRequested.milliCPU, info.nonZeroRequested.memory]);
    expect(t.podCount[i]).toBe(info.pods.size);
    const taints = info.node.spec.taints ?? [];
    expect(((t.flags[i] ?? 0) & FLAG_UNSCHEDULABLE) !== 0).toBe(info.node.spec.unschedulable === true);
    expect(((t.flags[i] ?? 0) & FLAG_TAINTED) !== 0).toBe(taints.length > 0);
    expect(((t.flags[i] ?? 0) & FLAG_PREFER_NO_SCHEDULE) !== 0).toBe(taints.some((x) => x.effect === 'PreferNoSchedule'));
  });
  // The counts per node and per zone, against a recount from the pods.
  const key = countKey(selector, 'default');
  const d = domainTotals(list, ZONE, selector, 'default', key);
  const recount = new Map<string, number>();
  list.forEach((info, i) => {
    const n = countMatching(info.pods.values(), selector, 'default');
    const zone = info.node.metadata.labels?.[ZONE];
    expect(d.count[i]).toBe(n);
    expect(d.hasKey[i]).toBe(zone === undefined ? 0 : 1);
    expect(d.names[d.domain[i] ?? -1]).toBe(zone ?? '');
    recount.set(zone ?? '', (recount.get(zone ?? '') ?? 0) + n);
  });
  d.names.forEach((name, id) => expect(d.totals[id]).toBe(recount.get(name) ?? 0));
  expect(d.withKey).toBe(list.filter((info) => info.node.metadata.labels?.[ZONE] !== undefined).length);
  expect(t.preferNoSchedule).toBe(list.filter((info) => (info.node.spec.taints ?? []).some((x) => x.effect === 'PreferNoSchedule')).length);
  // Every score plugin, with the per-node scores kept across cycles (slot-cache.ts), scores as on
  // a fresh list of the same nodes (nothing kept).
  const scoring = podOf(98, 'web', cpu, 0);
  const scoringCtx = { ...createPodContext({ ...scoring, spec: { containers: scoring.spec.containers } }), defaultSpreadSelector: selector };
  const kept = scoreNodes(scoringCtx, list, DEFAULT_PROFILE, list);
  const keptScores = list.map((_info, j) => [scoresOf(kept, j), kept.totals[j]]);
  const copy = [...list];
  const afresh = scoreNodes(scoringCtx, copy, DEFAULT_PROFILE, copy);
  expect(keptScores).toEqual(copy.map((_info, j) => [scoresOf(afresh, j), afresh.totals[j]]));
  // The quick filter passes a node only if the plugins do.
  const incoming = podOf(99, 'web', cpu, 0);
  const ctx = createPodContext({ ...incoming, spec: { containers: incoming.spec.containers } });
  const filters = activeFilters(DEFAULT_PROFILE, ctx);
  const quick = quickFilter(filters, ctx.request);
  expect(quick).toBe(QUICK_FIT);
  list.forEach((info, i) => {
    const plugins = runFilters(DEFAULT_PROFILE, ctx, info, 'detailed', filters);
    if (quickPasses(t, i, quick, ctx.request)) expect(plugins).toBeNull();
    // A plain node the quick test refuses is one the plugins refuse too.
    else if (((t.flags[i] ?? 0) & (FLAG_TAINTED | FLAG_UNSCHEDULABLE)) === 0) expect(plugins).not.toBeNull();
  });
}

describe('flat node state kept from the change log', () => {
  it.each([
    ['a cache (changes read from its log)', true],
    ['standalone infos (every node visited)', false],
  ])('equals the NodeInfos after any changes: %s', (_name, logged) => {
    fc.assert(
      fc.property(fc.array(nodeArb, { minLength: NODES, maxLength: NODES }), fc.array(opArb, { maxLength: 40 }), (initial, ops) => {
        const changes = createNodeInfoChanges();
        const list = initial.map((v, i) => createNodeInfo(nodeOf(i, v), logged ? changes : undefined));
        const placed = new Map<number, { pod: Pod; node: number }>();
        check(list, 100);
        for (const o of ops) {
          if (o.op === 'add') {
            if (placed.has(o.k)) continue;
            const p = podOf(o.k, o.web ? 'web' : 'other', o.cpu, o.node);
            placed.set(o.k, { pod: p, node: o.node });
            addPodToNodeInfo(list[o.node] as NodeInfo, p);
          } else if (o.op === 'remove' || o.op === 'relabel' || o.op === 'status') {
            const was = placed.get(o.k);
            if (was === undefined) continue;
            const info = list[was.node] as NodeInfo;
            if (o.op === 'remove') {
              removePodFromNodeInfo(info, was.pod);
              placed.delete(o.k);
              continue;
            }
            // A status update is taken as is; a label change is a remove and an add, as the cache does.
            const labels = o.op === 'relabel' ? { app: was.pod.metadata.labels?.app === 'web' ? 'other' : 'web' } : was.pod.metadata.labels;
            const next: Pod = { ...was.pod, metadata: { ...was.pod.metadata, labels }, status: { phase: 'Running', podIP: '10.0.0.1' } };
            if (!updatePodInNodeInfo(info, next)) {
              removePodFromNodeInfo(info, was.pod);
              addPodToNodeInfo(info, next);
            }
            placed.set(o.k, { pod: next, node: was.node });
          } else if (o.op === 'node') {
            setNodeInfoNode(list[o.node] as NodeInfo, nodeOf(o.node, o.v));
          } else check(list, o.cpu);
        }
        check(list, 100);
      }),
      { seed: 11, numRuns: 200 },
    );
  });
});
