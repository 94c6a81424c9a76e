/**
 * NodePorts, translated from upstream's tables: kubernetes/kubernetes
 * pkg/scheduler/framework/plugins/nodeports/node_ports_test.go (TestNodePorts, TestFits).
 */
import { describe, expect, it } from 'vitest';
import type { Container, ContainerPort, Pod } from '../../../../src/model/objects.ts';
import { createNodeInfo, addPodToNodeInfo } from '../../../../src/model/scheduler/node-info.ts';
import { createPodContext } from '../../../../src/model/scheduler/pod-context.ts';
import { ERR_REASON_NODE_PORTS, nodePortsFilter } from '../../../../src/model/scheduler/plugins/node-ports.ts';
import { makeNode } from '../helpers.ts';

let n = 0;
/** "UDP/127.0.0.1/8080" -> a container port, as upstream's newPod(host, hostPortInfos...). */
function port(info: string): ContainerPort {
  const [protocol = '', hostIP = '', hostPort = '0'] = info.split('/');
  return { containerPort: 0, protocol, hostIP, hostPort: Number(hostPort) };
}

function podWith(containers: readonly Container[], initContainers: readonly Container[] = [], nodeName?: string): Pod {
  n++;
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: `p${n}`, namespace: 'default', uid: `p${n}` },
    spec: { containers, ...(initContainers.length > 0 ? { initContainers } : {}), ...(nodeName === undefined ? {} : { nodeName }) },
  };
}

const newPod = (host: string | undefined, ...ports: string[]): Pod => podWith([{ name: 'c', image: 'i', ports: ports.map(port) }], [], host);
const sidecarPod = (sidecar: boolean): Pod =>
  podWith([], [{ name: 'init', image: 'i', ...(sidecar ? { restartPolicy: 'Always' as const } : {}), ports: [{ containerPort: 8001, hostPort: 8001, protocol: 'TCP' }] }]);

/** The filter's verdict on a node holding `existing`; 'skip' when the pod asks for no host port (PreFilter Skip). */
function verdict(pod: Pod, existing: Pod | undefined): 'skip' | 'fits' | 'conflict' {
  const ctx = createPodContext(pod);
  if (ctx.hostPorts.length === 0) return 'skip';
  const info = createNodeInfo(makeNode('m1', { cpu: '1' }));
  if (existing !== undefined) addPodToNodeInfo(info, { ...existing, spec: { ...existing.spec, nodeName: 'm1' } });
  const r = nodePortsFilter(ctx, info);
  if (r === null) return 'fits';
  expect(r).toEqual({ plugin: 'NodePorts', code: 'Unschedulable', reasons: [ERR_REASON_NODE_PORTS] });
  return 'conflict';
}

describe('NodePorts (upstream TestNodePorts)', () => {
  const cases: readonly { name: string; pod: Pod; existing?: Pod; want: 'skip' | 'fits' | 'conflict' }[] = [
    { name: 'skip filter', pod: podWith([{ name: 'c', image: 'i' }]), want: 'skip' },
    { name: 'other port', pod: newPod('m1', 'UDP/127.0.0.1/8080'), existing: newPod('m1', 'UDP/127.0.0.1/9090'), want: 'fits' },
    { name: 'same udp port', pod: newPod('m1', 'UDP/127.0.0.1/8080'), existing: newPod('m1', 'UDP/127.0.0.1/8080'), want: 'conflict' },
    { name: 'same tcp port', pod: newPod('m1', 'TCP/127.0.0.1/8080'), existing: newPod('m1', 'TCP/127.0.0.1/8080'), want: 'conflict' },
    { name: 'different host ip', pod: newPod('m1', 'TCP/127.0.0.1/8080'), existing: newPod('m1', 'TCP/127.0.0.2/8080'), want: 'fits' },
    { name: 'different protocol', pod: newPod('m1', 'UDP/127.0.0.1/8080'), existing: newPod('m1', 'TCP/127.0.0.1/8080'), want: 'fits' },
    { name: 'second udp port conflict', pod: newPod('m1', 'UDP/127.0.0.1/8000', 'UDP/127.0.0.1/8080'), existing: newPod('m1', 'UDP/127.0.0.1/8080'), want: 'conflict' },
    { name: 'first tcp port conflict', pod: newPod('m1', 'TCP/127.0.0.1/8001', 'UDP/127.0.0.1/8080'), existing: newPod('m1', 'TCP/127.0.0.1/8001', 'UDP/127.0.0.1/8081'), want: 'conflict' },
    { name: 'first tcp port conflict due to 0.0.0.0 hostIP', pod: newPod('m1', 'TCP/0.0.0.0/8001'), existing: newPod('m1', 'TCP/127.0.0.1/8001'), want: 'conflict' },
    { name: 'TCP hostPort conflict due to 0.0.0.0 hostIP', pod: newPod('m1', 'TCP/10.0.10.10/8001', 'TCP/0.0.0.0/8001'), existing: newPod('m1', 'TCP/127.0.0.1/8001'), want: 'conflict' },
    { name: 'second tcp port conflict to 0.0.0.0 hostIP', pod: newPod('m1', 'TCP/127.0.0.1/8001'), existing: newPod('m1', 'TCP/0.0.0.0/8001'), want: 'conflict' },
    { name: 'second different protocol', pod: newPod('m1', 'UDP/127.0.0.1/8001'), existing: newPod('m1', 'TCP/0.0.0.0/8001'), want: 'fits' },
    { name: 'UDP hostPort conflict due to 0.0.0.0 hostIP', pod: newPod('m1', 'UDP/127.0.0.1/8001'), existing: newPod('m1', 'TCP/0.0.0.0/8001', 'UDP/0.0.0.0/8001'), want: 'conflict' },
    { name: 'non-sidecar initContainer using hostPort', pod: sidecarPod(false), existing: newPod('m1', 'TCP/0.0.0.0/8001'), want: 'skip' },
    { name: 'TCP hostPort conflict from sidecar initContainer', pod: sidecarPod(true), existing: newPod('m1', 'TCP/0.0.0.0/8001'), want: 'conflict' },
  ];
  it.each(cases)('$name', ({ pod, existing, want }) => {
    expect(verdict(pod, existing)).toBe(want);
  });
});

describe('NodePorts (upstream TestFits)', () => {
  const cases: readonly { desc: string; pod: Pod; existing: Pod; expect: boolean }[] = [
    { desc: 'non-conflicting ports', pod: newPod('p', 'TCP/127.0.0.1/80'), existing: newPod('p1', 'TCP/127.0.0.1/9090'), expect: true },
    {
      desc: 'multiple non-conflicting ports',
      pod: newPod('p', 'TCP/127.0.0.1/80', 'TCP/127.0.1.1/80', 'TCP/127.0.1.1/90', 'TCP/127.0.1.1/100'),
      existing: newPod('p1', 'TCP/127.0.0.1/9090', 'TCP/127.0.0.1/9191', 'TCP/127.0.1.1/8080'),
      expect: true,
    },
    { desc: 'same ports on different protocols', pod: newPod('m1', 'TCP/127.0.0.1/80'), existing: newPod('p1', 'UDP/127.0.0.1/80'), expect: true },
    { desc: 'conflicting ports', pod: newPod('m1', 'TCP/127.0.0.1/80'), existing: newPod('p1', 'TCP/127.0.0.1/80'), expect: false },
    {
      desc: 'multiple ports, some conflicting',
      pod: newPod('p', 'TCP/127.0.0.1/80', 'TCP/127.0.1.1/80', 'TCP/127.0.1.1/90', 'TCP/127.0.1.1/100'),
      existing: newPod('p1', 'TCP/127.0.0.1/9090', 'TCP/127.0.1.1/90', 'TCP/127.0.1.1/8080'),
      expect: false,
    },
  ];
  it.each(cases)('$desc', ({ pod, existing, expect: fits }) => {
    expect(verdict(pod, existing)).toBe(fits ? 'fits' : 'conflict');
  });
});
