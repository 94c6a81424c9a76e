/**
 * Bench-only page: raw PixiJS drawing what kubedeck's scale view draws at 500 nodes, without
 * kubedeck: `tiles` rounded-rect Graphics in a grid, `sprites` tinted Texture.WHITE sprites packed
 * into them (a pod is a body and a band there), `texts` static texts, and `tokens` shapes (a
 * shared GraphicsContext, like the stage's tokens) moving along straight lines, each crossing in
 * about a second. The counts come from the scene the app drew (`npm run bench`), so the frame
 * rates of the two pages can be compared in one run. The ticker renders every animation frame.
 * Query: renderer=canvas|webgl, sprites, tiles, texts, tokens, w, h (canvas CSS px).
 */
import { Application, Graphics, GraphicsContext, Sprite, Text, Texture } from 'pixi.js';

const q = new URLSearchParams(location.search);
const count = (name: string, fallback: number): number => Math.max(0, Math.floor(Number(q.get(name) ?? fallback)) || 0);
const SPRITES = count('sprites', 30_000);
const TILES = Math.max(1, count('tiles', 500));
const TEXTS = count('texts', 30);
const TOKENS = count('tokens', 10);
const W = count('w', 1280);
const H = count('h', 720);
const TINTS = [0x3fb950, 0xf0b429, 0x5b9bff, 0xf85149, 0x8b949e];

const host = document.getElementById('stage');
if (host) {
  host.style.width = `${W}px`;
  host.style.height = `${H}px`;
  const app = new Application();
  const renderer = q.get('renderer') === 'canvas' ? 'canvas' : 'webgl';
  await app.init({ width: W, height: H, background: 0x0a1424, antialias: true, preference: renderer, resolution: 1 });
  host.append(app.canvas);

  // Tiles fill the lower two thirds in a near-square grid, sprites a grid inside each tile.
  const area = { x: 20, y: H / 3, w: W - 40, h: (H * 2) / 3 - 20 };
  const cols = Math.ceil(Math.sqrt((TILES * area.w) / area.h));
  const rows = Math.ceil(TILES / cols);
  const tw = area.w / cols;
  const th = area.h / rows;
  const perTile = Math.ceil(SPRITES / TILES);
  const inner = Math.ceil(Math.sqrt(perTile));
  const pitch = Math.max(1, (Math.min(tw, th) - 6) / inner);
  let placed = 0;
  for (let i = 0; i < TILES; i++) {
    const x = area.x + (i % cols) * tw;
    const y = area.y + Math.floor(i / cols) * th;
    app.stage.addChild(new Graphics().roundRect(x + 1, y + 1, tw - 2, th - 2, 3).fill(0x16284a).stroke({ color: 0x3fb950, width: 1 }));
    for (let k = 0; k < perTile && placed < SPRITES; k++, placed++) {
      const s = new Sprite(Texture.WHITE);
      s.position.set(x + 3 + (k % inner) * pitch, y + 3 + Math.floor(k / inner) * pitch);
      s.width = s.height = Math.max(1, pitch * 0.8);
      s.tint = TINTS[placed % TINTS.length] ?? 0xffffff;
      app.stage.addChild(s);
    }
  }
  for (let i = 0; i < TEXTS; i++) {
    app.stage.addChild(new Text({ text: `zone-${i} · 167 nodes`, style: { fill: 0xe8eef8, fontSize: 14 }, x: 20 + (i % 6) * 200, y: 20 + Math.floor(i / 6) * 22 }));
  }
  const shape = new GraphicsContext().circle(0, 0, 9).fill(0xffffff).circle(0, 0, 9).stroke({ width: 2, color: 0x000000, alpha: 0.25 });
  const tokens = Array.from({ length: TOKENS }, (_, i) => {
    const g = new Graphics(shape);
    g.tint = TINTS[i % TINTS.length] ?? 0xffffff;
    app.stage.addChild(g);
    const from = { x: W / 2, y: 60 };
    const to = { x: 40 + ((i * 97) % (W - 80)), y: area.y + ((i * 53) % area.h) };
    return { g, from, to, phase: i / Math.max(1, TOKENS) };
  });
  app.ticker.add(() => {
    const t = performance.now() / 1000;
    for (const k of tokens) {
      const u = (t + k.phase) % 1;
      k.g.position.set(k.from.x + (k.to.x - k.from.x) * u, k.from.y + (k.to.y - k.from.y) * u);
    }
  });
  requestAnimationFrame(() => {
    window.__firstFrame = performance.now();
  });
}
