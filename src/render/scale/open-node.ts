/**
 * The way back from a node opened to its full ship: a button at the top left of the ships' area
 * ("← All nodes"); Esc does the same (the stage's keys).
 */
import { Container, Graphics, Rectangle, type Text } from '../pixi-parts.ts';
import type { Lang } from '../../model/localized.ts';
import type { Rect } from '../layout.ts';
import type { Palette } from '../theme.ts';
import { makeText, restyle } from '../scene/text.ts';
import { scaleWords } from './words.ts';

export class BackButton extends Container {
  private readonly pill = new Graphics();
  private readonly text: Text;
  /** Its box on the stage (token labels keep off it). */
  box: Rect = { x: 0, y: 0, w: 0, h: 0 };
  onPress: (() => void) | undefined;

  constructor() {
    super();
    this.label = 'scale-back';
    this.text = makeText({ size: 14, weight: '700', fill: 0xffffff });
    this.addChild(this.pill, this.text);
    this.eventMode = 'static';
    this.cursor = 'pointer';
    this.on('pointertap', (e) => {
      e.stopPropagation();
      this.onPress?.();
    });
  }

  layout(area: Rect, p: Palette, fs: number, lang: Lang): void {
    restyle(this.text, { size: 14 * fs, weight: '700', fill: p.text });
    this.text.text = scaleWords.back(lang);
    const padX = 10 * fs;
    const padY = 4 * fs;
    const w = this.text.width + 2 * padX;
    const h = this.text.height + 2 * padY;
    this.position.set(area.x, area.y);
    this.pill.clear().roundRect(0, 0, w, h, h / 2).fill({ color: p.card }).stroke({ width: 2 * fs, color: p.role.control });
    this.text.position.set(padX, padY);
    this.hitArea = new Rectangle(0, 0, w, h);
    this.box = { x: area.x, y: area.y, w, h };
  }
}
