import { describe, expect, it } from 'vitest';
import { FlowAggregator, flowLabel, groupEnd } from '../../../src/render/scale/flows.ts';
import type { ComponentId, MessageEvent } from '../../../src/sim/trace.ts';

const zoneOf = (node: string): string | undefined => (node.startsWith('@') ? undefined : `zone-${node[0] ?? ''}`);
let id = 0;
const msg = (from: ComponentId, to: ComponentId, action: string, type: MessageEvent['type'] = 'request'): MessageEvent => ({ kind: 'message', t: 0, seq: id, id: ++id, from, to, type, action, arrive: 1 });

describe('flows per route', () => {
  it('a node component stands for its zone group; control-plane components and unknown nodes stay themselves', () => {
    expect(groupEnd('kubelet/c-07', zoneOf)).toBe('kubelet/@zone-c');
    expect(groupEnd('kube-proxy/a-01', zoneOf)).toBe('kube-proxy/@zone-a');
    expect(groupEnd('kube-apiserver', zoneOf)).toBeUndefined();
    expect(groupEnd('etcd/etcd-1', zoneOf)).toBeUndefined();
    expect(groupEnd('kubelet/@zone-a', zoneOf)).toBeUndefined();
  });

  it('N messages on one route are one flow with count N, the newest one carries the token', () => {
    const agg = new FlowAggregator();
    agg.begin();
    for (let i = 0; i < 15; i++) {
      const m = msg(`kubelet/a-${i}`, 'kube-apiserver', 'PUT lease');
      agg.add(m, groupEnd(m.from, zoneOf) ?? m.from, m.to, i / 15, i, true);
    }
    const m = msg('kubelet/b-1', 'kube-apiserver', 'PUT lease');
    agg.add(m, 'kubelet/@zone-b', 'kube-apiserver', 0.5, 3, true);
    const flows = agg.flows();
    expect(flows).toHaveLength(2);
    expect(flows[0]?.count).toBe(15);
    expect(flows[0]?.progress).toBeCloseTo(14 / 15);
    expect(flows[0]?.message.from).toBe('kubelet/@zone-a');
    expect(flowLabel(flows[0] ?? { count: 0, action: undefined }, 'en')).toBe('PUT lease ×15');
    expect(flows[1]?.count).toBe(1);
    expect(flowLabel(flows[1] ?? { count: 0, action: undefined }, 'en')).toBe('PUT lease');
  });

  it('different directions and shapes are different flows; mixed actions say how many messages', () => {
    const agg = new FlowAggregator();
    agg.begin();
    agg.add(msg('kubelet/a-1', 'kube-apiserver', 'PATCH pod status'), 'kubelet/@zone-a', 'kube-apiserver', 0.1, 1, false);
    agg.add(msg('kubelet/a-2', 'kube-apiserver', 'PUT lease'), 'kubelet/@zone-a', 'kube-apiserver', 0.2, 2, false);
    agg.add(msg('kube-apiserver', 'kubelet/a-1', 'watch: MODIFIED', 'watch'), 'kube-apiserver', 'kubelet/@zone-a', 0.3, 3, false);
    const flows = agg.flows();
    expect(flows.map((f) => f.count)).toEqual([2, 1]);
    expect(flowLabel(flows[0] ?? { count: 0, action: undefined }, 'en')).toBe('2 messages');
    expect(flowLabel(flows[0] ?? { count: 0, action: undefined }, 'ko')).toBe('메시지 2개');
  });

  it('a route keeps its stand-in message id from frame to frame, and a frame starts empty', () => {
    const agg = new FlowAggregator();
    agg.begin();
    agg.add(msg('kubelet/a-1', 'kube-apiserver', 'PUT lease'), 'kubelet/@zone-a', 'kube-apiserver', 0.1, 1, true);
    const first = agg.flows()[0]?.message.id;
    agg.begin();
    expect(agg.flows()).toEqual([]);
    agg.add(msg('kubelet/a-9', 'kube-apiserver', 'PUT lease'), 'kubelet/@zone-a', 'kube-apiserver', 0.7, 9, true);
    expect(agg.flows()[0]?.message.id).toBe(first);
    expect(first).toBeLessThan(0);
  });
});
