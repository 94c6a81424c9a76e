/**
 * Colour contrast computed from the stage palettes (WCAG 2.x relative luminance), in every theme:
 * route lines and message tokens keep 3:1 non-text contrast against what they cross (sky, sea,
 * hulls), and text keeps 4.5:1 on its surfaces. A palette edit that makes lines fade into a pale
 * sky fails here, not in a projector room.
 */
import { describe, expect, it } from 'vitest';
import { contrastRatio, PALETTES, THEMES, type Palette } from '../../src/render/theme.ts';
import { dimLook } from '../../src/render/dim-look.ts';

/** fg drawn at alpha over bg, per channel (what the eye sees of a translucent line). */
function over(fg: number, bg: number, alpha: number): number {
  let out = 0;
  for (const shift of [16, 8, 0]) {
    const f = (fg >> shift) & 255;
    const b = (bg >> shift) & 255;
    out |= Math.round(f * alpha + b * (1 - alpha)) << shift;
  }
  return out;
}

const hex = (c: number): string => `#${c.toString(16).padStart(6, '0')}`;

/** The colours a token or its route takes: its sender's role, an error reply. */
const messageColours = (p: Palette): [string, number][] => [...Object.entries(p.role), ['error', p.error]];
/** What a route or token crosses on its way between stations. */
const grounds = (p: Palette): [string, number][] => [
  ['sky', p.sky],
  ['sea', p.sea],
  ['hull', p.hull],
];

describe.each(THEMES)('%s theme contrast', (theme) => {
  const p = PALETTES[theme];

  it('route lines keep 3:1 against the sky, the sea and hulls', () => {
    const weak: string[] = [];
    for (const [name, colour] of messageColours(p))
      for (const [ground, bg] of grounds(p)) {
        const r = contrastRatio(over(colour, bg, p.route.alpha), bg);
        if (r < 3) weak.push(`${name} line ${hex(colour)} at ${p.route.alpha} on ${ground} ${hex(bg)}: ${r.toFixed(2)}`);
      }
    expect(weak).toEqual([]);
    expect(p.route.width).toBeGreaterThanOrEqual(2);
  });

  it('a Terminating pod\'s hollow outline keeps 3:1 on a tile: a node without power (lights out) and a Ready one', () => {
    // The cards as src/render/scale/tile-view.ts washes them: Unknown on the sky, Ready on a card.
    const unknown = over(p.neutral, p.sky, 0.16);
    const grounds: [string, number][] = [
      ['dark node', over(p.lightsOut.color, unknown, p.lightsOut.alpha)],
      ['Unknown node', unknown],
      ['Ready node', over(p.success, p.card, 0.1)],
    ];
    const weak = grounds.flatMap(([name, bg]) => (contrastRatio(p.ghost, bg) < 3 ? [`${name} ${hex(bg)}: ${contrastRatio(p.ghost, bg).toFixed(2)}`] : []));
    expect(weak).toEqual([]);
  });

  it('tokens keep 3:1 against the sky, the sea and hulls', () => {
    const weak: string[] = [];
    for (const [name, colour] of messageColours(p))
      for (const [ground, bg] of grounds(p)) {
        const r = contrastRatio(colour, bg);
        if (r < 3) weak.push(`${name} token ${hex(colour)} on ${ground} ${hex(bg)}: ${r.toFixed(2)}`);
      }
    expect(weak).toEqual([]);
  });

  it('text keeps 4.5:1 on its surfaces', () => {
    const weak: string[] = [];
    const check = (what: string, fg: number, bg: number): void => {
      const r = contrastRatio(fg, bg);
      if (r < 4.5) weak.push(`${what} ${hex(fg)} on ${hex(bg)}: ${r.toFixed(2)}`);
    };
    for (const [ground, bg] of [...grounds(p), ['card', p.card], ['deck', p.deck], ['pill', p.pillBg]] as [string, number][]) {
      check(`text on ${ground}`, p.text, bg);
      check(`muted on ${ground}`, p.muted, bg);
    }
    // A station names its activity in its role's colour on its card.
    for (const [name, colour] of Object.entries(p.role)) check(`${name} activity on card`, colour, p.card);
    expect(weak).toEqual([]);
  });

  it('a dimmed station (outside the step) keeps its name at 4.5:1 on its faded card', () => {
    const look = dimLook(p, true);
    const weak: string[] = [];
    // The card is faded over whatever it stands on: the flagship's hull, the quay's deck, a ship.
    for (const [ground, bg] of [...grounds(p), ['deck', p.deck]] as [string, number][]) {
      const card = over(p.card, bg, look.cardAlpha);
      const name = look.nameFill;
      const r = contrastRatio(name, card);
      if (r < 4.5) weak.push(`dimmed name ${hex(name)} on faded card over ${ground} ${hex(card)}: ${r.toFixed(2)}`);
    }
    expect(weak).toEqual([]);
  });

  it('a dimmed station still reads as dimmed: a faded card and a name lighter than an active one', () => {
    const dim = dimLook(p, true);
    const active = dimLook(p, false);
    expect(dim.cardAlpha).toBeLessThan(active.cardAlpha);
    expect(contrastRatio(dim.nameFill, p.card)).toBeLessThan(contrastRatio(active.nameFill, p.card));
    expect(dim.nameWeight).not.toBe(active.nameWeight);
  });
});

describe('the contrast maths', () => {
  it('is WCAG 2.x: black on white is 21:1, a colour on itself 1:1', () => {
    expect(contrastRatio(0x000000, 0xffffff)).toBeCloseTo(21, 5);
    expect(contrastRatio(0x777777, 0x777777)).toBeCloseTo(1, 5);
  });

  it('a faint line fails: the old 35 % light-theme route on its sky', () => {
    const light = PALETTES.light;
    expect(contrastRatio(over(light.role.control, light.sky, 0.35), light.sky)).toBeLessThan(3);
  });
});
