/**
 * containerd, the node's container runtime, answering the kubelet's CRI calls. RunPodSandbox
 * runs the CNI plugin's ADD, which gives the pod its IP (reference/kubernetes.md section 1.8).
 */
import type { Localized } from '../../model/localized.ts';
import { text } from '../../model/localized.ts';
import type { CriCall, Envelope, Payload } from '../core/messages.ts';
import type { Runtime } from '../core/runtime.ts';
import { startService } from '../core/service-machine.ts';
import type { ComponentId } from '../trace.ts';
import { inState } from '../core/in-state.ts';


export interface Containerd {
  stop(): void;
  start(): void;
}

/** A CRI call's answer ("RunPodSandbox OK"), one string per call. */
const CRI_OK: Readonly<Record<CriCall, string>> = {
  RunPodSandbox: 'RunPodSandbox OK',
  PullImage: 'PullImage OK',
  CreateContainer: 'CreateContainer OK',
  StartContainer: 'StartContainer OK',
  StopContainer: 'StopContainer OK',
  StopPodSandbox: 'StopPodSandbox OK',
  RemovePodSandbox: 'RemovePodSandbox OK',
};

/**
 * The labels of calls about a container or an image, one per call and name: every pod of a
 * ReplicaSet creates and starts the same container. Bounded: forgetting only costs a new copy.
 */
const namedLabels = new Map<CriCall, Map<string, Localized>>();
function namedLabel(call: CriCall, name: string, make: () => Localized): Localized {
  let byName = namedLabels.get(call);
  if (byName === undefined) namedLabels.set(call, (byName = new Map()));
  let label = byName.get(name);
  if (label === undefined) {
    if (byName.size >= 1000) byName.clear();
    byName.set(name, (label = make()));
  }
  return label;
}

/** `podSubnet` like "10.244.1": pod IPs are handed out from it. */
export function createContainerd(rt: Runtime, node: string, podSubnet: string): Containerd {
  const id: ComponentId = `containerd/${node}`;
  let nextHost = 2;

  const handle = (req: Envelope): void => {
    const p = req.payload;
    if (p.kind !== 'cri-request') return;
    const podName = p.pod.metadata.name;
    const ref = req.object;
    const answer = (ms: number, podIP?: string): void => {
      // Two literals, no conditional spread: four answers per pod.
      const payload: Payload = podIP === undefined ? { kind: 'cri-response', call: p.call, ok: true } : { kind: 'cri-response', call: p.call, ok: true, podIP };
      rt.clock.after(() => rt.net.answer(req, CRI_OK[p.call], payload), ms);
    };
    switch (p.call) {
      case 'RunPodSandbox': {
        if (p.pod.spec.hostNetwork) {
          // hostNetwork: the sandbox shares the node's network namespace; no CNI, the pod IP is the node's.
          const ms = rt.rng.between(150, 300);
          rt.tracer.activity(id, 'sandbox', ms, text(`sandbox (pause) for ${podName} in the host network: no CNI`, `${podName} 샌드박스(pause)를 호스트 네트워크에: CNI 없음`), ref);
          return answer(ms);
        }
        const podIP = `${podSubnet}.${nextHost++}`;
        const ms = rt.rng.between(300, 600);
        rt.tracer.activity(id, 'cni:add', ms, text(`sandbox (pause) + CNI ADD: ${podName} gets IP ${podIP}`, `샌드박스(pause) + CNI ADD: ${podName} IP ${podIP} 할당`), ref);
        return answer(ms, podIP);
      }
      case 'PullImage': {
        const ms = rt.rng.between(1500, 3500);
        rt.tracer.activity(id, 'pull', ms, namedLabel(p.call, p.image ?? '', () => text(`pulling image ${p.image ?? ''}`, `이미지 내려받는 중 ${p.image ?? ''}`)), ref);
        return answer(ms);
      }
      case 'CreateContainer': {
        const ms = rt.rng.between(60, 150);
        rt.tracer.activity(id, 'create', ms, namedLabel(p.call, p.container ?? '', () => text(`create container ${p.container ?? ''}`, `컨테이너 생성 ${p.container ?? ''}`)), ref);
        return answer(ms);
      }
      case 'StartContainer': {
        const ms = rt.rng.between(100, 250);
        rt.tracer.activity(id, 'start', ms, namedLabel(p.call, p.container ?? '', () => text(`start container ${p.container ?? ''}`, `컨테이너 시작 ${p.container ?? ''}`)), ref);
        return answer(ms);
      }
      case 'StopContainer':
      case 'StopPodSandbox':
      case 'RemovePodSandbox': {
        const ms = rt.rng.between(80, 300);
        rt.tracer.activity(id, 'stop', ms, text(`${p.call} ${podName}`, `${p.call} ${podName}`), ref);
        return answer(ms);
      }
    }
  };

  const actor = startService(rt.clock, { onDown: () => rt.board.set(id, 'down'), onUp: () => rt.board.set(id, 'up') });
  rt.board.set(id, 'up', true);
  // Messages go straight to the handler while the actor is serving (XState runs the lifecycle and
  // every timer; routing each delivery through it cost ~50 µs a message in bench:sim).
  rt.net.register(id, node, (envelope) => {
    if (inState(actor, 'serving')) handle(envelope);
  });
  return { stop: () => actor.send({ type: 'stop' }), start: () => actor.send({ type: 'start' }) };
}
