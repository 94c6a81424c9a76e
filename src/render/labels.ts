/**
 * A test hook: every visible text on the stage with its box in canvas CSS pixels and its effective
 * font size (style size x the stage's scale), so browser tests can check that labels do not
 * overlap, stay on the canvas and stay readable without reading pixels.
 */
import { Text, type Container } from './pixi-parts.ts';

export interface LabelBox {
  readonly text: string;
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
  /** Effective font size in CSS px. */
  readonly size: number;
  /** Alpha after every ancestor's alpha (dimmed components count as visible). */
  readonly alpha: number;
  /** The nearest labelled ancestor (a station id, "token", ...), for messages. */
  readonly owner: string;
  /** The font family list the text is drawn in, as CSS writes it ('"JetBrains Mono", "Noto Sans KR", monospace'). */
  readonly font: string;
  /** Its font weight ('400', '700'). */
  readonly weight: string;
}

/** A Pixi fontFamily (a string or a list of names) as one CSS family list. */
function familyList(family: string | string[]): string {
  return Array.isArray(family) ? family.map((f) => (/^[\w-]+$/.test(f) ? f : `"${f}"`)).join(', ') : family;
}

export function collectLabels(root: Container): LabelBox[] {
  const out: LabelBox[] = [];
  const walk = (c: Container, alpha: number, owner: string): void => {
    if (!c.visible || c.renderable === false) return;
    const a = alpha * c.alpha;
    if (a <= 0.02) return;
    const who = c.label !== '' && c.label !== undefined && c.label !== null ? c.label : owner;
    if (c instanceof Text) {
      if (c.text.trim() === '') return;
      const b = c.getBounds();
      const pad = typeof c.style.padding === 'number' ? c.style.padding : 0;
      const k = Math.hypot(c.worldTransform.a, c.worldTransform.b);
      const size = typeof c.style.fontSize === 'number' ? c.style.fontSize : Number.parseFloat(String(c.style.fontSize));
      // Bounds include the style's padding around the glyphs; report the text itself.
      out.push({ text: c.text, x: b.x + pad * k, y: b.y + pad * k, w: Math.max(0, b.width - 2 * pad * k), h: Math.max(0, b.height - 2 * pad * k), size: size * k, alpha: a, owner: who, font: familyList(c.style.fontFamily), weight: String(c.style.fontWeight) });
      return;
    }
    for (const child of c.children) walk(child, a, who);
  };
  walk(root, 1, '');
  return out;
}
