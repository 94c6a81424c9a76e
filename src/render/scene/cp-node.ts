/**
 * The control-plane node aboard the flagship: its name and readiness, its kubelet and containerd
 * (the node's own crew, like a cargo ship's), the deck where its static pods stand (PodLayer draws
 * the mirror pods there) and its disk in the hull: /etc/kubernetes/manifests and its files, etcd's
 * data directories, a snapshot. A file is drawn while the trace says it exists and flashes when
 * written; etcd.yaml is linked to the data directory its etcd-data hostPath mounts.
 */
import { Container, Graphics, type Text } from '../pixi-parts.ts';
import type { Lang } from '../../model/localized.ts';
import type { NodeFile } from '../../sim/trace.ts';
import type { DiskItem } from '../disk-layout.ts';
import { markDrawn } from '../drawn.ts';
import type { ControlPlaneNodeLayout, Rect } from '../layout.ts';
import type { NodeLook } from '../looks.ts';
import type { Palette } from '../theme.ts';
import { dashedRect } from './shapes.ts';
import { StationView } from './station.ts';
import { fitText, makeText, restyle } from './text.ts';
import { destroyTree } from '../destroy-tree.ts';

const WORDS: Readonly<Record<Lang, { notRegistered: string }>> = { en: { notRegistered: 'not registered' }, ko: { notRegistered: '미등록' } };
const MOUNT = /^etcd-data hostPath: (.+)$/;

class FileChip extends Container {
  readonly bg = new Graphics();
  readonly flash = new Graphics();
  readonly text: Text;
  constructor(readonly item: DiskItem) {
    super();
    this.text = makeText({ size: 14, mono: true, fill: 0xffffff }, item.text);
    this.addChild(this.bg, this.flash, this.text);
    markDrawn(this, 'file', item.path);
    this.flash.alpha = 0;
  }
}

export class ControlPlaneNodeView extends Container {
  readonly node: string;
  readonly stations: readonly StationView[];
  private readonly deckBox = new Graphics();
  private readonly nameText: Text;
  private readonly stateText: Text;
  private readonly links = new Graphics();
  private chips: FileChip[] = [];
  private l: ControlPlaneNodeLayout | undefined;
  private p: Palette | undefined;
  private fs = 1;
  private lang: Lang = 'en';
  private look: NodeLook = { readiness: 'Unregistered', cordoned: false, taints: [] };
  private files: ReadonlyMap<string, NodeFile> = new Map();

  constructor(node: string) {
    super();
    this.node = node;
    this.label = `control-plane-node/${node}`;
    markDrawn(this, 'control-plane-node', node);
    this.stations = [
      new StationView({ id: `kubelet/${node}`, name: 'kubelet', shortName: 'kubelet', role: 'kubelet', icon: 'kubelet' }),
      new StationView({ id: `containerd/${node}`, name: 'containerd', shortName: 'CRI', role: 'runtime', icon: 'runtime' }),
    ];
    this.nameText = makeText({ size: 16, weight: '700', fill: 0xffffff }, node);
    this.stateText = makeText({ size: 14, weight: '700', fill: 0xffffff });
    this.addChild(this.deckBox, this.links, this.nameText, this.stateText, ...this.stations);
  }

  setLang(lang: Lang): void {
    this.lang = lang;
    for (const s of this.stations) s.setLang(lang);
    this.drawHeader();
  }

  layout(l: ControlPlaneNodeLayout, stations: ReadonlyMap<string, Rect>, p: Palette, s: number, fs: number): void {
    this.l = l;
    this.p = p;
    this.fs = fs;
    const none = { x: 0, y: 0, w: 0, h: 0 };
    this.stations[0]?.layout(stations.get(`kubelet/${this.node}`) ?? none, p, fs);
    this.stations[1]?.layout(stations.get(`containerd/${this.node}`) ?? none, p, fs);
    const d = l.deck;
    this.deckBox.clear();
    this.deckBox.roundRect(d.x - 4 * s, d.y - 3 * s, d.w + 8 * s, d.h + 6 * s, 8 * s).fill({ color: p.card, alpha: 0.35 });
    dashedRect(this.deckBox, { x: d.x - 4 * s, y: d.y - 3 * s, w: d.w + 8 * s, h: d.h + 6 * s }, 6 * s, 5 * s).stroke({ width: 1.5 * s, color: p.role.kubelet, alpha: 0.6 });
    for (const c of this.chips) destroyTree(c);
    this.chips = l.disk.items.map((it) => new FileChip(it));
    for (const c of this.chips) {
      const r = c.item.rect;
      c.bg.clear().roundRect(r.x, r.y, r.w, r.h, 4 * fs).fill({ color: p.card });
      if (c.item.dir) c.bg.roundRect(r.x + 4 * fs, r.y - 3 * fs, Math.min(r.w * 0.3, 28 * fs), 5 * fs, 2 * fs).fill({ color: p.role.etcd, alpha: 0.8 });
      c.flash.clear().roundRect(r.x, r.y, r.w, r.h, 4 * fs).fill({ color: p.role.runtime, alpha: 0.45 });
      restyle(c.text, { size: 14 * fs, mono: true, fill: p.text });
      fitText(c.text, c.item.text, r.w - 8 * fs, 14 * fs, 14 * fs, true);
      c.text.position.set(r.x + 6 * fs, r.y + (r.h - c.text.height) / 2);
      this.addChild(c);
    }
    this.drawHeader();
    this.drawFiles();
  }

  setNode(look: NodeLook): void {
    if (look.readiness === this.look.readiness) return;
    this.look = look;
    this.drawHeader();
  }

  /** The files present now (NodeFiles.at). */
  setFiles(files: ReadonlyMap<string, NodeFile>): void {
    if (files === this.files) return;
    this.files = files;
    this.drawFiles();
  }

  /** Flash level (0..1) of a path just written. */
  flash(path: string, level: number): void {
    for (const c of this.chips) if (c.item.path === path) c.flash.alpha = Math.max(c.flash.alpha, level);
  }

  clearFlashes(): void {
    for (const c of this.chips) c.flash.alpha = 0;
  }

  private drawHeader(): void {
    const l = this.l;
    const p = this.p;
    if (l === undefined || p === undefined) return;
    const fs = this.fs;
    const h = l.header;
    const state = this.look.readiness === 'Unregistered' ? WORDS[this.lang].notRegistered : this.look.readiness;
    restyle(this.stateText, { size: 14 * fs, weight: '700', fill: this.look.readiness === 'Ready' ? p.success : this.look.readiness === 'NotReady' ? p.error : p.muted });
    this.stateText.text = state;
    this.stateText.position.set(h.x + h.w - this.stateText.width, h.y + (h.h - this.stateText.height) / 2);
    restyle(this.nameText, { size: 16 * fs, weight: '700', fill: p.text });
    fitText(this.nameText, this.node, h.w - this.stateText.width - 10 * fs, 16 * fs, 14 * fs);
    this.nameText.position.set(h.x, h.y + (h.h - this.nameText.height) / 2);
  }

  private drawFiles(): void {
    const p = this.p;
    if (p === undefined) return;
    const fs = this.fs;
    const hasManifests = [...this.files.keys()].some((k) => k.startsWith('/etc/kubernetes/manifests/'));
    let mount: string | undefined;
    for (const f of this.files.values()) {
      const m = MOUNT.exec(f.note ?? '');
      if (m?.[1] !== undefined) mount = m[1];
    }
    for (const c of this.chips) {
      const it = c.item;
      c.visible = it.dir && it.path === '/etc/kubernetes/manifests' ? hasManifests : this.files.has(it.path);
      const mounted = it.path === mount;
      const isManifest = it.path.startsWith('/etc/kubernetes/manifests/');
      const colour = mounted ? p.role.etcd : isManifest ? p.role.kubelet : p.hullEdge;
      const r = it.rect;
      c.bg.clear().roundRect(r.x, r.y, r.w, r.h, 4 * fs).fill({ color: p.card }).stroke({ width: (mounted ? 2.5 : 1.5) * fs, color: colour });
      if (it.dir) c.bg.roundRect(r.x + 4 * fs, r.y - 3 * fs, Math.min(r.w * 0.3, 28 * fs), 4 * fs, 2 * fs).fill({ color: colour });
    }
    // etcd.yaml -> the data directory it mounts: a bracket under the two chips.
    this.links.clear();
    const from = this.chips.find((c) => c.item.path.endsWith('/etcd.yaml') && c.visible);
    const to = this.chips.find((c) => c.item.path === mount && c.visible);
    if (from !== undefined && to !== undefined) {
      const a = from.item.rect;
      const b = to.item.rect;
      if (Math.abs(a.y - b.y) < 1) {
        // Same line: a bracket just under the two chips.
        const y = a.y + a.h + 2 * fs;
        this.links.moveTo(a.x + a.w / 2, a.y + a.h).lineTo(a.x + a.w / 2, y).lineTo(b.x + b.w / 2, y).lineTo(b.x + b.w / 2, b.y + b.h);
      } else {
        this.links.moveTo(a.x + a.w / 2, a.y + a.h).lineTo(b.x + b.w / 2, b.y);
      }
      this.links.stroke({ width: 2 * fs, color: p.role.etcd, alpha: 0.9 });
    }
  }
}
