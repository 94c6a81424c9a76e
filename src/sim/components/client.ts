/** How components talk to kube-apiserver and keep informer caches (list-watch). */
import type { K8sObject, KubeEvent, ObjectRef } from '../../model/objects.ts';
import { refOf } from '../../model/objects.ts';
import type { ApiRequest, Envelope } from '../core/messages.ts';
import type { Runtime } from '../core/runtime.ts';
import { nameSuffix } from '../core/runtime.ts';
import type { ComponentId } from '../trace.ts';

export interface ApiAnswer {
  readonly status: number;
  readonly object?: K8sObject;
  readonly items?: readonly K8sObject[];
  readonly message: string;
}

/**
 * Sends one REST call to kube-apiserver as `user`; `onAnswer` runs when the response arrives.
 * `via`: the control loop inside `from` that calls (kube-controller-manager's controllers; MessageEvent.via).
 */
export function callApi(rt: Runtime, from: ComponentId, user: string, action: string, request: ApiRequest, onAnswer?: (answer: ApiAnswer) => void, via?: string): void {
  const object = request.verb === 'create' ? createdRef(request.object) : request.verb === 'list' ? undefined : request.ref;
  // Positional (no Outgoing per call): every component's API calls come through here.
  rt.net.post(
    from,
    'kube-apiserver',
    'request',
    action,
    object === '' ? undefined : object,
    { kind: 'api-request', user, request },
    (response: Envelope) => {
      // The response's payload is the answer (status, message, object, items; read-only, as every
      // payload): no copy of it per API call.
      if (response.payload.kind !== 'api-response' || !onAnswer) return;
      onAnswer(response.payload);
    },
    undefined,
    via,
  );
}

/** The ref a create names: its object's, or "<generateName>*" while the server is to pick the name (only kind, name and namespace are read: no copy of the object). */
function createdRef(obj: K8sObject): ObjectRef {
  const meta = obj.metadata;
  return meta.name === '' ? refOf({ kind: obj.kind, metadata: { name: `${meta.generateName ?? ''}*`, namespace: meta.namespace } }) : refOf(obj);
}

/**
 * Records a core/v1 Event (what `kubectl describe` and `kubectl get events` show). `source` is the
 * event recorder's component (the FROM column of `kubectl describe`): by default the sending
 * component's name ("kubelet" with the node as host); kube-scheduler passes "default-scheduler"
 * and each controller in kube-controller-manager its own recorder's name.
 */
export function recordEvent(
  rt: Runtime,
  from: ComponentId,
  user: string,
  involved: K8sObject,
  reason: string,
  message: string,
  type: 'Normal' | 'Warning' = 'Normal',
  source?: string,
  via?: string,
): void {
  if (!rt.config.recordEvents) return;
  const ns = involved.metadata.namespace ?? 'default';
  const event: KubeEvent = {
    apiVersion: 'v1',
    kind: 'Event',
    metadata: { name: `${involved.metadata.name}.${nameSuffix(rt, 8)}`, namespace: ns },
    involvedObject: { kind: involved.kind, name: involved.metadata.name, namespace: ns },
    reason,
    message,
    type,
    source: { component: source ?? from.split('/')[0] ?? from, ...(from.includes('/') ? { host: from.split('/')[1] ?? '' } : {}) },
    count: 1,
  };
  callApi(rt, from, user, `POST event (${reason})`, { verb: 'create', object: event }, undefined, via);
}

export { Informer } from './informer.ts';

