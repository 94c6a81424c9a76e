/**
 * Kubernetes community icons (assets/icons, CC-BY-4.0, see its README), recoloured per role at
 * load time and rasterised once into shared textures.
 */
import { CanvasSource, Rectangle, Texture } from './pixi-parts.ts';
import { atlasOf } from './icon-atlas.ts';
import api from '../../assets/icons/api.svg?raw';
import sched from '../../assets/icons/sched.svg?raw';
import cm from '../../assets/icons/c-m.svg?raw';
import kubelet from '../../assets/icons/kubelet.svg?raw';
import kproxy from '../../assets/icons/k-proxy.svg?raw';
import etcd from '../../assets/icons/etcd.svg?raw';
import user from '../../assets/icons/user.svg?raw';
import node from '../../assets/icons/node.svg?raw';
import controlPlane from '../../assets/icons/control-plane.svg?raw';
import pod from '../../assets/icons/pod.svg?raw';

export type IconName = 'api' | 'sched' | 'cm' | 'kubelet' | 'kproxy' | 'etcd' | 'user' | 'node' | 'control-plane' | 'pod' | 'runtime';

/**
 * The icons' SVG text, in the JS bundle (~10 KB gzip for all ten): fetched as files they were eight
 * more requests before the first frame, each waiting for one of six HTTP/1.1 connections.
 */
const SOURCES: Readonly<Record<Exclude<IconName, 'runtime'>, string>> = {
  api,
  sched,
  cm,
  kubelet,
  kproxy,
  etcd,
  user,
  node,
  'control-plane': controlPlane,
  pod,
};

const hex = (c: number): string => `#${c.toString(16).padStart(6, '0')}`;
const cache = new Map<string, Texture>();
const RASTER = 160;

/** The atlas image drawn into a canvas (one SVG document for all its icons: icon-atlas.ts). */
async function rasterise(svg: string, width: number, height: number): Promise<HTMLCanvasElement> {
  const img = new Image();
  // A data: URL, not a blob: one: making and revoking a blob URL is a synchronous round trip to
  // the browser process each, on the main thread while the first frame waits.
  img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
  await img.decode();
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  canvas.getContext('2d')?.drawImage(img, 0, 0, width, height);
  return canvas;
}

/** The container runtime has no community icon: a crane drawn as SVG in the same heptagon style. */
function runtimeSvg(fill: string): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100" width="100" height="100">
<path d="M50 4 L88 22 L97 63 L71 96 L29 96 L3 63 L12 22 Z" fill="${fill}" stroke="#fff" stroke-width="3"/>
<g fill="none" stroke="#fff" stroke-width="6" stroke-linecap="round" stroke-linejoin="round">
<path d="M34 80 L34 28 L72 28"/><path d="M34 40 L46 28"/><path d="M66 28 L66 44"/></g>
<rect x="58" y="46" width="16" height="14" rx="2" fill="#fff"/><rect x="24" y="78" width="22" height="6" rx="2" fill="#fff"/>
</svg>`;
}

/** The icon's SVG in `colour`. */
function svgFor(name: IconName, colour: number): string {
  return name === 'runtime' ? runtimeSvg(hex(colour)) : SOURCES[name].replaceAll('#326ce5', hex(colour));
}

/** Textures for these icons ("name|colour" keys), cut from one rasterised atlas. */
async function textures(keys: readonly string[]): Promise<Texture[]> {
  const atlas = atlasOf(
    keys.map((key) => {
      const [name, colour] = key.split('|') as [IconName, string];
      return svgFor(name, Number(colour));
    }),
    RASTER,
  );
  const source = new CanvasSource({ resource: await rasterise(atlas.svg, atlas.width, atlas.height) });
  return atlas.cells.map((c) => new Texture({ source, frame: new Rectangle(c.x, c.y, c.w, c.h) }));
}

/** Icons being rasterised: a second ask (the stage after prepareStage) waits for the same work. */
const pending = new Map<string, Promise<Texture>>();
/** Icons asked for in this task, rasterised together when it ends (prepareStage asks for nine at once). */
let batch: { readonly key: string; readonly settle: (made: Promise<Texture>) => void }[] = [];

function flush(): void {
  const asked = batch;
  batch = [];
  const made = textures(asked.map((a) => a.key));
  asked.forEach(({ key, settle }, i) =>
    settle(
      made.then((list) => {
        const tex = list[i];
        if (tex === undefined) throw new Error(`no texture for icon ${key}`);
        cache.set(key, tex);
        return tex;
      }),
    ),
  );
}

export function iconTexture(name: IconName, colour: number): Promise<Texture> {
  const key = `${name}|${colour}`;
  const hit = cache.get(key);
  if (hit) return Promise.resolve(hit);
  let making = pending.get(key);
  if (making === undefined) {
    if (batch.length === 0) queueMicrotask(flush);
    making = new Promise<Texture>((settle) => batch.push({ key, settle })).finally(() => pending.delete(key));
    pending.set(key, making);
  }
  return making;
}

/**
 * Rasterise every icon loaded so far into new textures (the next lookups get them). After a WebGL
 * context loss the old ones drew as black squares: the restored context gets textures made anew.
 * The old ones are left to the garbage collector, since a sprite may still hold one until its
 * station is laid out again.
 */
export async function rebuildIcons(): Promise<void> {
  const loaded = [...cache.keys()];
  if (loaded.length === 0) return;
  const fresh = await textures(loaded);
  loaded.forEach((key, i) => {
    const tex = fresh[i];
    if (tex !== undefined) cache.set(key, tex);
  });
}

/** Synchronous lookup of an already loaded icon (undefined until `iconTexture` resolved). */
export function loadedIcon(name: IconName, colour: number): Texture | undefined {
  return cache.get(`${name}|${colour}`);
}
