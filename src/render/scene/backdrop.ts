/**
 * Sky, calm sea and the quay: drawn once per layout or theme, never per frame. The sky is the
 * renderer's clear colour (index.ts: background: palette.sky), not a shape: a rectangle over the
 * whole canvas in the same colour drew nothing new and cost a full-canvas fill every frame (about
 * a tenth of a frame's GPU time for the 500-node scale view on SwiftShader).
 */
import { Container, Graphics, type Text } from '../pixi-parts.ts';
import type { Lang } from '../../model/localized.ts';
import type { StageLayout } from '../layout.ts';
import type { Palette } from '../theme.ts';
import { StationView } from './station.ts';
import { makeText, markSecondary, restyle } from './text.ts';
import { QUAY_NAME as QUAY } from './quay-words.ts';

export class BackdropView extends Container {
  private readonly sea = new Graphics();
  private readonly quayBody = new Graphics();
  private readonly quayText: Text;
  readonly user = new StationView({ id: 'kubectl', name: 'kubectl', role: 'user', icon: 'user' });
  private lang: Lang = 'en';

  constructor() {
    super();
    this.quayText = markSecondary(makeText({ size: 14, weight: '700', fill: 0xffffff }));
    this.addChild(this.sea, this.quayBody, this.quayText, this.user);
  }

  setLang(lang: Lang): void {
    this.lang = lang;
    this.user.setLang(lang);
    this.quayText.text = QUAY[lang].toUpperCase();
  }

  layout(l: StageLayout, p: Palette): void {
    const { s, fs } = l;
    this.sea.clear();
    this.sea.rect(0, l.horizon, l.width, l.height - l.horizon).fill({ color: p.sea });
    // A few calm swell lines.
    for (let y = l.horizon + 26 * s, i = 0; y < l.height; y += 38 * s, i++) {
      const off = (i % 2) * 60 * s;
      for (let x = -off; x < l.width; x += 180 * s) this.sea.moveTo(x, y).quadraticCurveTo(x + 30 * s, y - 5 * s, x + 60 * s, y);
    }
    this.sea.stroke({ width: 1.5 * s, color: p.seaLine, alpha: 0.9 });
    const q = l.quay;
    this.quayBody.clear();
    // The quay is as tall as the user's card and the quay's name above it.
    const card = l.stations.get('kubectl') ?? q;
    const top = l.portrait ? q.y : Math.max(q.y, card.y - 26 * fs);
    this.quayBody.roundRect(q.x, top, q.w, q.y + q.h - top, 10 * s).fill({ color: p.deck }).stroke({ width: p.edgeWidth, color: p.hullEdge });
    // Bollards on the quay edge.
    for (let x = q.x + 18 * s; x < q.x + q.w - 10 * s; x += 46 * s) this.quayBody.circle(x, top, 5 * s).fill({ color: p.hullEdge });
    restyle(this.quayText, { size: 14 * fs, weight: '700', fill: p.muted });
    this.quayText.text = QUAY[this.lang].toUpperCase();
    this.quayText.position.set(q.x + 10 * s, top + 6 * s);
    this.user.layout(l.stations.get('kubectl') ?? q, p, fs);
  }
}
