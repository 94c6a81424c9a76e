import { describe, expect, it } from 'vitest';
import { staticPods } from '../../scenes/static-pods.ts';
import { runScenario } from '../../src/sim/run.ts';
import type { TraceEvent } from '../../src/sim/trace.ts';
import { finalObjects, indexOf, inOrder, messages, msg, states } from './helpers.ts';

const up = (id: string) => (e: TraceEvent): boolean => e.kind === 'component' && e.component === id && e.status === 'up';
const down = (id: string) => (e: TraceEvent): boolean => e.kind === 'component' && e.component === id && e.status === 'down';
const COMPONENTS = ['etcd', 'kube-apiserver', 'kube-controller-manager', 'kube-scheduler'];

describe.each(['kube-scheduler', 'kube-controller-manager'])('static-pods, removing %s', (target) => {
  const trace = runScenario(staticPods, { params: { component: target } });
  const mirror = `Pod/kube-system/${target}-controlplane`;

  it('the kubelet starts every static pod through CRI before any API server exists', () => {
    const apiUp = indexOf(trace, up('kube-apiserver'));
    for (const c of COMPONENTS) {
      const ref = `Pod/kube-system/${c}-controlplane`;
      inOrder(trace, [
        (e) => e.kind === 'message' && e.action === 'RunPodSandbox' && e.object === ref,
        (e) => e.kind === 'message' && e.action === 'CreateContainer' && e.object === ref,
        (e) => e.kind === 'message' && e.action === 'StartContainer' && e.object === ref,
      ]);
      expect(indexOf(trace, (e) => e.kind === 'message' && e.action === 'RunPodSandbox' && e.object === ref)).toBeLessThan(apiUp);
    }
    // hostNetwork: no CNI, no pod IP from the pod network.
    const sandboxes = trace.events.filter((e) => e.kind === 'activity' && e.component === 'containerd/controlplane' && e.action === 'sandbox');
    expect(sandboxes.length).toBeGreaterThanOrEqual(4);
    expect(trace.events.some((e) => e.kind === 'activity' && e.action === 'cni:add')).toBe(false);
  });

  it('kube-apiserver serves only after etcd; the node registers and mirrors are created only then', () => {
    const [, apiUp, register, firstMirror] = inOrder(trace, [up('etcd'), up('kube-apiserver'), msg('kubelet/controlplane', 'kube-apiserver', 'POST node (register)'), msg('kubelet/controlplane', 'kube-apiserver', 'POST pod (mirror)')]);
    expect(apiUp).toBeLessThan(register ?? 0);
    expect(register).toBeLessThan(firstMirror ?? 0);
  });

  it('mirror pods are named <name>-<node> in kube-system, hostNetwork, owned by the Node, with no service account', () => {
    const added = states(trace).filter((s) => s.op === 'added' && s.object.startsWith('Pod/kube-system/'));
    expect(new Set(added.map((s) => s.object))).toEqual(new Set(COMPONENTS.map((c) => `Pod/kube-system/${c}-controlplane`)));
    for (const s of added) {
      const pod = s.value;
      if (pod?.kind !== 'Pod') throw new Error('not a pod');
      expect(pod.spec.hostNetwork).toBe(true);
      expect(pod.spec.nodeName).toBe('controlplane');
      expect(pod.metadata.annotations?.['kubernetes.io/config.mirror']).toBeDefined();
      expect(pod.metadata.ownerReferences?.[0]?.kind).toBe('Node');
      expect(pod.spec.serviceAccountName).toBeUndefined();
      expect(pod.spec.volumes?.some((v) => v.name.startsWith('kube-api-access-')) ?? false).toBe(false);
    }
  });

  it('deleting a mirror pod changes nothing: the static pod keeps running and a new mirror appears', () => {
    const del = indexOf(trace, (e) => e.kind === 'message' && e.from === 'kubectl' && e.action === 'DELETE pod' && e.object === mirror);
    const back = indexOf(trace, (e) => e.kind === 'state' && e.object === mirror && e.op === 'added', del);
    expect(back).toBeGreaterThan(del);
    const between = trace.events.slice(del, back);
    expect(between.some(down(target))).toBe(false);
    expect(between.some((e) => e.kind === 'message' && e.action === 'StopContainer')).toBe(false);
    const oldUid = states(trace).find((s) => s.object === mirror && s.op === 'added')?.value?.metadata.uid;
    const newUid = (trace.events[back] as TraceEvent & { value?: { metadata: { uid?: string } } }).value?.metadata.uid;
    expect(newUid).not.toBe(oldUid);
  });

  it('removing the manifest stops the static pod, then its mirror goes; putting it back starts both again', () => {
    const moved = indexOf(trace, (e) => e.kind === 'activity' && e.component === 'client/operator' && e.label.en.startsWith('mv /etc/kubernetes/manifests/'));
    inOrder(trace.events.length > 0 ? trace : trace, [
      (e) => e.kind === 'activity' && e.action === 'static:manifest' && e.t >= (trace.events[moved]?.t ?? 0),
      (e) => e.kind === 'message' && e.action === 'StopContainer' && e.object === mirror,
      down(target),
      (e) => e.kind === 'message' && e.action === 'DELETE pod (mirror, grace 0)' && e.object === mirror,
      (e) => e.kind === 'state' && e.object === mirror && e.op === 'deleted',
      (e) => e.kind === 'activity' && e.component === 'client/operator' && e.label.en.startsWith('mv /tmp/'),
      (e) => e.kind === 'message' && e.action === 'RunPodSandbox' && e.object === mirror,
      (e) => e.kind === 'state' && e.object === mirror && e.op === 'added',
    ]);
    const objects = finalObjects(trace);
    for (const c of COMPONENTS) expect(objects.get(`Pod/kube-system/${c}-controlplane`)?.kind === 'Pod' && objects.get(`Pod/kube-system/${c}-controlplane`)?.metadata.name).toBe(`${c}-controlplane`);
  });

  it('the step saying the component is back starts when it is up, its mirror already Running: no Running mirror beside a crossed-out card', () => {
    const back = trace.events.findIndex((e) => e.kind === 'step' && e.id === 'back');
    expect(back).toBeGreaterThan(0);
    // A cue's step is recorded just before the event that prompted it (tracer.ts).
    const prompt = trace.events[back + 1];
    expect(prompt?.kind === 'component' && prompt.component === target && prompt.status === 'up').toBe(true);
    // The new mirror's Running came first (it was cued on that before, with the card still down).
    const gone = trace.events.findIndex((e) => e.kind === 'step' && e.id === 'mirror-gone');
    const running = trace.events.slice(gone, back).some((e) => e.kind === 'state' && e.object === mirror && e.changes.some((c) => c.path === 'status.phase' && c.to === 'Running'));
    expect(running).toBe(true);
  });

  it('only kube-apiserver talks to etcd', () => {
    for (const m of messages(trace)) if (m.to === 'etcd') expect(m.from).toBe('kube-apiserver');
  });
});
