/**
 * The control plane as the flagship: kube-apiserver on the bridge at the centre, kube-scheduler the
 * navigator, etcd the ship's log, kube-controller-manager the officers' deck where its controllers
 * light up when they act, and the scheduling queue where unscheduled pods wait.
 */
import { Container, Graphics, type Text } from '../pixi-parts.ts';
import type { Lang } from '../../model/localized.ts';
import { CONTROLLERS, deckControllers, type ControllerId } from '../ids.ts';
import { chipRects, type Rect, type StageLayout } from '../layout.ts';
import type { Palette } from '../theme.ts';
import type { RaftState } from '../../sim/trace.ts';
import { RaftPanelView } from './raft-panel.ts';
import { QuorumView, quorumFacts } from './quorum-view.ts';
import { ControlPlaneNodeView } from './cp-node.ts';
import { StationView } from './station.ts';
import { dashedRect, hullPath } from './shapes.ts';
import { fitText, makeText, markSecondary, restyle } from './text.ts';
import { destroyTree } from '../destroy-tree.ts';

const TITLE = { en: 'control plane', ko: '컨트롤 플레인' };
const QUEUE = { en: 'scheduling queue', ko: '스케줄링 큐' };

export class FlagshipView extends Container {
  readonly api = new StationView({ id: 'kube-apiserver', name: 'kube-apiserver', role: 'control', icon: 'api' });
  readonly scheduler = new StationView({ id: 'kube-scheduler', name: 'kube-scheduler', role: 'scheduler', icon: 'sched' });
  readonly etcd = new StationView({ id: 'etcd', name: 'etcd', role: 'etcd', icon: 'etcd' });
  readonly cm = new StationView({ id: 'kube-controller-manager', name: 'kube-controller-manager', role: 'controllers', icon: 'cm' });
  /** The control-plane node aboard (static-pods scenarios): its kubelet, containerd, static pods and disk. */
  private cp: ControlPlaneNodeView | undefined;
  private readonly body = new Graphics();
  private readonly title: Text;
  private readonly queueBox = new Graphics();
  private readonly queueText: Text;
  /** The deck's chips; `bit` is the controller's index in CONTROLLERS (its bit in the lit mask). */
  private chips: { id: ControllerId; bit: number; label: string; bg: Graphics; lit: Graphics; text: Text }[] = [];
  /** Each chip's box as last laid out. */
  private readonly chipBoxes = new Map<ControllerId, Rect>();
  private lang: Lang = 'en';
  private litMask = -1;

  constructor() {
    super();
    this.label = 'flagship';
    this.title = makeText({ size: 15, weight: '700', fill: 0xffffff });
    this.queueText = markSecondary(makeText({ size: 14, fill: 0xffffff }));
    this.addChild(this.body, this.title, this.queueBox, this.queueText, this.api, this.scheduler, this.etcd, this.cm);
    this.addChild(this.quorum);
    this.setDeck(deckControllers(new Set()));
  }

  /** Which controllers have a chip (deckControllers); lay out again afterwards. */
  setDeck(ids: readonly ControllerId[]): void {
    if (ids.length === this.chips.length && ids.every((id, i) => this.chips[i]?.id === id)) return;
    for (const c of this.chips) for (const g of [c.bg, c.lit, c.text]) g.destroy();
    this.chips = ids.map((id) => {
      const bit = CONTROLLERS.findIndex((c) => c.id === id);
      const label = CONTROLLERS[bit]?.label ?? id;
      return { id, bit, label, bg: new Graphics(), lit: new Graphics(), text: markSecondary(makeText({ size: 14, fill: 0xffffff }, label)) };
    });
    for (const c of this.chips) this.addChild(c.bg, c.lit, c.text);
    this.litMask = -1;
  }

  private members: StationView[] = [];
  /** Each member's raft state under its card (laid out only when the trace carries raft state). */
  private raftPanels: RaftPanelView[] = [];
  private readonly quorum = new QuorumView();

  get stations(): readonly StationView[] {
    return [this.api, this.scheduler, this.etcd, this.cm, ...this.members, ...(this.cp?.stations ?? [])];
  }

  /** The control-plane node drawn aboard, or none. */
  setControlPlaneNode(node: string | undefined): void {
    if (this.cp?.node === node) return;
    if (this.cp !== undefined) destroyTree(this.cp);
    this.cp = node === undefined ? undefined : new ControlPlaneNodeView(node);
    if (this.cp !== undefined) {
      this.cp.setLang(this.lang);
      this.addChild(this.cp);
    }
  }

  get controlPlaneNode(): ControlPlaneNodeView | undefined {
    return this.cp;
  }

  /** etcd members (etcd/<name>) drawn in place of the single etcd station. */
  setEtcdMembers(names: readonly string[]): void {
    const same = names.length === this.members.length && names.every((n, i) => this.members[i]?.spec.id === `etcd/${n}`);
    if (same) return;
    for (const m of [...this.members, ...this.raftPanels]) destroyTree(m);
    this.members = names.map((n) => new StationView({ id: `etcd/${n}`, name: n, role: 'etcd', icon: undefined }));
    this.raftPanels = names.map((n) => new RaftPanelView(n));
    for (const m of this.members) {
      m.setLang(this.lang);
      this.addChild(m);
    }
    for (const r of this.raftPanels) {
      r.setLang(this.lang);
      this.addChild(r);
    }
    this.etcd.visible = names.length === 0;
  }

  setLang(lang: Lang): void {
    this.lang = lang;
    for (const s of this.stations) s.setLang(lang);
    for (const r of this.raftPanels) r.setLang(lang);
    this.quorum.setLang(lang);
    this.cp?.setLang(lang);
    this.title.text = TITLE[lang].toUpperCase();
    this.queueText.text = QUEUE[lang];
  }

  layout(l: StageLayout, p: Palette): void {
    const { s, fs } = l;
    const f = l.flagship;
    this.body.clear();
    // Superstructure (the decks with the crew) sitting on the hull.
    const hull = l.flagshipHull;
    this.body
      .roundRect(f.x + f.w * 0.015, f.y, f.w * 0.97, hull.y - f.y + 4 * s, 16 * s)
      .fill({ color: p.deck, alpha: 0.75 })
      .stroke({ width: p.edgeWidth, color: p.hullEdge });
    hullPath(this.body, hull, f.w * 0.03).fill({ color: p.hull }).stroke({ width: p.edgeWidth * 1.2, color: p.role.control, alpha: 0.8 });
    const wl = hull.y + hull.h * 0.55;
    // The ship's name is painted on its hull, above the waterline.
    restyle(this.title, { size: 14 * fs, weight: '700', fill: p.role.control });
    const cpl = l.cpNode;
    let stripeX = f.x + f.w * 0.03;
    if (cpl === undefined) {
      fitText(this.title, TITLE[this.lang].toUpperCase(), f.w * 0.5, 14 * fs);
      this.title.position.set(f.x + f.w * 0.06, hull.y + Math.max(0, (hull.h * 0.55 - this.title.height) / 2));
      // A low hull has no room above the waterline for the name (Hangul is taller): the line starts after it.
      if (this.title.y + this.title.height > wl) stripeX = this.title.x + this.title.width + 8 * fs;
    }
    // Not through the node's files when they run over several lines (it struck through a row of them).
    const crossesFiles = cpl?.disk.items.some((it) => it.rect.y - 2 * s < wl && wl < it.rect.y + it.rect.h + 2 * s) === true;
    if (!crossesFiles) this.body.moveTo(stripeX, wl).lineTo(f.x + f.w * 0.97, wl).stroke({ width: 2 * s, color: p.role.control, alpha: 0.45 });
    if (cpl !== undefined) {
      // The name leads the hull's first line; the node's files follow it.
      fitText(this.title, TITLE[this.lang].toUpperCase(), cpl.titleW - 10 * fs, 14 * fs);
      const first = cpl.disk.items[0]?.rect;
      const y0 = first === undefined ? hull.y : first.y + first.h / 2;
      this.title.position.set((first?.x ?? f.x + f.w * 0.05) - cpl.titleW, y0 - this.title.height / 2);
    }

    const get = (id: string) => l.stations.get(id) ?? { x: 0, y: 0, w: 0, h: 0 };
    this.api.layout(get('kube-apiserver'), p, fs);
    this.scheduler.layout(get('kube-scheduler'), p, fs);
    if (this.members.length === 0) this.etcd.layout(get('etcd'), p, fs);
    for (const m of this.members) m.layout(get(m.spec.id), p, fs);
    for (const r of this.raftPanels) r.layout(l.raftPanels.get(`etcd/${r.member}`) ?? { x: 0, y: 0, w: 0, h: 0 }, p, s, fs);
    this.quorum.layout(l.quorumBox, p, s, fs);
    this.cm.layout(get('kube-controller-manager'), p, fs, true);
    if (this.cp !== undefined && cpl !== undefined) this.cp.layout(cpl, l.stations, p, s, fs);

    const q = l.queue;
    this.queueBox.clear();
    this.queueBox.roundRect(q.x, q.y, q.w, q.h, 8 * s).fill({ color: p.card, alpha: 0.5 });
    dashedRect(this.queueBox, q, 6 * s, 5 * s).stroke({ width: 1.5 * s, color: p.role.scheduler, alpha: 0.8 });
    restyle(this.queueText, { size: 14 * fs, fill: p.muted });
    fitText(this.queueText, QUEUE[this.lang], q.w - 16 * s, 14 * fs);
    this.queueText.position.set(q.x + 8 * s, q.y + 4 * s);

    const rects = chipRects(l.controllerArea, this.chips.length, s, fs);
    this.chipBoxes.clear();
    this.chips.forEach((c, i) => {
      const r = rects[i];
      if (r === undefined) return;
      this.chipBoxes.set(c.id, r);
      c.bg.clear().roundRect(r.x, r.y, r.w, r.h, r.h / 2).fill({ color: p.card }).stroke({ width: 1.5 * s, color: p.role.controllers, alpha: 0.7 });
      c.lit.clear().roundRect(r.x, r.y, r.w, r.h, r.h / 2).fill({ color: p.role.controllers });
      restyle(c.text, { size: 14 * fs, weight: '700', fill: p.text });
      fitText(c.text, c.label, r.w - 16 * s, 14 * fs);
      c.text.position.set(r.x + (r.w - c.text.width) / 2, r.y + (r.h - c.text.height) / 2);
    });
    this.litMask = -1;
    this.setControllers(0, p);
  }

  /** A controller's chip on the deck as last laid out (undefined: it has none). */
  chipBox(id: ControllerId): Rect | undefined {
    return this.chipBoxes.get(id);
  }

  /** A member's panel dims with its card when the step is about other components. */
  dimRaft(focus: readonly string[], p: Palette): void {
    for (const r of this.raftPanels) r.alpha = focus.length > 0 && !focus.includes(`etcd/${r.member}`) ? p.dim : 1;
  }

  /** The members' raft state now (stateAt's raft map); a no-op for a member whose state is unchanged. */
  setRaft(raft: ReadonlyMap<string, RaftState>): void {
    let electing = false;
    for (const st of raft.values()) if (st.role === 'candidate' || st.role === 'pre-candidate') electing = true;
    for (const r of this.raftPanels) r.setState(raft.get(`etcd/${r.member}`), electing);
    this.quorum.setFacts(quorumFacts(raft));
  }

  /** Light the controllers whose bit is set in `mask` (bit i = CONTROLLERS[i]). */
  setControllers(mask: number, p: Palette): void {
    if (mask === this.litMask) return;
    this.litMask = mask;
    this.chips.forEach((c) => {
      const on = (mask & (1 << c.bit)) !== 0;
      c.lit.visible = on;
      c.text.style.fill = on ? p.onRole : p.text;
    });
  }

  /** Where unscheduled pods queue. */
  queueArea(l: StageLayout): { x: number; y: number; w: number; h: number } {
    const q = l.queue;
    const top = 4 * l.s + this.queueText.height + 4 * l.s;
    return { x: q.x + 8 * l.s, y: q.y + top, w: q.w - 16 * l.s, h: q.h - top - 6 * l.s };
  }
}
