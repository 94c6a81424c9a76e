/**
 * At scale, messages between the control plane and hundreds of nodes are drawn per route, not per
 * message: every message in flight between the same two ends (a node's components stand for their
 * zone group, `kubelet/@zone-c`) and of the same shape is one flow with a count. Pure (unit-tested).
 */
import type { Lang } from '../../model/localized.ts';
import type { ComponentId, MessageEvent } from '../../sim/trace.ts';
import { nodeOfComponent } from '../ids.ts';
import { scaleWords } from './words.ts';

/** A node component's group end: `kubelet/c-07` in zone-c -> `kubelet/@zone-c`. */
export function groupEnd(id: ComponentId, zoneOf: (node: string) => string | undefined): ComponentId | undefined {
  const node = nodeOfComponent(id);
  const zone = node === undefined ? undefined : zoneOf(node);
  if (node === undefined || zone === undefined) return undefined;
  // The head keeps its kind (kubelet/, containerd/...): one of ComponentId's node forms.
  return `${id.slice(0, id.length - node.length)}@${zone}` as ComponentId;
}

export interface Flow {
  /** The message standing for the flow: ends replaced by the group ends, a stable id per route. */
  readonly message: MessageEvent;
  /** Messages in flight on the route now. */
  readonly count: number;
  /** Eased progress of the newest of them (the token drawn). */
  readonly progress: number;
  /** Every message on the route has this action, else undefined. */
  readonly action: string | undefined;
  readonly background: boolean;
}

interface Slot {
  message: MessageEvent;
  count: number;
  progress: number;
  newest: number;
  action: string | undefined;
  background: boolean;
  used: boolean;
}

/**
 * Collects one frame's messages and hands back one flow per route. Route keys and their stand-in
 * messages are kept across frames (ids stay stable, so the token layer's cached routes hold).
 */
export class FlowAggregator {
  private readonly slots = new Map<string, Slot>();
  private readonly order: Slot[] = [];
  private nextId = -1;

  begin(): void {
    for (const s of this.order) s.used = false;
    this.order.length = 0;
  }

  /** `from`/`to`: the ends as drawn (group ends or the message's own); `start`: when it left (newest wins the token). */
  add(m: MessageEvent, from: ComponentId, to: ComponentId, progress: number, start: number, background: boolean): void {
    const shape = m.write === true ? 'w' : m.type;
    const key = `${from}>${to}|${shape}|${background ? 'b' : 's'}`;
    let s = this.slots.get(key);
    if (s === undefined) {
      s = { message: { ...m, id: this.nextId--, from, to }, count: 0, progress: 0, newest: -Infinity, action: undefined, background, used: false };
      this.slots.set(key, s);
    }
    if (!s.used) {
      s.used = true;
      s.count = 0;
      s.newest = -Infinity;
      s.action = m.action;
      this.order.push(s);
    }
    s.count++;
    if (s.action !== m.action) s.action = undefined;
    if (start > s.newest) {
      s.newest = start;
      s.progress = progress;
      // Status colours the token (an error response): the newest message's.
      if (s.message.status !== m.status || s.message.action !== m.action) s.message = { ...s.message, status: m.status, action: m.action } as MessageEvent;
    }
  }

  /** This frame's flows, in the order their routes were first met. */
  flows(): Flow[] {
    return this.order.map((s) => ({ message: s.message, count: s.count, progress: s.progress, action: s.action, background: s.background }));
  }
}

/** A flow's label: "PUT lease ×15"; different actions on one route: "15 messages". */
export function flowLabel(f: Pick<Flow, 'count' | 'action'>, lang: Lang): string {
  if (f.action === undefined) return scaleWords.messages(lang, f.count);
  return f.count > 1 ? `${f.action} ×${f.count}` : f.action;
}
