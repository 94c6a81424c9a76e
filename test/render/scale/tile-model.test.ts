import { describe, expect, it } from 'vitest';
import type { K8sObject, Node } from '../../../src/model/objects.ts';
import { ScaleModel } from '../../../src/render/scale/tile-model.ts';
import type { ComponentStatus } from '../../../src/sim/trace.ts';

const node = (name: string): Node => ({ apiVersion: 'v1', kind: 'Node', metadata: { name }, spec: {}, status: { conditions: [{ type: 'Ready', status: 'True' }] } }) as unknown as Node;
const objects = new Map<string, K8sObject>([
  ['Node/c-01', node('c-01')],
  ['Node/c-02', node('c-02')],
]);
const comps = (down: readonly string[]): Map<string, ComponentStatus> => new Map(['c-01', 'c-02'].map((n): [string, ComponentStatus] => [`kubelet/${n}`, down.includes(n) ? 'down' : 'up']));

describe('scale model: a node whose kubelet is down', () => {
  it('is shaded while the API still says Ready, and only its tile is redrawn when that changes', () => {
    const m = new ScaleModel(['c-01', 'c-02']);
    m.apply(objects, new Map(), comps([]));
    expect(m.tile('c-01')?.kubeletDown).toBe(false);
    // Power goes off: the same objects (nothing told the API), one kubelet down.
    const dirty = m.apply(objects, new Map(), comps(['c-01']));
    expect([...dirty]).toEqual(['c-01']);
    expect(m.tile('c-01')?.kubeletDown).toBe(true);
    expect(m.tile('c-01')?.readiness).toBe('Ready');
    expect(m.tile('c-02')?.kubeletDown).toBe(false);
    expect([...m.apply(objects, new Map(), comps(['c-01']))]).toEqual([]);
    expect([...m.apply(objects, new Map(), comps([]))]).toEqual(['c-01']);
    expect(m.tile('c-01')?.kubeletDown).toBe(false);
  });
});

describe('scale model: a node’s taints', () => {
  const tainted = (name: string, effects: readonly ('NoSchedule' | 'NoExecute')[], unschedulable = false): Node =>
    ({ ...node(name), spec: { ...(unschedulable ? { unschedulable: true } : {}), taints: effects.map((effect) => ({ key: 'node.kubernetes.io/unreachable', effect })) } }) as unknown as Node;
  const tileFor = (n: Node) => {
    const m = new ScaleModel([n.metadata.name]);
    m.apply(new Map<string, K8sObject>([[`Node/${n.metadata.name}`, n]]), new Map(), new Map());
    return m.tile(n.metadata.name);
  };

  it('shows each effect the node carries: an unreachable node has NoSchedule and, once its zone’s rate allows, NoExecute too', () => {
    expect(tileFor(tainted('a', ['NoSchedule']))).toMatchObject({ noSchedule: true, noExecute: false });
    expect(tileFor(tainted('b', ['NoSchedule', 'NoExecute']))).toMatchObject({ noSchedule: true, noExecute: true });
    expect(tileFor(tainted('c', ['NoExecute']))).toMatchObject({ noSchedule: false, noExecute: true });
    expect(tileFor(tainted('d', [], true))).toMatchObject({ noSchedule: true, noExecute: false });
    expect(tileFor(tainted('e', []))).toMatchObject({ noSchedule: false, noExecute: false });
  });
});
