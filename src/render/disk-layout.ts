/**
 * Where the files of the control-plane node go in the flagship's hull (its hold): the ship's name
 * first, then the static pod manifest directory with its files, then the other paths (etcd data
 * directories, a snapshot), flowing over as many lines as the hull's width needs (a manifest
 * carried over lines up under the directory's files; the other paths then start a line). Pure; every path
 * the trace ever holds gets a fixed place, so a file appearing never moves the others.
 */
import type { Rect } from './layout.ts';

export const MANIFEST_DIR = '/etc/kubernetes/manifests';

export interface DiskItem {
  /** The path it draws (a directory label is its own item, `dir: true`). */
  readonly path: string;
  /** What the chip says: a manifest's file name, else the whole path. */
  readonly text: string;
  readonly dir: boolean;
  readonly rect: Rect;
}

export interface DiskPlan {
  readonly items: readonly DiskItem[];
  readonly lines: number;
  readonly lineH: number;
}

/** Monospace glyph width at 14 px (DejaVu Sans Mono, 0.602 em) with a margin. */
const MONO_W = 8.7;
const TEXT_PAD = 12;

export function diskItemWidth(text: string, fs: number): number {
  return (text.length * MONO_W + TEXT_PAD) * fs;
}

/** Manifests first (directory, then its files by name), then the rest in the order given. */
export function diskEntries(paths: readonly { path: string; dir: boolean }[]): { path: string; text: string; dir: boolean }[] {
  const inManifests = paths.filter((p) => p.path.startsWith(`${MANIFEST_DIR}/`)).sort((a, b) => (a.path < b.path ? -1 : 1));
  const others = paths.filter((p) => !p.path.startsWith(`${MANIFEST_DIR}/`) && p.path !== MANIFEST_DIR);
  const out: { path: string; text: string; dir: boolean }[] = [];
  if (inManifests.length > 0) {
    out.push({ path: MANIFEST_DIR, text: `${MANIFEST_DIR}/`, dir: true });
    for (const f of inManifests) out.push({ path: f.path, text: f.path.slice(MANIFEST_DIR.length + 1), dir: false });
  }
  for (const p of others) out.push({ path: p.path, text: p.dir ? `${p.path}/` : p.path, dir: p.dir });
  return out;
}

/** Flows the entries from (x + firstIndent, y) within width w; a new line starts at x. */
/**
 * How the lines are laid out, most readable first (the layout takes the first the hull has room
 * for): 'grouped', a manifest carried over lines up under its siblings and the other paths start
 * a line of their own; 'indented', the carried-over manifest lines up and the other paths follow
 * it after a wider gap; 'flow', every line starts at the left.
 */
export type DiskMode = 'grouped' | 'indented' | 'flow';
export const DISK_MODES: readonly DiskMode[] = ['grouped', 'indented', 'flow'];

export function planDisk(paths: readonly { path: string; dir: boolean }[], x: number, y: number, w: number, firstIndent: number, fs: number, mode: DiskMode = 'grouped'): DiskPlan {
  const lineH = 24 * fs;
  const h = 20 * fs;
  const gap = 6 * fs;
  const items: DiskItem[] = [];
  let cx = x + firstIndent;
  let line = 0;
  // Where the manifest directory's files start, and whether they ran onto another line: a file
  // carried over lines up under its siblings, and the next directory starts a line of its own
  // ("kube-scheduler.yaml /var/lib/etcd/" on one line read as a file of /var/lib/etcd, reviewer).
  let filesX: number | undefined;
  let wrapped = false;
  let othersStarted = false;
  for (const e of diskEntries(paths)) {
    const iw = Math.min(w, diskItemWidth(e.text, fs));
    const manifest = e.path === MANIFEST_DIR || e.path.startsWith(`${MANIFEST_DIR}/`);
    if (!manifest && !othersStarted) {
      othersStarted = true;
      if (wrapped && mode === 'grouped') {
        line++;
        cx = x;
      } else if (filesX !== undefined && mode !== 'flow') cx += 16 * fs; // a wider gap between the two directories' groups
    }
    if (cx > x && cx + iw > x + w) {
      line++;
      const under = manifest && mode !== 'flow' && filesX !== undefined && filesX + iw <= x + w ? filesX : x;
      cx = under;
      if (manifest) wrapped = true;
    }
    if (manifest && !e.dir && filesX === undefined) filesX = cx;
    items.push({ ...e, rect: { x: cx, y: y + line * lineH + (lineH - h) / 2, w: iw, h } });
    cx += iw + gap;
  }
  return { items, lines: line + 1, lineH };
}
