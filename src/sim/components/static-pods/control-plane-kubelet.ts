/**
 * The kubelet of a control-plane node, as far as its static pods go (reference/kubernetes.md
 * section 7). It is a systemd service, not a pod. It runs every manifest in its staticPodPath
 * through containerd (CRI), notices when a manifest is added, changed or removed (inotify), and
 * keeps a read-only mirror pod in the API for each static pod: a deleted mirror is recreated, the
 * static pod keeps running. It does not run API pods here (the control-plane node is tainted).
 */
import { text } from '../../../model/localized.ts';
import type { K8sObject, Node, ObjectRef, Pod } from '../../../model/objects.ts';
import { refOf } from '../../../model/objects.ts';
import { timestamp } from '../../../model/time.ts';
import type { CriCall, Envelope } from '../../core/messages.ts';
import type { Runtime } from '../../core/runtime.ts';
import { startService } from '../../core/service-machine.ts';
import type { ComponentId } from '../../trace.ts';
import type { Watcher } from '../apiserver.ts';
import { callApi } from '../client.ts';
import { getThenPatch } from '../status-sync.ts';
import { statusAccepted, statusRunning, statusSandboxReady } from '../pod-status.ts';
import type { ControlPlaneComponent } from './manifests.ts';
import { configHash, isMirror, manifestOnDisk, mirrorPod, STATIC_POD_PATH } from './manifests.ts';
import { inState } from '../../core/in-state.ts';

export interface StaticPodHooks {
  /** The static pod's container runs: the component may serve (then the pod is ready: rt.staticPods.ready(pod)). */
  readonly started: (component: ControlPlaneComponent, pod: ObjectRef) => void;
  readonly stopped: (component: ControlPlaneComponent) => void;
  /** Whether kube-apiserver answers: node registration and mirror pods wait for it. */
  readonly apiUp: () => boolean;
  /** The Node object the kubelet registers once kube-apiserver is up. */
  readonly node: () => Node;
}

export interface ControlPlaneKubelet {
  readonly id: ComponentId;
  readonly watcher: Watcher;
  /** The kubelet starts: it reads staticPodPath and starts every manifest it finds. */
  boot(): void;
  /** Set-up: the node is registered and the static pods already run with their mirrors. */
  seedRunning(nodeUid: string): void;
  manifest(file: string): Pod | undefined;
  /** An operator adds or edits a manifest file (`by`: who wrote it); the kubelet notices (inotify). */
  writeManifest(file: string, pod: Pod, by?: ComponentId): void;
  removeManifest(file: string, by?: ComponentId): void;
}

interface StaticPod {
  readonly manifest: Pod;
  /** As the kubelet runs it: named <name>-<nodeName>. */
  readonly pod: Pod;
  phase: 'starting' | 'running' | 'stopping';
  mirror: 'none' | 'creating' | 'present' | 'deleting';
  /** The manifest hash the mirror in the API carries (kubernetes.io/config.mirror). */
  mirrorHash?: string;
}

const MIRROR_RETRY_MS = 1_000;
const LEASE_RENEW_MS = 10_000;

export function createControlPlaneKubelet(rt: Runtime, node: string, hostIP: string, hooks: StaticPodHooks): ControlPlaneKubelet {
  const id: ComponentId = `kubelet/${node}`;
  const runtimeId: ComponentId = `containerd/${node}`;
  const user = `system:node:${node}`;
  const files = new Map<string, Pod>();
  const pods = new Map<string, StaticPod>();
  let nodeUid: string | undefined;
  let registering = false;
  let booted = false;

  const named = (pod: Pod): Pod => ({ ...pod, metadata: { ...pod.metadata, name: `${pod.metadata.name}-${node}` }, spec: { ...pod.spec, nodeName: node } });
  const componentOf = (file: string): ControlPlaneComponent => file.replace(/\.yaml$/, '') as ControlPlaneComponent;

  const cri = (call: CriCall, pod: Pod, then: () => void): void => {
    rt.net.send({ from: id, to: runtimeId, type: 'request', action: call, object: refOf(pod), payload: { kind: 'cri-request', call, pod, container: pod.spec.containers[0]?.name ?? '' } }, then);
  };

  // --- the API side: node registration, mirror pods, lease ---------------------------------

  const ensureNode = (then: () => void): void => {
    if (nodeUid !== undefined) return then();
    if (registering) return void rt.clock.after(() => ensureNode(then), MIRROR_RETRY_MS);
    registering = true;
    callApi(rt, id, user, 'POST node (register)', { verb: 'create', object: hooks.node() }, (answer) => {
      registering = false;
      if (answer.status === 201 || answer.status === 409) nodeUid = answer.object?.metadata.uid ?? `node-${node}`;
      if (nodeUid === undefined) return;
      callApi(rt, id, user, 'POST lease', { verb: 'create', object: { apiVersion: 'coordination.k8s.io/v1', kind: 'Lease', metadata: { name: node, namespace: 'kube-node-lease' }, spec: { holderIdentity: node, leaseDurationSeconds: 40, renewTime: timestamp(rt.clock.now()) } } });
      then();
    });
  };

  const ensureMirror = (file: string): void => {
    const sp = pods.get(file);
    if (!sp || sp.phase !== 'running' || sp.mirror !== 'none') return;
    if (!hooks.apiUp()) return void rt.clock.after(() => ensureMirror(file), MIRROR_RETRY_MS);
    sp.mirror = 'creating';
    ensureNode(() => {
      const mirror = mirrorPod(sp.manifest, node, nodeUid ?? '');
      rt.tracer.activity(id, 'mirror:create', 10, text(`mirror pod ${mirror.metadata.name}: a read-only copy of the static pod in the API`, `미러 파드 ${mirror.metadata.name}: API에 두는 정적 파드의 읽기 전용 사본`), refOf(mirror));
      callApi(rt, id, user, 'POST pod (mirror)', { verb: 'create', object: mirror }, (answer) => {
        if (pods.get(file) !== sp) return;
        if (answer.status !== 201 && answer.status !== 409) {
          sp.mirror = 'none';
          return void rt.clock.after(() => ensureMirror(file), MIRROR_RETRY_MS);
        }
        sp.mirror = 'present';
        sp.mirrorHash = configHash(sp.manifest);
        const at = timestamp(rt.clock.now());
        // The status manager copies the static pod's status onto its mirror: GET, then PATCH (status-sync.ts).
        getThenPatch(rt, id, user, mirror, () =>
          callApi(rt, id, user, 'PATCH pod/status', { verb: 'update', method: 'PATCH', ref: refOf(mirror), subresource: 'status', summary: 'Running', mutate: (o: K8sObject) => statusRunning(at)(statusSandboxReady(hostIP, at)(statusAccepted(hostIP, at)(o))) }),
        );
      });
    });
  };

  const deleteMirror = (sp: StaticPod, then: () => void): void => {
    if (sp.mirror !== 'present') return then();
    if (!hooks.apiUp()) return void rt.clock.after(() => deleteMirror(sp, then), MIRROR_RETRY_MS);
    sp.mirror = 'deleting';
    callApi(rt, id, user, 'DELETE pod (mirror, grace 0)', { verb: 'delete', ref: refOf(sp.pod), gracePeriodSeconds: 0 }, () => {
      sp.mirror = 'none';
      then();
    });
  };

  const renewLease = (): void => {
    if (nodeUid !== undefined && hooks.apiUp()) {
      const renewTime = timestamp(rt.clock.now());
      callApi(rt, id, user, 'PUT lease', { verb: 'update', method: 'PUT', ref: `Lease/kube-node-lease/${node}`, summary: 'lease renewed', mutate: (o) => (o.kind === 'Lease' ? { ...o, spec: { ...o.spec, holderIdentity: node, renewTime } } : o) });
    }
    rt.clock.after(renewLease, LEASE_RENEW_MS);
  };

  // --- the node side: running static pods through CRI --------------------------------------

  const run = (file: string, manifest: Pod, mirrorHash?: string): void => {
    const sp: StaticPod = { manifest, pod: named(manifest), phase: 'starting', mirror: mirrorHash === undefined ? 'none' : 'present', ...(mirrorHash === undefined ? {} : { mirrorHash }) };
    pods.set(file, sp);
    rt.staticPods.set(refOf(sp.pod), node, 'starting');
    // kubeadm pulled the images before it wrote the manifests: no PullImage here.
    cri('RunPodSandbox', sp.pod, () =>
      cri('CreateContainer', sp.pod, () =>
        cri('StartContainer', sp.pod, () => {
          if (pods.get(file) !== sp) return;
          sp.phase = 'running';
          rt.staticPods.set(refOf(sp.pod), node, 'running');
          hooks.started(componentOf(file), refOf(sp.pod));
          // A mirror made from an older manifest is outdated: the kubelet replaces it.
          if (sp.mirror === 'present' && sp.mirrorHash !== configHash(manifest)) deleteMirror(sp, () => ensureMirror(file));
          else ensureMirror(file);
        }),
      ),
    );
  };

  const stop = (sp: StaticPod, file: string, then: () => void): void => {
    sp.phase = 'stopping';
    rt.staticPods.set(refOf(sp.pod), node, 'stopping');
    cri('StopContainer', sp.pod, () => {
      hooks.stopped(componentOf(file));
      cri('StopPodSandbox', sp.pod, () =>
        cri('RemovePodSandbox', sp.pod, () => {
          rt.staticPods.set(refOf(sp.pod), node, 'gone');
          then();
        }),
      );
    });
  };

  /** Brings what runs in line with the manifest directory, as the kubelet's file source does. */
  const sync = (file: string): void => {
    const desired = files.get(file);
    const current = pods.get(file);
    if (desired && !current) return run(file, desired);
    if (!current || current.phase !== 'running') return;
    if (!desired) {
      return stop(current, file, () =>
        deleteMirror(current, () => {
          if (pods.get(file) === current) pods.delete(file);
        }),
      );
    }
    if (configHash(desired) === configHash(current.manifest)) return;
    // Changed: the old pod stops and the new one starts (its mirror is replaced once it runs).
    stop(current, file, () => {
      pods.delete(file);
      run(file, desired, current.mirror === 'present' ? current.mirrorHash : undefined);
    });
  };

  const notice = (file: string, what: 'added' | 'changed' | 'removed'): void => {
    const ms = rt.rng.between(200, 600);
    rt.clock.after(() => {
      rt.tracer.activity(id, 'static:manifest', 20, text(`inotify: ${STATIC_POD_PATH}/${file} ${what}`, `inotify: ${STATIC_POD_PATH}/${file} ${what === 'added' ? '추가됨' : what === 'changed' ? '변경됨' : '삭제됨'}`));
      sync(file);
    }, ms);
  };

  const onWatch = (envelope: Envelope): void => {
    const p = envelope.payload;
    if (p.kind !== 'watch' || p.object.kind !== 'Pod' || !isMirror(p.object)) return;
    const file = `${p.object.metadata.name.replace(`-${node}`, '')}.yaml`;
    const sp = pods.get(file);
    if (!sp || sp.phase !== 'running') return;
    if (p.eventType === 'DELETED' && sp.mirror === 'present') {
      sp.mirror = 'none';
      rt.clock.after(() => ensureMirror(file), rt.rng.between(300, 800));
    } else if (p.eventType === 'MODIFIED' && p.object.metadata.deletionTimestamp && sp.mirror === 'present') {
      rt.tracer.activity(id, 'mirror:deleted', 20, text(`mirror ${p.object.metadata.name} is being deleted; the static pod keeps running: remove it and create a new mirror`, `미러 파드 ${p.object.metadata.name} 삭제 중; 정적 파드는 계속 실행: 미러 파드를 지우고 새로 만듦`), refOf(p.object));
      deleteMirror(sp, () => rt.clock.after(() => ensureMirror(file), rt.rng.between(300, 800)));
    }
  };

  const actor = startService(rt.clock, { onDown: () => rt.board.set(id, 'down'), onUp: () => rt.board.set(id, 'up') });
  // Until systemd starts it (boot) or the scenario says it has been running (seedRunning).
  rt.board.set(id, 'down', true);
  rt.net.register(id, node, (envelope) => {
    if (inState(actor, 'serving')) onWatch(envelope);
  });

  return {
    id,
    watcher: { id, kinds: new Set(['Pod']), podsOnNode: node },
    boot: () => {
      booted = true;
      rt.board.set(id, 'up');
      const names = [...files.keys()];
      rt.tracer.activity(id, 'static:read', 50, text(`systemd started the kubelet; staticPodPath ${STATIC_POD_PATH}: ${names.join(', ')}`, `systemd가 kubelet 시작; staticPodPath ${STATIC_POD_PATH}: ${names.join(', ')}`));
      for (const file of names) rt.clock.after(() => sync(file), 50);
      rt.clock.after(renewLease, LEASE_RENEW_MS);
    },
    seedRunning: (uid) => {
      nodeUid = uid;
      booted = true;
      rt.board.set(id, 'up', true);
      for (const [file, manifest] of files) {
        const sp: StaticPod = { manifest, pod: named(manifest), phase: 'running', mirror: 'present', mirrorHash: configHash(manifest) };
        pods.set(file, sp);
        rt.staticPods.set(refOf(sp.pod), node, 'ready');
      }
      rt.clock.after(renewLease, rt.rng.between(1_000, LEASE_RENEW_MS));
    },
    manifest: (file) => files.get(file),
    writeManifest: (file, pod, by) => {
      const had = files.has(file);
      files.set(file, pod);
      rt.disk.write(manifestOnDisk(node, file, pod), by);
      if (booted) notice(file, had ? 'changed' : 'added');
    },
    removeManifest: (file, by) => {
      rt.disk.remove(node, `${STATIC_POD_PATH}/${file}`, by);
      if (files.delete(file)) notice(file, 'removed');
    },
  };
}
