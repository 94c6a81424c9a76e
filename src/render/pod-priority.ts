/**
 * Which pods of an overflowing deck get a slot: the step's focus pods first, then the newest, the
 * rest fold into "+N". The chosen ones stand in name order, so a deck that fits keeps its order.
 */
import type { ObjectRef, Pod } from '../model/objects.ts';
import type { PodLook } from './looks.ts';

/** A pod box on a deck: an API pod, or a static pod its kubelet runs that the API does not list. */
export interface DeckPod {
  readonly ref: ObjectRef;
  readonly name: string;
  /** The node whose deck it stands on (undefined: the scheduling queue). */
  readonly node: string | undefined;
  readonly look: PodLook;
  /** The API's pod; undefined for an unlisted static pod. */
  readonly pod: Pod | undefined;
  /** For an unlisted static pod, the words its phase line adds ("no mirror"). */
  readonly unlisted?: string;
}

const byName = (a: DeckPod, b: DeckPod): number => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

/** Sorts `pods` in place: the `visible` pods that get a slot first (in name order), then the folded ones. */
export function deckOrder(pods: DeckPod[], visible: number, focus: ReadonlySet<ObjectRef>): void {
  pods.sort(byName);
  if (visible >= pods.length) return;
  const rank = (p: DeckPod): number => (focus.has(p.ref) ? 0 : 1);
  const created = (p: DeckPod): string => p.pod?.metadata.creationTimestamp ?? '';
  // Priority order: focus, then newest first; ties by name (stable sort keeps name order).
  const chosen = new Set([...pods].sort((a, b) => rank(a) - rank(b) || (created(a) < created(b) ? 1 : created(a) > created(b) ? -1 : 0)).slice(0, visible));
  const shown = pods.filter((p) => chosen.has(p));
  const folded = pods.filter((p) => !chosen.has(p));
  pods.splice(0, pods.length, ...shown, ...folded);
}
