/**
 * Which of kube-controller-manager's controllers a message is from, or answers: its token leaves
 * from (or returns to) that controller's chip, so the picture shows which loop talks to
 * kube-apiserver (the node lifecycle controller's taint, the ReplicaSet controller's new pods).
 * The simulation names the loop on each request it sends (MessageEvent.via). Pure.
 */
import type { MessageEvent } from '../sim/trace.ts';
import { controllerOf, type ControllerId } from './ids.ts';

/** Each request a controller sent (by message id), and the controller; responses are looked up by replyTo. */
export function controllerRequests(messages: Iterable<MessageEvent>): ReadonlyMap<number, ControllerId> {
  const out = new Map<number, ControllerId>();
  for (const m of messages) {
    if (m.via === undefined) continue;
    const c = controllerOf(m.via, '', undefined);
    if (c !== undefined) out.set(m.id, c);
  }
  return out;
}

/** The controller a message of kube-controller-manager belongs to: its own `via`, or the request it answers. */
export function controllerOfMessage(m: Pick<MessageEvent, 'via' | 'replyTo'>, requests: ReadonlyMap<number, ControllerId>): ControllerId | undefined {
  if (m.via !== undefined) return controllerOf(m.via, '', undefined);
  return m.replyTo === undefined ? undefined : requests.get(m.replyTo);
}

const CHIP_STATION = 'kube-controller-manager#';

/** The token stations key of a controller's chip (stage-view.ts lays them out beside the components'). */
export const chipStation = (c: ControllerId): string => `${CHIP_STATION}${c}`;

/** A chip's spot is an end on kube-controller-manager's card, not a card of its own (labels do not keep off it). */
export const isChipStation = (key: string): boolean => key.startsWith(CHIP_STATION);
