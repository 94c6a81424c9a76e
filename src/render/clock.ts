/** The cluster clock: simulated time, and a visible "+50 s" while a long wait is skipped. */
import { Container, Graphics, type Text } from './pixi-parts.ts';
import type { Lang } from '../model/localized.ts';
import { formatClock } from '../timeline/schedule.ts';
import type { Rect } from './layout.ts';
import type { Palette } from './theme.ts';
import { makeText, markSecondary, restyle } from './scene/text.ts';

const TITLE = { en: 'CLUSTER TIME', ko: '클러스터 시간' };

export class ClockView extends Container {
  private readonly panel = new Graphics();
  private readonly title: Text;
  private readonly time: Text;
  private readonly badge = new Graphics();
  private readonly badgeText: Text;
  private shownMs = -1;
  private shownSkip = '';
  private box: Rect = { x: 0, y: 0, w: 0, h: 0 };
  private palette: Palette | undefined;
  private fs = 1;
  private lang: Lang = 'en';

  constructor() {
    super();
    this.label = 'clock';
    this.title = markSecondary(makeText({ size: 14, weight: '700', fill: 0xffffff }));
    this.time = makeText({ size: 26, mono: true, weight: '700', fill: 0xffffff }, '00:00.000');
    this.badgeText = makeText({ size: 15, mono: true, weight: '700', fill: 0xffffff });
    this.addChild(this.panel, this.title, this.time, this.badge, this.badgeText);
    this.badge.visible = false;
    this.badgeText.visible = false;
  }

  setLang(lang: Lang): void {
    this.lang = lang;
    this.title.text = TITLE[lang];
  }

  layout(box: Rect, p: Palette, fs: number): void {
    this.box = box;
    this.palette = p;
    this.fs = fs;
    this.panel.clear().roundRect(box.x, box.y, box.w, box.h, 10 * fs).fill({ color: p.card, alpha: 0.92 }).stroke({ width: p.edgeWidth, color: p.cardEdge });
    restyle(this.title, { size: 14 * fs, weight: '700', fill: p.muted });
    this.title.text = TITLE[this.lang];
    this.title.position.set(box.x + 12 * fs, box.y + 6 * fs);
    // "00:00.000" is 9 monospace characters (about 0.6 em each): as large as fits the panel, up to 26 px.
    restyle(this.time, { size: Math.min(26 * fs, (box.w - 24 * fs) / (9 * 0.62)), mono: true, weight: '700', fill: p.text });
    this.time.position.set(box.x + 12 * fs, box.y + box.h - this.time.height - 4 * fs);
    restyle(this.badgeText, { size: 15 * fs, mono: true, weight: '700', fill: p.onRole });
    this.shownSkip = '\u0000';
    this.shownMs = -1;
  }

  /** `skip` is the "+50 s" label while a compressed wait plays, else undefined. */
  update(simMs: number, skip: string | undefined): void {
    const ms = Math.floor(Math.max(0, simMs));
    if (ms !== this.shownMs) {
      this.shownMs = ms;
      this.time.text = formatClock(simMs);
    }
    const key = skip ?? '';
    if (key === this.shownSkip) return;
    this.shownSkip = key;
    const p = this.palette;
    this.badge.visible = skip !== undefined;
    this.badgeText.visible = skip !== undefined;
    // The badge takes the title's place while the wait is skipped.
    this.title.visible = skip === undefined;
    if (skip === undefined || p === undefined) return;
    const fs = this.fs;
    this.badgeText.text = skip;
    const glyph = 16 * fs;
    const w = this.badgeText.width + glyph + 22 * fs;
    const h = this.badgeText.height + 4 * fs;
    const x = this.box.x + 8 * fs;
    const y = this.box.y + 5 * fs;
    this.badge.clear().roundRect(x, y, w, h, h / 2).fill({ color: p.warning });
    // Fast-forward glyph: two triangles.
    const gy = y + h / 2;
    const gx = x + 8 * fs;
    const t = glyph / 2;
    this.badge.poly([gx, gy - t * 0.7, gx + t, gy, gx, gy + t * 0.7]).poly([gx + t, gy - t * 0.7, gx + 2 * t, gy, gx + t, gy + t * 0.7]).fill({ color: p.onRole });
    this.badgeText.position.set(gx + glyph + 6 * fs, y + (h - this.badgeText.height) / 2);
  }
}
