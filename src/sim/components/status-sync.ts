/**
 * The kubelet's status manager (pkg/kubelet/status/status_manager.go syncPod) GETs the pod from
 * kube-apiserver before every status PATCH: it merges its status into the server's copy and checks
 * the UID (a pod deleted and re-created under the same name must not get the old status). Routine
 * traffic: its messages carry this marker so the player and `kubedeck trace` can keep it quiet.
 */
import type { ObjectRef, Pod } from '../../model/objects.ts';
import { refOf } from '../../model/objects.ts';
import type { Runtime } from '../core/runtime.ts';
import type { ComponentId } from '../trace.ts';
import { callApi } from './client.ts';

export const STATUS_SYNC = '(status sync)';

const GET_POD = `GET pod ${STATUS_SYNC}`;

/** GET the pod, then `patch` it unless it is gone (upstream: a 404 drops the update). `ref`: refOf(pod), when the caller has it. */
export function getThenPatch(rt: Runtime, from: ComponentId, user: string, pod: Pod, patch: () => void, ref: ObjectRef = refOf(pod)): void {
  callApi(rt, from, user, GET_POD, { verb: 'get', ref, statusSync: true }, (answer) => {
    if (answer.status === 404) return;
    patch();
  });
}
