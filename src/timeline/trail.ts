/**
 * The numbered trail of a step: its story hops in order (1 kubectl -> kube-apiserver,
 * 2 kube-apiserver -> etcd, ...), so a paused frame tells the step. A response folds into its
 * request's hop (one hop, both ways); a fan-out (one group) is one hop with several routes.
 * Each pair of components is numbered once, where they first talk in the step: a busy step (a
 * controller writing ten pods) stays a short, readable trail rather than forty badges on the
 * same line. Background traffic is never on the trail. Pure.
 */
import type { ComponentId, MessageEvent, MessageType } from '../sim/trace.ts';
import type { MessageItem, Schedule } from './schedule.ts';

export interface TrailRoute {
  readonly from: ComponentId;
  readonly to: ComponentId;
  /** The message drawn for this route (its first), so the renderer routes it like the token. */
  readonly message: MessageEvent;
}

export interface TrailHop {
  /** 1-based number shown on the badge. */
  readonly n: number;
  readonly type: MessageType;
  readonly action: string;
  /** The answer came back within the step (request/response pair drawn as one hop). */
  readonly roundTrip: boolean;
  readonly routes: readonly TrailRoute[];
}

export interface StepTrail {
  readonly hops: readonly TrailHop[];
  /** Presentation time the step's first story token leaves (the trail shows until then). */
  readonly firstStart: number;
  /** Presentation time its last story token lands (the trail shows again from then). */
  readonly lastEnd: number;
}

interface MutableHop {
  n: number;
  type: MessageType;
  action: string;
  roundTrip: boolean;
  routes: TrailRoute[];
}

/** Trails of every step, by step index. */
export function stepTrails(schedule: Schedule): StepTrail[] {
  const story = schedule.messages.filter((m) => !m.background).sort((a, b) => a.start - b.start || a.eventIndex - b.eventIndex);
  return schedule.steps.map((step) => {
    // Setup before the first step (a node cordoned as the scene opens) plays but is not numbered.
    const mine = story.filter((m) => m.start >= step.start && m.start < step.end && m.event.t >= step.simTime);
    return { hops: hopsOf(mine), firstStart: Math.min(step.end, ...mine.map((m) => m.start)), lastEnd: Math.max(step.start, ...mine.map((m) => m.end)) };
  });
}

const pairKey = (a: ComponentId, b: ComponentId): string => (a < b ? `${a}|${b}` : `${b}|${a}`);

function hopsOf(messages: readonly MessageItem[]): TrailHop[] {
  const hops: MutableHop[] = [];
  const hopOfRequest = new Map<number, MutableHop>();
  const hopOfGroup = new Map<number, MutableHop>();
  // Which hop first drew each pair of components (either direction).
  const hopOfPair = new Map<string, MutableHop>();
  for (const m of messages) {
    const e = m.event;
    const asked = e.replyTo === undefined ? undefined : hopOfRequest.get(e.replyTo);
    if (asked !== undefined && asked.routes.some((r) => r.from === e.to && r.to === e.from)) {
      asked.roundTrip = true;
      continue;
    }
    const key = pairKey(e.from, e.to);
    const earlier = hopOfPair.get(key);
    if (earlier !== undefined) {
      // The pair already has its number: an answer in the other direction makes it a round trip.
      if (earlier.routes.some((r) => r.from === e.to && r.to === e.from)) earlier.roundTrip = true;
      hopOfRequest.set(e.id, earlier);
      continue;
    }
    const same = hopOfGroup.get(m.group);
    if (same !== undefined) {
      same.routes.push({ from: e.from, to: e.to, message: e });
      hopOfPair.set(key, same);
      hopOfRequest.set(e.id, same);
      continue;
    }
    const hop: MutableHop = { n: hops.length + 1, type: e.type, action: e.action, roundTrip: false, routes: [{ from: e.from, to: e.to, message: e }] };
    hops.push(hop);
    hopOfGroup.set(m.group, hop);
    hopOfPair.set(key, hop);
    hopOfRequest.set(e.id, hop);
  }
  return hops;
}
