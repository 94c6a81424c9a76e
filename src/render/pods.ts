/**
 * Pods as containers on their ship's deck (or in the flagship's scheduling queue while
 * unscheduled), keyed by object ref: a pod view is created once, updated when its object changes
 * and removed when the object is deleted. Box shapes are shared GraphicsContexts per look and size.
 * A pod box can be clicked: onObjectClick gets its object ref ("Pod/default/web-1").
 */
import { cutsInMiddle } from './pod-name-cut.ts';
import { Container, Graphics, GraphicsContext, Rectangle, type Text } from './pixi-parts.ts';
import { markDrawn } from './drawn.ts';
import type { K8sObject, ObjectRef, Pod } from '../model/objects.ts';
import { podSlots, type Density, type Rect } from './layout.ts';
import { podLook, podLookLabel, type PodLook } from './looks.ts';
import type { Palette } from './theme.ts';
import { checkMark, dashedRect } from './scene/shapes.ts';
import { fitText, makeText, markSecondary, restyle } from './scene/text.ts';
import { revisionColour } from './objects/revision-colour.ts';
import { deckOrder, type DeckPod } from './pod-priority.ts';
import type { StaticPodPhase, StaticPodState } from '../sim/trace.ts';
import type { Lang } from '../model/localized.ts';
import { lookColour } from './look-colours.ts';
import { destroyTree } from './destroy-tree.ts';


const contexts = new Map<string, GraphicsContext>();

const NO_STATIC_PODS: ReadonlyMap<ObjectRef, StaticPodState> = new Map();

/** A static pod's look as its kubelet has it: its sandbox starting, its container running, ready, stopping. */
const STATIC_LOOK: Readonly<Record<StaticPodPhase, PodLook>> = { starting: 'ContainerCreating', running: 'Running', ready: 'Ready', stopping: 'Terminating' };

function boxContext(look: PodLook, w: number, h: number, p: Palette, fs: number, unlisted: boolean): GraphicsContext {
  const key = `${look}|${Math.round(w)}|${Math.round(h)}|${p.name}|${unlisted ? 'u' : ''}`;
  const hit = contexts.get(key);
  if (hit) return hit;
  const c = lookColour(look, p);
  const ctx = new GraphicsContext();
  const r = 6 * fs;
  ctx.roundRect(0, 0, w, h, r).fill({ color: p.card });
  ctx.roundRect(0, 0, w, h, r).fill({ color: c, alpha: look === 'Terminating' || look === 'Unknown' ? 0.1 : 0.2 });
  // Dashed: what the API cannot vouch for (a pod on a lost node; a static pod it does not list).
  if (look === 'Unknown' || unlisted) dashedRect(new Graphics(ctx), { x: 0, y: 0, w, h }, 6 * fs, 4 * fs).stroke({ width: 2 * fs, color: c });
  else ctx.roundRect(0, 0, w, h, r).stroke({ width: 2 * fs, color: c });
  // Container ribs: the shipping-container look.
  ctx.rect(0, 0, 6 * fs, h).fill({ color: c, alpha: look === 'Terminating' ? 0.5 : 1 });
  if (look === 'Ready') checkMark(new Graphics(ctx), w - 22 * fs, h / 2 - 7 * fs, 14 * fs).stroke({ width: 3 * fs, color: c, cap: 'round', join: 'round' });
  contexts.set(key, ctx);
  return ctx;
}

class PodView extends Container {
  readonly box = new Graphics();
  /** The owning ReplicaSet's revision colour, a rib down the right edge (absent for pods no ReplicaSet owns). */
  readonly stripe = new Graphics();
  /** Drawn around the pod while the step singles it out (the pods a controller deletes, the one scheduled). */
  readonly ring = new Graphics();
  readonly nameText: Text;
  readonly phaseText: Text;
  /** What was drawn last. */
  shown: DeckPod | undefined;
  node: string | undefined;
  look: PodLook = 'Pending';
  slot: Rect = { x: 0, y: 0, w: 0, h: 0 };
  private key = '';

  constructor() {
    super();
    this.nameText = makeText({ size: 14, weight: '700', fill: 0xffffff });
    this.phaseText = markSecondary(makeText({ size: 14, fill: 0xffffff }));
    this.addChild(this.ring, this.box, this.stripe, this.nameText, this.phaseText);
    this.ring.visible = false;
  }

  draw(pod: DeckPod, slot: Rect, p: Palette, fs: number, density: Density, revision: number | undefined): void {
    const { look, name, unlisted } = pod;
    const key = `${look}|${slot.w}|${slot.h}|${p.name}|${density}|${name}|${revision ?? ''}|${unlisted ?? ''}`;
    this.position.set(slot.x, slot.y);
    this.slot = slot;
    this.shown = pod;
    this.node = pod.node;
    this.look = look;
    if (key === this.key) return;
    this.hitArea = new Rectangle(0, 0, slot.w, slot.h);
    this.key = key;
    this.box.context = boxContext(look, slot.w, slot.h, p, fs, unlisted !== undefined);
    // Not an API object while the API does not list it: a stage part of its own for the tests.
    markDrawn(this, unlisted === undefined ? 'Pod' : 'static-pod', pod.ref.slice('Pod/'.length));
    // Not in the API: nothing for a card to show.
    this.eventMode = unlisted === undefined ? 'static' : 'none';
    const g = 3 * fs;
    this.ring.clear().roundRect(-g, -g, slot.w + 2 * g, slot.h + 2 * g, 9 * fs).stroke({ width: 2.5 * fs, color: p.text, alpha: 0.9 });
    this.stripe.clear();
    const rib = revision === undefined ? 0 : 6 * fs;
    if (revision !== undefined) this.stripe.roundRect(slot.w - rib, 0, rib, slot.h, 3 * fs).fill({ color: revisionColour(revision, p) });
    const textX = 12 * fs;
    const maxW = slot.w - textX - (look === 'Ready' ? 26 * fs : 6 * fs) - rib;
    restyle(this.nameText, { size: 14 * fs, weight: '700', fill: look === 'Terminating' ? p.muted : p.text });
    fitText(this.nameText, name, maxW, 14 * fs, 14 * fs, cutsInMiddle(name));
    restyle(this.phaseText, { size: 14 * fs, fill: lookColour(look, p) });
    fitText(this.phaseText, unlisted === undefined ? podLookLabel(look) : `${podLookLabel(look)} · ${unlisted}`, maxW, 14 * fs);
    if (density === 'full') {
      const gap = Math.max(0, (slot.h - this.nameText.height - this.phaseText.height) / 3);
      this.nameText.position.set(textX, gap);
      this.phaseText.position.set(textX, slot.h - gap - this.phaseText.height);
      this.phaseText.visible = true;
    } else {
      this.nameText.position.set(textX, (slot.h - this.nameText.height) / 2);
      this.phaseText.visible = false;
    }
  }
}

export interface PodPlaces {
  /** Deck per node name. */
  readonly decks: ReadonlyMap<string, Rect>;
  /** Where unscheduled pods wait. */
  readonly queue: Rect;
  readonly fs: number;
  readonly density: Density;
  /** A fixed pod box for some decks (the flagship's static pods, compact and wide enough for their names). */
  readonly slotSize?: ReadonlyMap<string, { readonly w: number; readonly h: number }>;
  /** Pods bound to a node with no deck here are drawn elsewhere (the scale view's tiles), not queued. */
  readonly offDeckElsewhere?: boolean;
}

export class PodLayer extends Container {
  private readonly views = new Map<ObjectRef, PodView>();
  private readonly overflow = new Map<string, Text>();
  /** The decks (by node; '' the queue) whose pods do not all fit: their "+N" is drawn. */
  private readonly usedOverflow = new Set<string>();
  private objects: ReadonlyMap<ObjectRef, K8sObject> = new Map();
  private revisions: ReadonlyMap<ObjectRef, number> = new Map();
  private staticPods: ReadonlyMap<ObjectRef, StaticPodState> = NO_STATIC_PODS;
  private unlistedWords = 'no mirror';
  private readonly unlistedPods = new Map<ObjectRef, DeckPod>();
  /** Each API pod's box, kept per object version: a pod whose object did not change is not redrawn. */
  private readonly deckPods = new WeakMap<Pod, DeckPod>();
  private places: PodPlaces | undefined;
  private palette: Palette | undefined;
  /** Pods whose box pulses (ContainerCreating). */
  private readonly pulsing: PodView[] = [];
  /** The current step's pods: they get a slot first when a deck overflows. */
  private focus: ReadonlySet<ObjectRef> = new Set();
  private clickCbs: ((ref: ObjectRef) => void)[] = [];

  /** Clicking a pod box calls back with its object ref. Returns an unsubscribe. */
  onObjectClick(cb: (ref: ObjectRef) => void): () => void {
    this.clickCbs.push(cb);
    return () => {
      this.clickCbs = this.clickCbs.filter((c) => c !== cb);
    };
  }

  /** Decks a score panel covers ("node\n" each): their pods and "+N" hide until it goes. */
  private covered = '';

  setCovered(nodes: string): void {
    if (nodes === this.covered) return;
    this.covered = nodes;
    this.applyCovered();
  }

  private applyCovered(): void {
    for (const v of this.views.values()) {
      const node = v.node;
      v.visible = node === undefined || !this.covered.includes(`${node}\n`);
    }
    // A "+N" shows while its deck overflows and no score panel covers it (it comes back when the panel goes).
    for (const [where, t] of this.overflow) t.visible = this.usedOverflow.has(where) && !(where !== '' && this.covered.includes(`${where}\n`));
  }

  /** The pods the current step is about (kept out of "+N"); re-places the pods when it changes. */
  setFocus(refs: ReadonlySet<ObjectRef>): void {
    if (refs === this.focus) return;
    this.focus = refs;
    this.place(false);
  }

  layout(places: PodPlaces, p: Palette): void {
    this.rectsOf = undefined;
    this.places = places;
    this.palette = p;
    this.place(true);
  }

  /**
   * Idempotent: only pods whose object identity changed are redrawn. `staticPods`: the static pods
   * the nodes' kubelets run (StaticPodsAt); one the API does not list (no mirror pod yet, or its
   * mirror deleted) stands on its deck all the same, dashed, since it runs.
   */
  apply(objects: ReadonlyMap<ObjectRef, K8sObject>, revisions: ReadonlyMap<ObjectRef, number> = new Map(), staticPods: ReadonlyMap<ObjectRef, StaticPodState> = NO_STATIC_PODS): void {
    if (objects === this.objects && staticPods === this.staticPods) return;
    this.objects = objects;
    this.revisions = revisions;
    this.staticPods = staticPods;
    this.place(false);
  }

  /** The words an unlisted static pod's phase line adds, in the stage's language. */
  setLang(lang: Lang): void {
    const words = lang === 'ko' ? '미러 없음' : 'no mirror';
    if (words === this.unlistedWords) return;
    this.unlistedWords = words;
    this.unlistedPods.clear();
    this.place(true);
  }

  private deckPod(ref: ObjectRef, pod: Pod, where: string): DeckPod {
    const node = where === '' ? undefined : where;
    const hit = this.deckPods.get(pod);
    if (hit !== undefined && hit.node === node && hit.ref === ref) return hit;
    const made: DeckPod = { ref, name: pod.metadata.name, node, look: podLook(pod), pod };
    this.deckPods.set(pod, made);
    return made;
  }

  /** An unlisted static pod's box, the same object while its phase is (so it is not redrawn each frame). */
  private unlistedPod(st: StaticPodState): DeckPod {
    const hit = this.unlistedPods.get(st.pod);
    if (hit?.look === STATIC_LOOK[st.phase]) return hit;
    const pod: DeckPod = { ref: st.pod, name: st.pod.slice(st.pod.lastIndexOf('/') + 1), node: st.node, look: STATIC_LOOK[st.phase], pod: undefined, unlisted: this.unlistedWords };
    this.unlistedPods.set(st.pod, pod);
    return pod;
  }

  private place(force: boolean): void {
    const places = this.places;
    const p = this.palette;
    if (places === undefined || p === undefined) return;
    const groups = new Map<string, DeckPod[]>();
    const add = (where: string, pod: DeckPod): void => {
      let g = groups.get(where);
      if (g === undefined) groups.set(where, (g = []));
      g.push(pod);
    };
    for (const [ref, obj] of this.objects) {
      if (obj.kind !== 'Pod') continue;
      const node = obj.spec.nodeName;
      if (node !== undefined && places.offDeckElsewhere === true && !places.decks.has(node)) continue;
      const where = node !== undefined && places.decks.has(node) ? node : '';
      // A mirror being deleted while its static pod runs on: the pod is drawn, not the leaving mirror
      // (static-pods' deleted mirror turned grey under a caption saying the pod keeps running).
      const st = obj.metadata.deletionTimestamp === undefined ? undefined : this.staticPods.get(ref);
      add(where, st !== undefined && (st.phase === 'running' || st.phase === 'ready') && places.decks.has(st.node) ? this.unlistedPod(st) : this.deckPod(ref, obj, where));
    }
    for (const [ref, st] of this.staticPods) if (!this.objects.has(ref) && places.decks.has(st.node)) add(st.node, this.unlistedPod(st));
    const seen = new Set<ObjectRef>();
    this.pulsing.length = 0;
    const usedOverflow = this.usedOverflow;
    usedOverflow.clear();
    for (const [where, pods] of groups) {
      const area = where === '' ? places.queue : (places.decks.get(where) ?? places.queue);
      const size = places.slotSize?.get(where);
      let density: Density = where === '' || size !== undefined ? 'compact' : places.density;
      let { slots, visible } = podSlots(area, pods.length, places.fs, density, size);
      // A crowded deck trades the phase line for room: smaller cards before "+N".
      if (visible < pods.length && density === 'full') {
        const small = podSlots(area, pods.length, places.fs, 'compact');
        if (small.visible > visible) ({ slots, visible, density } = { ...small, density: 'compact' });
      }
      // An overflowing deck gives its last slot to the "+N": drawn in a corner, it hid under the last card.
      const more = visible < pods.length && visible > 1 ? slots[visible - 1] : undefined;
      if (more !== undefined) visible -= 1;
      deckOrder(pods, visible, this.focus);
      pods.forEach((pod, i) => {
        const ref = pod.ref;
        const slot = i < visible ? slots[i] : undefined;
        if (slot === undefined) return;
        seen.add(ref);
        let v = this.views.get(ref);
        if (v === undefined) {
          v = new PodView();
          v.label = ref;
          v.eventMode = 'static';
          v.cursor = 'pointer';
          // The pod, not the ship or station drawn under it, is what was clicked.
          v.on('pointertap', (e) => {
            e.stopPropagation();
            for (const cb of this.clickCbs) cb(ref);
          });
          this.views.set(ref, v);
          this.addChild(v);
        }
        if (force || v.shown !== pod || v.x !== slot.x || v.y !== slot.y || v.slot.w !== slot.w) v.draw(pod, slot, p, places.fs, density, this.revisions.get(ref));
        if (v.look === 'ContainerCreating') this.pulsing.push(v);
        else v.box.alpha = 1;
      });
      if (visible < pods.length) {
        usedOverflow.add(where);
        let t = this.overflow.get(where);
        if (t === undefined) {
          t = makeText({ size: 14, weight: '700', fill: p.text });
          this.overflow.set(where, t);
          this.addChild(t);
        }
        restyle(t, { size: 14 * places.fs, weight: '700', fill: p.text });
        t.text = `+${pods.length - visible}`;
        if (more !== undefined) t.position.set(more.x + (more.w - t.width) / 2, more.y + (more.h - t.height) / 2);
        else t.position.set(area.x + area.w - t.width, area.y + area.h - t.height);
      }
    }
    for (const [ref, v] of this.views) {
      if (seen.has(ref)) continue;
      destroyTree(v);
      this.views.delete(ref);
    }
    // A step about some of the pods rings them; a step about all of them (or none) rings none.
    const single = this.focus.size > 0 && this.focus.size < this.views.size;
    for (const [ref, v] of this.views) v.ring.visible = single && this.focus.has(ref);
    this.applyCovered();
  }

  /** Per-frame: ContainerCreating pods pulse (a function of presentation time, so seeking is exact). */
  animate(t: number, reducedMotion: boolean): void {
    const a = reducedMotion ? 1 : 0.55 + 0.45 * (0.5 + 0.5 * Math.cos(t * Math.PI * 1.6));
    for (const v of this.pulsing) v.box.alpha = a;
  }

  /** The box of the first pod named `name` (any namespace): a client pod such as client/curl. */
  podNamed(name: string): Rect | undefined {
    for (const ref of this.views.keys()) if (ref.endsWith(`/${name}`)) return this.podRect(ref);
    return undefined;
  }

  podWithPrefix(prefix: string): Rect | undefined {
    let best: ObjectRef | undefined;
    for (const ref of this.views.keys()) if (ref.startsWith(prefix) && (best === undefined || ref < best)) best = ref;
    return best === undefined ? undefined : this.podRect(best);
  }

  private rects: Rect[] = [];
  private rectsOf: ReadonlyMap<ObjectRef, K8sObject> | undefined;
  /** Every pod box on stage (recomputed when the pods change). */
  podRects(): readonly Rect[] {
    if (this.rectsOf !== this.objects || this.rects.length !== this.views.size) {
      this.rectsOf = this.objects;
      this.rects = [...this.views.values()].map((v) => v.slot);
    }
    return this.rects;
  }

  /** Pod ref -> its current box on stage (for tokens that carry a pod). */
  podRect(ref: ObjectRef): Rect | undefined {
    const v = this.views.get(ref);
    return v?.slot;
  }
}
