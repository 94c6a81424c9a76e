/**
 * Many icons as one SVG document: each icon's own <svg> nested at its cell of a grid. The browser
 * makes a whole document for every SVG image it decodes (parse, style, layout, paint: ~3-4 ms each
 * here), so nine icons rasterised one by one cost ~30 ms of the first frame; in one atlas, one
 * document. Pure string and number work: icons.ts rasterises the result and cuts the textures.
 */

/** One icon's place in the atlas, in px. */
export interface AtlasCell {
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}

export interface Atlas {
  readonly width: number;
  readonly height: number;
  readonly cells: readonly AtlasCell[];
  /** The atlas as one SVG document. */
  readonly svg: string;
}

/** Space around each cell: a texture's linear sampling at its frame's edge reads no neighbour. */
export const ATLAS_GAP = 2;
/** Cells per row (nine stage icons: a 3 x 3 square). */
const COLUMNS = 3;

const ROOT_TAG = /<svg\b[^>]*>/;

/** The width and height an SVG's root viewBox gives (its aspect), or undefined without one. */
export function viewBoxSize(svg: string): { readonly w: number; readonly h: number } | undefined {
  const root = ROOT_TAG.exec(svg)?.[0] ?? '';
  const box = /\sviewBox="\s*[-\d.e]+[\s,]+[-\d.e]+[\s,]+([\d.e]+)[\s,]+([\d.e]+)\s*"/.exec(root);
  const w = Number(box?.[1]);
  const h = Number(box?.[2]);
  return w > 0 && h > 0 ? { w, h } : undefined;
}

/** The icon's pixel size with its longer side `longest` px (a square without a viewBox). */
export function cellSize(svg: string, longest: number): { readonly w: number; readonly h: number } {
  const box = viewBoxSize(svg) ?? { w: 1, h: 1 };
  const k = longest / Math.max(box.w, box.h);
  return { w: Math.round(box.w * k), h: Math.round(box.h * k) };
}

/**
 * The icon's root <svg> placed at `cell`: its own size, position and namespace declarations (its
 * inkscape: attributes need them) kept, its width, height, x and y replaced; the XML declaration,
 * which may only open a document, dropped.
 */
function nested(svg: string, cell: AtlasCell): string {
  const body = svg.replace(/<\?xml[^?]*\?>/, '');
  return body.replace(ROOT_TAG, (tag) => {
    const kept = tag.replace(/\s(?:width|height|x|y)="[^"]*"/g, '');
    return `${kept.slice(0, -1)} x="${cell.x}" y="${cell.y}" width="${cell.w}" height="${cell.h}">`;
  });
}

/** The icons (SVG texts) in one atlas, each with its longer side `longest` px. */
export function atlasOf(svgs: readonly string[], longest: number): Atlas {
  const sizes = svgs.map((svg) => cellSize(svg, longest));
  const cells: AtlasCell[] = [];
  let x = ATLAS_GAP;
  let y = ATLAS_GAP;
  let rowHeight = 0;
  let width = 0;
  sizes.forEach((size, i) => {
    if (i > 0 && i % COLUMNS === 0) {
      x = ATLAS_GAP;
      y += rowHeight + ATLAS_GAP;
      rowHeight = 0;
    }
    cells.push({ x, y, w: size.w, h: size.h });
    x += size.w + ATLAS_GAP;
    width = Math.max(width, x);
    rowHeight = Math.max(rowHeight, size.h);
  });
  const height = y + rowHeight + ATLAS_GAP;
  const inner = svgs.map((svg, i) => nested(svg, cells[i] ?? { x: 0, y: 0, w: 0, h: 0 })).join('\n');
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">\n${inner}\n</svg>`;
  return { width, height, cells, svg };
}
