/**
 * kube-proxy's rules on a ship: "web → 3" in the kernel's strip when the ship draws its kernel,
 * else right-aligned in the taints row above the mast, or "→3" in the mast card of a compact ship. It pulses when kube-proxy programs the rules (the mast
 * signalling). Drawn only while the node holds rules; listed by stage.objects() as 'rules'.
 */
import { Container, Graphics, type Text } from '../pixi-parts.ts';
import { markDrawn } from '../drawn.ts';
import type { RulesSpot } from '../layout.ts';
import { badgeLine } from '../rules-words.ts';
import type { Palette } from '../theme.ts';
import type { HeldRules } from '../../timeline/node-rules.ts';
import { makeText, restyle } from './text.ts';

export class RulesBadge extends Container {
  private readonly glow = new Graphics();
  private readonly box = new Graphics();
  private readonly words: Text;
  private rules: readonly HeldRules[] = [];
  private spot: RulesSpot | undefined;
  private palette: Palette | undefined;
  private fs = 1;
  private drawnW = 0;
  private key = '';

  constructor(node: string) {
    super();
    this.label = `rules/${node}`;
    markDrawn(this, 'rules', node);
    this.words = makeText({ size: 14, weight: '700', mono: true, fill: 0xffffff });
    this.addChild(this.glow, this.box, this.words);
    this.glow.alpha = 0;
    this.visible = false;
  }

  layout(spot: RulesSpot, palette: Palette, fs: number): void {
    this.spot = spot;
    this.palette = palette;
    this.fs = fs;
    this.redraw();
  }

  set(rules: readonly HeldRules[]): void {
    // Cluster state is rebuilt at every event boundary: redraw only when the words would change.
    const key = rules.map((r) => `${r.mode}|${r.service}|${r.endpoints.length}`).join(',');
    if (key === this.key) return;
    this.key = key;
    this.rules = rules;
    this.redraw();
  }

  /** Hidden for now (the kernel's strip shows what the kernel is doing), drawn again after. */
  suppress(on: boolean): void {
    this.renderable = !on;
  }

  /** Glow level 0..1 (kube-proxy just programmed). */
  pulse(level: number): void {
    this.glow.alpha = level;
  }

  /** Where a row badge starts (taint chips stop before it); undefined when none is drawn in the row. */
  get rowLeft(): number | undefined {
    return this.visible && this.spot?.at === 'row' ? this.spot.rect.x + this.spot.rect.w - this.drawnW : undefined;
  }

  /** The width a card badge takes at the mast card's right end (0: none). */
  get cardWidth(): number {
    return this.visible && this.spot?.at === 'card' ? this.drawnW : 0;
  }

  /** The width a strip badge takes at the kernel strip's right end (0: none). */
  get stripWidth(): number {
    return this.visible && this.spot?.at === 'strip' ? this.drawnW : 0;
  }

  private redraw(): void {
    const spot = this.spot;
    const p = this.palette;
    this.box.clear();
    this.glow.clear();
    this.drawnW = 0;
    this.visible = false;
    if (spot === undefined || p === undefined || this.rules.length === 0 || spot.rect.w <= 0 || spot.rect.h <= 0) return;
    const fs = this.fs;
    const padX = (spot.at === 'card' ? 3 : 6) * fs;
    restyle(this.words, { size: 14 * fs, weight: '700', mono: true, fill: p.text });
    const fits = (text: string): boolean => {
      this.words.text = text;
      return this.words.width + 2 * padX <= spot.rect.w;
    };
    // A strip too narrow for the Service's name (a small embed) says the count alone, like a card.
    const long = badgeLine(this.rules, fits, spot.at === 'card');
    const line = spot.at === 'strip' && (long === undefined || long.startsWith('+')) ? badgeLine(this.rules, fits, true) : long;
    if (line === undefined) return;
    this.words.text = line;
    // Red when a Service has no endpoints left: iptables/nftables REJECT it, ipvs has no real server.
    const colour = this.rules.some((r) => r.endpoints.length === 0) ? p.error : p.role.proxy;
    const w = this.words.width + 2 * padX;
    const h = Math.min(spot.rect.h - (spot.at === 'row' ? 2 * fs : 0), this.words.height + (spot.at === 'strip' ? 0 : 4) * fs);
    const x = spot.rect.x + spot.rect.w - w;
    const y = spot.rect.y + (spot.rect.h - h) / 2;
    this.box.roundRect(x, y, w, h, 5 * fs).fill({ color: p.card }).roundRect(x, y, w, h, 5 * fs).fill({ color: colour, alpha: 0.18 }).stroke({ width: 1.5 * fs, color: colour });
    this.glow.roundRect(x - 4 * fs, y - 4 * fs, w + 8 * fs, h + 8 * fs, 8 * fs).fill({ color: colour, alpha: 0.4 }).stroke({ width: 2 * fs, color: colour });
    this.words.position.set(x + padX, y + (h - this.words.height) / 2);
    this.drawnW = w;
    this.visible = true;
  }
}
