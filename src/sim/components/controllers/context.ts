/** What every controller inside kube-controller-manager shares. */
import type { Localized } from '../../../model/localized.ts';
import type { K8sKind, K8sObject, Node, ObjectRef, Pod } from '../../../model/objects.ts';
import type { ApiRequest } from '../../core/messages.ts';
import type { Runtime } from '../../core/runtime.ts';
import type { ApiAnswer, Informer } from '../client.ts';

export interface ControllerContext {
  readonly rt: Runtime;
  readonly pods: Informer<Pod>;
  readonly nodes: Informer<Node>;
  readonly objects: Informer;
  /** A REST call as the controller's service account. */
  call(controller: string, action: string, request: ApiRequest, onAnswer?: (answer: ApiAnswer) => void): void;
  /** The controller lights up on the officers' deck. */
  act(controller: string, action: string, label: Localized, object?: ObjectRef, ms?: number): void;
  event(controller: string, involved: K8sObject, reason: string, message: string, type?: 'Normal' | 'Warning'): void;
}

export type WatchType = 'ADDED' | 'MODIFIED' | 'DELETED';

export interface Controller {
  /** The kinds whose watch events onWatch reads (kube-controller-manager offers it no others); every kind when absent. */
  readonly kinds?: readonly K8sKind[];
  onWatch?(type: WatchType, obj: K8sObject, before: K8sObject | undefined): void;
  /** Called every --node-monitor-period by the node lifecycle controller's loop. */
  onTick?(): void;
}
