/**
 * One etcd member's raft state, drawn under its card: "term 3", "log 12 · commit 11", a strip of
 * its latest log entries (committed filled, not yet committed hollow), and during an election its
 * vote: a candidate's ballots as dots with the majority line after floor(n/2)+1, a voter's choice.
 * Redrawn only when the state changes (the stage calls setState when the trace position moves).
 */
import { Container, Graphics, type Text } from '../pixi-parts.ts';
import type { Lang } from '../../model/localized.ts';
import { logText, majorityOf, RAFT_ROLE, termText } from '../../sim/raft-words.ts';
import type { RaftState } from '../../sim/trace.ts';
import { markDrawn } from '../drawn.ts';
import { RAFT_ROW_H, type Rect } from '../layout.ts';
import type { Palette } from '../theme.ts';
import { fitText, makeText, restyle } from './text.ts';

/** What the election row says: a (pre-)candidate's tally, a voter's choice, or nothing. */
function electionText(st: RaftState, self: string, electing: boolean, lang: Lang): string {
  const got = st.votes?.length ?? 0;
  const need = majorityOf(st.members);
  if (st.role === 'candidate') return lang === 'ko' ? `득표 ${got}/${st.members} · ${need}표 필요` : `${got}/${st.members} votes · need ${need}`;
  if (st.role === 'pre-candidate') return lang === 'ko' ? `예비 투표 ${got}/${st.members} · ${need}표 필요` : `${got}/${st.members} pre-votes · need ${need}`;
  const me = st.votedFor;
  // A follower's vote in this term (its own, as a past candidate, or a crashed member's, says nothing new).
  if (electing && me !== undefined && st.role === 'follower' && me !== self) return lang === 'ko' ? `${me}에 투표` : `voted for ${me}`;
  return '';
}

export class RaftPanelView extends Container {
  private readonly bg = new Graphics();
  private readonly strip = new Graphics();
  private readonly term: Text;
  private readonly log: Text;
  private readonly vote: Text;
  private box: Rect = { x: 0, y: 0, w: 0, h: 0 };
  private fs = 1;
  private s = 1;
  private lang: Lang = 'en';
  private state: RaftState | undefined;
  private electing = false;
  private palette: Palette | undefined;

  constructor(readonly member: string) {
    super();
    this.label = `etcd-member/${member}`;
    markDrawn(this, 'etcd-member', member);
    this.term = makeText({ size: 14, weight: '700', fill: 0xffffff });
    this.log = makeText({ size: 14, fill: 0xffffff });
    this.vote = makeText({ size: 14, weight: '700', fill: 0xffffff });
    this.addChild(this.bg, this.strip, this.term, this.log, this.vote);
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

  /** `electing`: some member is a (pre-)candidate now, so voters show whom they voted for. */
  setState(state: RaftState | undefined, electing: boolean): void {
    if (state === this.state && electing === this.electing) return;
    this.state = state;
    this.electing = electing;
    this.redraw();
  }

  private redraw(): void {
    const p = this.palette;
    const st = this.state;
    const b = this.box;
    this.visible = st !== undefined && b.w > 0;
    if (p === undefined || st === undefined || !this.visible) return;
    const { s, fs, lang } = this;
    const down = st.role === 'down';
    const accent = down ? p.error : p.role.etcd;
    const pad = 6 * s;
    const rowH = RAFT_ROW_H * fs;
    const innerW = b.w - 2 * pad;

    this.bg.clear();
    this.bg.roundRect(b.x, b.y, b.w, b.h, 6 * s).fill({ color: p.card, alpha: 0.6 }).stroke({ width: 1.5 * s, color: accent, alpha: st.role === 'leader' ? 0.9 : 0.45 });

    const text = (t: Text, value: string, row: number, weight: '400' | '700', fill: number): void => {
      restyle(t, { size: 14 * fs, weight, fill });
      fitText(t, value, innerW, 14 * fs);
      t.position.set(b.x + pad, b.y + 4 * s + row * rowH + (rowH - t.height) / 2);
    };
    // The card says "candidate" for both; a pre-candidate has not raised its term yet, so the panel says which.
    const termLine = st.role === 'pre-candidate' ? `${termText(st.term, lang)} · ${RAFT_ROLE['pre-candidate'][lang]}` : termText(st.term, lang);
    text(this.term, termLine, 0, '700', down ? p.muted : p.text);
    text(this.log, logText(st, lang), 1, '400', down ? p.muted : p.text);

    // Row 2: the latest entries of its log, or a candidate's ballots.
    const g = this.strip.clear();
    const rowY = b.y + 4 * s + 2 * rowH;
    const cell = Math.min(12 * fs, rowH - 6 * s);
    const gap = 3 * s;
    const cy = rowY + (rowH - cell) / 2;
    if (st.role === 'candidate' || st.role === 'pre-candidate') {
      const got = st.votes?.length ?? 0;
      const need = majorityOf(st.members);
      for (let i = 0; i < st.members; i++) {
        const x = b.x + pad + i * (cell + gap) + cell / 2;
        g.circle(x, cy + cell / 2, cell / 2 - s);
        if (i < got) g.fill({ color: accent });
        else g.stroke({ width: 1.5 * s, color: accent, alpha: 0.8 });
      }
      // The majority line: as many ballots as stand left of it win the election.
      const lineX = b.x + pad + need * (cell + gap) - gap / 2;
      g.moveTo(lineX, rowY + 1 * s).lineTo(lineX, rowY + rowH - 1 * s).stroke({ width: 2 * s, color: got >= need ? p.success : p.warning });
    } else {
      const fit = Math.max(1, Math.floor((innerW + gap) / (cell + gap)));
      const shown = Math.min(fit, st.lastIndex);
      const first = st.lastIndex - shown + 1;
      for (let k = 0; k < shown; k++) {
        const index = first + k;
        const x = b.x + pad + k * (cell + gap);
        g.rect(x, cy, cell, cell);
        // Committed entries are filled; entries a majority does not hold yet are hollow.
        if (index <= st.commitIndex) g.fill({ color: accent, alpha: down ? 0.5 : 0.9 });
        else g.stroke({ width: 1.5 * s, color: accent });
      }
    }
    const vote = electionText(st, this.member, this.electing, lang);
    this.vote.visible = vote !== '';
    if (vote !== '') text(this.vote, vote, 3, '700', st.role === 'candidate' || st.role === 'pre-candidate' ? accent : p.text);
  }
}
