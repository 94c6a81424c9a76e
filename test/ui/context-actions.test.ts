import { describe, expect, it } from 'vitest';
import type { K8sObject } from '../../src/model/objects.ts';
import { makeDeployment, makeNode, makePod } from '../../src/sim/builders.ts';
import { contextActions, nodeOfTarget, type ContextMoment } from '../../src/ui/context-actions.ts';
import { parseCommand } from '../../src/model/kubectl/parse.ts';

const moment = (objects: readonly K8sObject[], extra: Partial<ContextMoment> = {}): ContextMoment => ({
  objects: new Map(objects.map((o) => [o.kind === 'Node' ? `Node/${o.metadata.name}` : `${o.kind}/${o.metadata.namespace ?? 'default'}/${o.metadata.name}`, o])),
  components: new Map(),
  commands: [],
  simTime: 10_000,
  ...extra,
});
const ids = (actions: readonly { readonly id: string }[]) => actions.map((a) => a.id);
const names = { pods: ['web-1'], deployments: ['web'], replicasets: [], services: [], nodes: ['worker-1'], etcdMembers: [] };

describe('context actions', () => {
  it('names the node of a ship part or a Node ref', () => {
    expect(nodeOfTarget('kubelet/worker-2')).toBe('worker-2');
    expect(nodeOfTarget('containerd/worker-2')).toBe('worker-2');
    expect(nodeOfTarget('Node/worker-2')).toBe('worker-2');
    expect(nodeOfTarget('kube-apiserver')).toBeUndefined();
  });

  it('offers cordon, drain, power off and cut off on a healthy node; each is a command the bar accepts', () => {
    const actions = contextActions('kubelet/worker-1', moment([makeNode('worker-1', 0)]));
    expect(ids(actions)).toEqual(['cordon', 'drain', 'power-off', 'disconnect']);
    for (const a of actions) expect(parseCommand(a.command, names).ok).toBe(true);
  });

  it('turns each toggle by what is on screen: uncordon a cordoned node, power on one the learner powered off', () => {
    const node = makeNode('worker-1', 0, { unschedulable: true });
    const commands = [
      { at: 2000, command: 'node power-off worker-1', ok: true, output: [] },
      { at: 3000, command: 'node disconnect worker-1', ok: true, output: [] },
      { at: 4000, command: 'node reconnect worker-1', ok: true, output: [] },
      // Later than the moment on screen: not yet.
      { at: 20_000, command: 'node power-on worker-1', ok: true, output: [] },
    ];
    expect(ids(contextActions('Node/worker-1', moment([node], { commands })))).toEqual(['uncordon', 'drain', 'power-on', 'disconnect']);
  });

  it('offers delete on a pod of the default namespace, nothing on a kube-system pod', () => {
    expect(contextActions('Pod/default/web-1', moment([makePod('web-1')]))).toEqual([{ id: 'delete', label: { en: 'Delete pod', ko: '파드 삭제' }, command: 'kubectl delete pod web-1', run: true }]);
    expect(contextActions('Pod/kube-system/kube-proxy-abc', moment([makePod('kube-proxy-abc', { namespace: 'kube-system' })]))).toEqual([]);
  });

  it('offers scale and set image to complete in the bar, and undo at once, on a Deployment and on its ReplicaSet', () => {
    const d = makeDeployment('web', 3, { image: 'nginx:1.27' });
    const actions = contextActions('Deployment/default/web', moment([d]));
    expect(actions.map((a) => [a.id, a.command, a.run])).toEqual([
      ['scale', 'kubectl scale deployment web --replicas=3', false],
      ['set-image', 'kubectl set image deployment/web web=', false],
      ['undo', 'kubectl rollout undo deployment/web', true],
    ]);
    const rs: K8sObject = { apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: { name: 'web-abc', namespace: 'default', ownerReferences: [{ apiVersion: 'apps/v1', kind: 'Deployment', name: 'web', uid: 'u', controller: true }] }, spec: { replicas: 3, selector: { matchLabels: { app: 'web' } }, template: d.spec.template } };
    expect(ids(contextActions('ReplicaSet/default/web-abc', moment([d, rs])))).toEqual(['scale', 'set-image', 'undo']);
  });

  it('offers nothing for what the sandbox does not act on', () => {
    expect(contextActions('kube-apiserver', moment([]))).toEqual([]);
    expect(contextActions('Service/default/web', moment([]))).toEqual([]);
    expect(contextActions('Node/ghost', moment([]))).toEqual([]);
  });
});
