/**
 * The legend's contents: one section per kind of mark (token shapes and colours, pod looks, glow,
 * dimming, the numbered trail; in a big cluster, the node tiles and the scheduler's verdicts),
 * each entry with a small SVG sample drawn with the stage's own palette; all text goes in through
 * textContent. Loaded when the legend first opens (legend.ts): no first frame needs it.
 */
import type { Lang } from '../model/localized.ts';
import { PALETTES, type Palette, type ThemeName } from '../render/theme.ts';
import { el } from './dom.ts';
import { t } from './i18n.ts';
import { lookColour, readinessColour } from '../render/look-colours.ts';
import { MARK_ENTRIES, POD_ENTRIES, TILE_ENTRIES, TOKEN_ENTRIES, type LegendEntry, type MarkSample, type PodSample, type TileSample, type TokenSample } from './legend-entries.ts';

const NS = 'http://www.w3.org/2000/svg';
const hex = (c: number): string => `#${c.toString(16).padStart(6, '0')}`;

function svg(children: readonly SVGElement[]): SVGSVGElement {
  const s = document.createElementNS(NS, 'svg');
  s.setAttribute('viewBox', '0 0 48 28');
  s.setAttribute('width', '48');
  s.setAttribute('height', '28');
  s.setAttribute('aria-hidden', 'true');
  s.setAttribute('class', 'legend__sample');
  for (const c of children) s.appendChild(c);
  return s;
}

function shape(tag: string, attrs: Readonly<Record<string, string | number>>): SVGElement {
  const n = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs)) n.setAttribute(k, String(v));
  return n;
}

/** Token samples: the same shapes as src/render/tokens.ts (request r9, response r6, watch ring r10, signal diamond, write square). */
function tokenSample(key: TokenSample, p: Palette): SVGSVGElement {
  const c = hex(p.role.control);
  switch (key) {
    case 'request':
      return svg([shape('circle', { cx: 24, cy: 14, r: 9, fill: c })]);
    case 'response':
      return svg([shape('path', { d: 'M40 14 H12', stroke: c, 'stroke-opacity': 0.35, 'stroke-width': 2, fill: 'none' }), shape('circle', { cx: 16, cy: 14, r: 6, fill: c })]);
    case 'watch':
      return svg([shape('circle', { cx: 24, cy: 14, r: 9, fill: 'none', stroke: c, 'stroke-width': 4 }), shape('circle', { cx: 24, cy: 14, r: 3, fill: c })]);
    case 'signal':
      return svg([shape('polygon', { points: '24,5 33,14 24,23 15,14', fill: hex(p.role.etcd) })]);
    case 'write':
      return svg([shape('rect', { x: 14, y: 4, width: 20, height: 20, rx: 4, fill: hex(p.role.etcd) }), shape('rect', { x: 19, y: 9, width: 10, height: 10, rx: 2, fill: '#000', 'fill-opacity': 0.35 })]);
    case 'error':
      return svg([shape('circle', { cx: 24, cy: 14, r: 6, fill: hex(p.error) })]);
    case 'background':
      return svg([shape('circle', { cx: 24, cy: 14, r: 7, fill: hex(p.role.kubelet), 'fill-opacity': 0.5 })]);
  }
}

/** Pod samples: the container box of src/render/pods.ts (tinted fill, outline, rib on the left). */
function podSample(key: PodSample, p: Palette): SVGSVGElement {
  // An unlisted static pod is drawn as a Ready one with a dashed outline.
  const look = key === 'Unlisted' ? 'Ready' : key;
  const c = hex(lookColour(look, p));
  const faint = key === 'Terminating' || key === 'Unknown';
  const dashed = key === 'Unknown' || key === 'Unlisted';
  const parts: SVGElement[] = [
    shape('rect', { x: 4, y: 4, width: 40, height: 20, rx: 4, fill: hex(p.card) }),
    shape('rect', { x: 4, y: 4, width: 40, height: 20, rx: 4, fill: c, 'fill-opacity': faint ? 0.1 : 0.2, stroke: c, 'stroke-width': 2, ...(dashed ? { 'stroke-dasharray': '5 3' } : {}) }),
    shape('rect', { x: 4, y: 4, width: 5, height: 20, fill: c, 'fill-opacity': key === 'Terminating' ? 0.5 : 1 }),
  ];
  if (look === 'Ready') parts.push(shape('path', { d: 'M30 14 l4 4 l7 -8', stroke: c, 'stroke-width': 3, fill: 'none', 'stroke-linecap': 'round', 'stroke-linejoin': 'round' }));
  if (key === 'ContainerCreating') parts[1]?.setAttribute('class', 'legend__pulse');
  return svg(parts);
}

function markSample(key: MarkSample, p: Palette): SVGSVGElement {
  const card = (opacity: number, glow: boolean): SVGElement[] => [
    ...(glow ? [shape('rect', { x: 6, y: 3, width: 36, height: 22, rx: 6, fill: hex(p.role.control), 'fill-opacity': 0.35 })] : []),
    shape('rect', { x: 9, y: 6, width: 30, height: 16, rx: 4, fill: hex(p.card), stroke: hex(p.role.control), 'stroke-width': 2, opacity }),
  ];
  switch (key) {
    case 'quay':
      // The quay's deck with its bollards, as the stage draws it (backdrop.ts).
      return svg([
        shape('rect', { x: 4, y: 8, width: 40, height: 16, rx: 4, fill: hex(p.deck), stroke: hex(p.hullEdge), 'stroke-width': 1.5 }),
        ...[12, 24, 36].map((cx) => shape('circle', { cx, cy: 8, r: 3, fill: hex(p.hullEdge) })),
      ]);
    case 'glow':
      return svg(card(1, true));
    case 'dimmed':
      // The faded card and its name in the muted colour (dim-look.ts).
      return svg([...card(p.dim, false), shape('rect', { x: 14, y: 12, width: 20, height: 4, rx: 2, fill: hex(p.muted) })]);
    case 'click': {
      // A pod box and the pointer that clicks it.
      const c = hex(p.success);
      return svg([
        shape('rect', { x: 4, y: 5, width: 30, height: 16, rx: 3, fill: hex(p.card), stroke: c, 'stroke-width': 2 }),
        shape('rect', { x: 4, y: 5, width: 4, height: 16, fill: c }),
        shape('path', { d: 'M26 11 L26 27 L30 23 L33 28 L36 27 L33 22 L38 21 Z', fill: hex(p.text), stroke: hex(p.card), 'stroke-width': 1.2, 'stroke-linejoin': 'round' }),
      ]);
    }
    case 'trail': {
      const c = hex(p.role.control);
      return svg([
        shape('path', { d: 'M2 22 Q24 0 46 22', stroke: c, 'stroke-opacity': 0.45, 'stroke-width': 2.5, fill: 'none' }),
        shape('circle', { cx: 24, cy: 11, r: 9, fill: c, stroke: hex(p.pillBg), 'stroke-width': 2 }),
        Object.assign(shape('text', { x: 24, y: 15.5, 'text-anchor': 'middle', 'font-size': 12, 'font-weight': 700, fill: hex(p.onRole) }), { textContent: '1' }),
      ]);
    }
  }
}

/**
 * Node tile samples: the card of src/render/scale/tile-view.ts at legend size (state-washed card,
 * edge, dashed when Unknown, pod dots, capacity bar, the taint corner's wedge or slash), and a
 * flow token with its count.
 */
function tileSample(key: TileSample, p: Palette): SVGSVGElement {
  if (key === 'flow') {
    const c = hex(p.role.kubelet);
    return svg([
      shape('circle', { cx: 9, cy: 14, r: 6, fill: c }),
      Object.assign(shape('text', { x: 18, y: 18, 'font-size': 11, 'font-weight': 700, fill: hex(p.text) }), { textContent: '×15' }),
    ]);
  }
  if (key === 'filter') {
    // Three tiles as src/render/scale/verdict-marks.ts marks them: passed, rejected, never looked at.
    const tile = (x: number): SVGElement => shape('rect', { x, y: 6, width: 13, height: 16, rx: 2, fill: hex(p.card), stroke: hex(readinessColour('Ready', p)), 'stroke-width': 1 });
    const violet = hex(p.role.scheduler);
    return svg([
      tile(1),
      shape('rect', { x: -0.5, y: 4.5, width: 16, height: 19, fill: 'none', stroke: violet, 'stroke-width': 1.5 }),
      tile(17.5),
      shape('circle', { cx: 24, cy: 14, r: 5.5, fill: hex(p.card), 'fill-opacity': 0.85 }),
      shape('path', { d: 'M20.5 10.5 L27.5 17.5 M27.5 10.5 L20.5 17.5', stroke: hex(p.error), 'stroke-width': 2.2, 'stroke-linecap': 'round' }),
      tile(34),
      shape('rect', { x: 34, y: 6, width: 13, height: 16, rx: 2, fill: hex(p.sky), 'fill-opacity': 0.6 }),
    ]);
  }
  const readiness = key === 'notReady' ? 'NotReady' : key === 'unknown' || key === 'terminating' ? 'Unknown' : 'Ready';
  const edge = hex(readinessColour(readiness, p));
  const dark = readiness === 'Unknown';
  const parts: SVGElement[] = [
    shape('rect', { x: 10, y: 2, width: 28, height: 24, rx: 3, fill: hex(dark ? p.sky : p.card) }),
    shape('rect', { x: 10, y: 2, width: 28, height: 24, rx: 3, fill: edge, 'fill-opacity': dark ? 0.16 : readiness === 'NotReady' ? 0.22 : 0.1, stroke: edge, 'stroke-width': 1.5, ...(dark ? { 'stroke-dasharray': '4 3' } : {}) }),
  ];
  // Six pods: Ready green (amber on a silent node: Running, no longer Ready), one Pending.
  const pod = hex(lookColour(dark ? 'Running' : 'Ready', p));
  if (key !== 'terminating') for (let i = 0; i < 6; i++) parts.push(shape('rect', { x: 13 + (i % 3) * 6, y: 5 + Math.floor(i / 3) * 6, width: 4.5, height: 4.5, fill: i === 5 && !dark ? hex(lookColour('Pending', p)) : pod }));
  parts.push(shape('rect', { x: 13, y: 20.5, width: 22, height: 2.5, fill: hex(p.seaLine) }), shape('rect', { x: 13, y: 20.5, width: 8, height: 2.5, fill: edge }));
  if (key === 'kubeletDown' || key === 'terminating') parts.push(shape('rect', { x: 11.5, y: 3.5, width: 25, height: 21, rx: 2, fill: hex(p.lightsOut.color), 'fill-opacity': p.lightsOut.alpha }));
  // Over the lights-out, as on the stage: the pods evicted from a dark node, hollow.
  if (key === 'terminating') {
    for (let i = 0; i < 6; i++) parts.push(shape('rect', { x: 13.6 + (i % 3) * 6, y: 5.6 + Math.floor(i / 3) * 6, width: 3.4, height: 3.4, fill: 'none', stroke: hex(p.ghost), 'stroke-width': 1.1 }));
  }
  // The corner at its stage share (tile-marks.ts: two fifths of the shorter side).
  if (key === 'noExecute') parts.push(shape('polygon', { points: '28,2 38,2 38,12', fill: hex(p.error) }));
  if (key === 'noSchedule') {
    parts.push(shape('path', { d: 'M28 2 L38 12', stroke: hex(p.warning), 'stroke-width': 2, 'stroke-linecap': 'round' }));
  }
  return svg(parts);
}

/** The legend's sections in `lang` and `theme`; the tiles' first when the stage draws a big cluster (`scale`). */
export function legendSections(lang: Lang, theme: ThemeName, scale: boolean): HTMLElement[] {
  const p = PALETTES[theme];
  const section = <K extends string>(heading: string, entries: readonly LegendEntry<K>[], sample: (k: K, p: Palette) => SVGSVGElement, kind: string): HTMLElement =>
    el(
      'div',
      { class: 'legend__section' },
      el('h3', { class: 'legend__heading', text: heading }),
      el('ul', { class: 'legend__list' }, ...entries.map((e) => el('li', { class: 'legend__item', [`data-${kind}`]: e.key }, sample(e.key, p), el('span', { text: e.text[lang] })))),
    );
  return [
    // A big cluster's picture is mostly tiles: their entries first, where the legend opens.
    ...(scale ? [section(t(lang, 'legendTiles'), TILE_ENTRIES, tileSample, 'tile')] : []),
    section(t(lang, 'legendTokens'), TOKEN_ENTRIES, tokenSample, 'token'),
    section(t(lang, 'legendPods'), POD_ENTRIES, podSample, 'pod'),
    section(t(lang, 'legendMarks'), MARK_ENTRIES, markSample, 'mark'),
  ];
}
