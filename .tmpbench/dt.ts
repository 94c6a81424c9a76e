import { createNodeInfo, addPodToNodeInfo } from '../src/model/scheduler/node-info.ts';
import { domainTotals } from '../src/model/scheduler/plugins/topology-spread/domain-totals.ts';
import { countKey } from '../src/model/scheduler/plugins/topology-spread/constraints.ts';
import type { Node, Pod, LabelSelector } from '../src/model/objects.ts';
const nodes = Array.from({ length: 500 }, (_, i) => createNodeInfo({ apiVersion: 'v1', kind: 'Node', metadata: { name: `n${i}`, labels: { 'kubernetes.io/hostname': `n${i}` } }, spec: {}, status: { allocatable: { cpu: '32', memory: '128Gi', pods: '110' } } } as unknown as Node));
const sel: LabelSelector = { matchExpressions: [{ key: 'app', operator: 'In', values: ['web'] }] };
const key = countKey(sel, 'default');
const t0 = performance.now();
for (let p = 0; p < 10000; p++) {
  const pod = { apiVersion: 'v1', kind: 'Pod', metadata: { name: `p${p}`, uid: `u${p}`, namespace: 'default', labels: { app: 'web' } }, spec: { containers: [{ name: 'c', image: 'x', resources: { requests: { cpu: '100m' } } }] } } as unknown as Pod;
  addPodToNodeInfo(nodes[p % 500]!, pod);
  domainTotals(nodes, 'topology.kubernetes.io/zone', sel, 'default', key);
}
console.log('10000 domainTotals calls', (performance.now() - t0).toFixed(0), 'ms');
