/**
 * A kubelet joining the cluster (pkg/kubelet/kubelet_node_status.go registerWithAPIServer): it
 * POSTs its Node as system:node:<name>, NotReady (kube-apiserver's TaintNodesAtCreation admission
 * adds the node.kubernetes.io/not-ready:NoSchedule taint, admission.ts), creates its Lease in
 * kube-node-lease, and reports Ready=True once the container runtime and the network plugin are up.
 */
import { text } from '../../model/localized.ts';
import { withParticle } from '../../model/josa.ts';
import type { K8sObject, Lease, Node } from '../../model/objects.ts';
import { timestamp } from '../../model/time.ts';
import type { NodeOptions } from '../builders.ts';
import { makeLease, makeNode } from '../builders.ts';
import type { Runtime } from '../core/runtime.ts';
import type { ComponentId } from '../trace.ts';
import { callApi } from './client.ts';

/** How long after registering the runtime and CNI report ready (simulated). */
const READY_AFTER_MS = 1_500;

/** The Node as a kubelet registers it: conditions not yet True; no not-ready taint (admission adds it). */
export function registeringNode(name: string, index: number, opts: NodeOptions, at: string): Node {
  const base = makeNode(name, index, opts);
  // podCIDR is assigned afterwards by kube-controller-manager's node IPAM controller, not the kubelet.
  const spec = { ...(base.spec.unschedulable ? { unschedulable: true } : {}), ...(base.spec.taints ? { taints: base.spec.taints } : {}) };
  const conditions = (base.status?.conditions ?? []).map((c) =>
    c.type === 'Ready'
      ? { ...c, status: 'False' as const, reason: 'KubeletNotReady', message: 'container runtime status check may not have completed yet', lastHeartbeatTime: at, lastTransitionTime: at }
      : { ...c, lastHeartbeatTime: at, lastTransitionTime: at },
  );
  const { uid: _uid, creationTimestamp: _created, ...metadata } = base.metadata;
  return { ...base, metadata, spec, status: { ...base.status, conditions } };
}

function markReady(node: Node, at: string): Node {
  const conditions = (node.status?.conditions ?? []).map((c) => (c.type === 'Ready' ? { ...c, status: 'True' as const, reason: 'KubeletReady', message: 'kubelet is posting ready status', lastHeartbeatTime: at, lastTransitionTime: at } : { ...c, lastHeartbeatTime: at }));
  return { ...node, status: { ...node.status, conditions } };
}

/** Runs the registration; `onReady` when the kubelet has reported Ready=True. */
export function registerNode(rt: Runtime, name: string, index: number, opts: NodeOptions, onReady?: () => void): void {
  const id: ComponentId = `kubelet/${name}`;
  const user = `system:node:${name}`;
  rt.tracer.activity(id, 'register', 20, text(`kubelet starts (systemd) and registers Node ${name} with kube-apiserver`, `kubelet이 (systemd로) 시작되어 kube-apiserver에 노드 ${withParticle(name, '을/를')} 등록합니다`), `Node/${name}`);
  const node = registeringNode(name, index, { ...opts, release: rt.config.k8sVersion }, timestamp(rt.clock.now()));
  callApi(rt, id, user, 'POST node', { verb: 'create', object: node }, (answer) => {
    if (answer.status >= 300) return;
    const lease: Lease = { ...makeLease(name), metadata: { name, namespace: 'kube-node-lease' }, spec: { holderIdentity: name, leaseDurationSeconds: rt.config.leaseDurationSeconds, renewTime: timestamp(rt.clock.now()) } };
    callApi(rt, id, user, 'POST lease', { verb: 'create', object: lease });
    rt.clock.after(() => {
      rt.tracer.activity(id, 'node-ready', 10, text(`container runtime and CNI ready: ${name} reports Ready=True`, `컨테이너 런타임과 CNI 준비 완료: ${withParticle(name, '이/가')} Ready=True를 보고합니다`), `Node/${name}`);
      const at = timestamp(rt.clock.now());
      callApi(rt, id, user, 'PATCH node/status', { verb: 'update', method: 'PATCH', ref: `Node/${name}`, subresource: 'status', summary: 'Ready=True', mutate: (o: K8sObject) => (o.kind === 'Node' ? markReady(o, at) : o) }, () => onReady?.());
    }, READY_AFTER_MS);
  });
}
