/**
 * The etcd cluster's quorum at a glance, beside the members' raft panels: the arithmetic
 * (floor(n/2)+1), how many members are up against it (dots, the majority line), and who leads.
 */
import { Container, Graphics, type Text } from '../pixi-parts.ts';
import type { Lang } from '../../model/localized.ts';
import { majorityOf } from '../../sim/raft-words.ts';
import type { RaftState } from '../../sim/trace.ts';
import { markDrawn } from '../drawn.ts';
import { RAFT_ROW_H, type Rect } from '../layout.ts';
import type { Palette } from '../theme.ts';
import { fitText, makeText, restyle } from './text.ts';

export interface QuorumFacts {
  readonly members: number;
  readonly up: number;
  readonly leader: string | undefined;
  readonly term: number;
}

/** Facts from the members' raft states (undefined when there are none). */
export function quorumFacts(raft: ReadonlyMap<string, RaftState>): QuorumFacts | undefined {
  let up = 0;
  let members = 0;
  let leader: string | undefined;
  let term = 0;
  for (const [id, st] of raft) {
    members = st.members;
    if (st.role !== 'down') up++;
    if (st.role === 'leader') {
      leader = id.slice('etcd/'.length);
      term = st.term;
    }
  }
  return members === 0 ? undefined : { members, up, leader, term };
}

export function quorumLines(f: QuorumFacts, lang: Lang): readonly [string, string, string] {
  const q = majorityOf(f.members);
  const ok = f.up >= q;
  if (lang === 'ko') {
    return [`쿼럼 = floor(${f.members}/2)+1 = ${q}`, `살아 있는 멤버 ${f.up}/${f.members}: ${ok ? '쿼럼 있음' : '쿼럼 없음'}`, f.leader ? `리더 ${f.leader} (임기 ${f.term})` : '리더 없음: 커밋 불가'];
  }
  return [`quorum = floor(${f.members}/2)+1 = ${q}`, `${f.up} of ${f.members} up: ${ok ? 'quorum' : 'no quorum'}`, f.leader ? `leader ${f.leader} (term ${f.term})` : 'no leader: no commits'];
}

export class QuorumView extends Container {
  private readonly bg = new Graphics();
  private readonly dots = new Graphics();
  private readonly lines: [Text, Text, Text];
  private box: Rect = { x: 0, y: 0, w: 0, h: 0 };
  private s = 1;
  private fs = 1;
  private lang: Lang = 'en';
  private palette: Palette | undefined;
  private facts: QuorumFacts | undefined;

  constructor() {
    super();
    this.label = 'quorum';
    markDrawn(this, 'quorum', 'etcd');
    this.lines = [makeText({ size: 14, weight: '700', fill: 0xffffff }), makeText({ size: 14, fill: 0xffffff }), makeText({ size: 14, fill: 0xffffff })];
    this.addChild(this.bg, this.dots, ...this.lines);
  }

  setLang(lang: Lang): void {
    this.lang = lang;
    this.redraw();
  }

  layout(box: Rect, p: Palette, s: number, fs: number): void {
    this.box = box;
    this.palette = p;
    this.s = s;
    this.fs = fs;
    this.redraw();
  }

  setFacts(f: QuorumFacts | undefined): void {
    const same = f === this.facts || (f !== undefined && this.facts !== undefined && f.members === this.facts.members && f.up === this.facts.up && f.leader === this.facts.leader && f.term === this.facts.term);
    if (same) return;
    this.facts = f;
    this.redraw();
  }

  private redraw(): void {
    const p = this.palette;
    const f = this.facts;
    const b = this.box;
    this.visible = f !== undefined && b.w > 120 * this.s;
    if (p === undefined || f === undefined || !this.visible) return;
    const { s, fs } = this;
    const pad = 8 * s;
    const rowH = RAFT_ROW_H * fs;
    const q = majorityOf(f.members);
    const ok = f.up >= q;
    const tone = ok ? p.success : p.error;
    this.bg.clear().roundRect(b.x, b.y, b.w, b.h, 6 * s).fill({ color: p.card, alpha: 0.45 }).stroke({ width: 1.5 * s, color: tone, alpha: 0.7 });
    const [head, upLine, leadLine] = quorumLines(f, this.lang);
    const texts: readonly [Text, string, number][] = [
      [this.lines[0], head, p.text],
      [this.lines[1], upLine, ok ? p.text : p.error],
      [this.lines[2], leadLine, f.leader ? p.text : p.error],
    ];
    texts.forEach(([t, value, fill], i) => {
      restyle(t, { size: 14 * fs, weight: i === 0 ? '700' : '400', fill });
      fitText(t, value, b.w - 2 * pad, 14 * fs);
      t.position.set(b.x + pad, b.y + 4 * s + (i === 0 ? 0 : i + 1) * rowH + (rowH - t.height) / 2);
    });
    // Row 1: one dot per member (filled when up) and the majority line after the quorum-th dot.
    const g = this.dots.clear();
    const cell = Math.min(12 * fs, rowH - 6 * s);
    const gap = 4 * s;
    const y = b.y + 4 * s + rowH + rowH / 2;
    for (let i = 0; i < f.members; i++) {
      const x = b.x + pad + i * (cell + gap) + cell / 2;
      g.circle(x, y, cell / 2 - s);
      if (i < f.up) g.fill({ color: p.role.etcd });
      else g.stroke({ width: 1.5 * s, color: p.role.etcd, alpha: 0.8 });
    }
    const lineX = b.x + pad + q * (cell + gap) - gap / 2;
    g.moveTo(lineX, y - rowH / 2 + s).lineTo(lineX, y + rowH / 2 - s).stroke({ width: 2 * s, color: tone });
  }
}
