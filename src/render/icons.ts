/**
 * Kubernetes community icons (assets/icons, CC-BY-4.0, see its README), recoloured per role at
 * load time and rasterised once into shared textures.
 */
import { Texture } from './pixi-parts.ts';
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

/**
 * A data: URL, not a blob: one: making and revoking a blob URL is a synchronous round trip to the
 * browser process each, on the main thread while the first frame waits (nine icons).
 */
async function rasterise(svg: string): Promise<HTMLCanvasElement> {
  const img = new Image();
  img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
  await img.decode();
  const canvas = document.createElement('canvas');
  const k = RASTER / Math.max(img.naturalWidth, img.naturalHeight);
  canvas.width = Math.round(img.naturalWidth * k);
  canvas.height = Math.round(img.naturalHeight * k);
  canvas.getContext('2d')?.drawImage(img, 0, 0, canvas.width, canvas.height);
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

/** Icons being rasterised: a second ask (the stage after prepareStage) waits for the same work. */
const pending = new Map<string, Promise<Texture>>();

export function iconTexture(name: IconName, colour: number): Promise<Texture> {
  const key = `${name}|${colour}`;
  const hit = cache.get(key);
  if (hit) return Promise.resolve(hit);
  let making = pending.get(key);
  if (making === undefined) {
    making = rasterise(svgFor(name, colour))
      .then((canvas) => {
        const tex = Texture.from(canvas);
        cache.set(key, tex);
        return tex;
      })
      .finally(() => pending.delete(key));
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
  const fresh = await Promise.all(
    loaded.map(async (key) => {
      const [name, colour] = key.split('|') as [IconName, string];
      return [key, Texture.from(await rasterise(svgFor(name, Number(colour))))] as const;
    }),
  );
  for (const [key, tex] of fresh) cache.set(key, tex);
}

/** Synchronous lookup of an already loaded icon (undefined until `iconTexture` resolved). */
export function loadedIcon(name: IconName, colour: number): Texture | undefined {
  return cache.get(`${name}|${colour}`);
}
