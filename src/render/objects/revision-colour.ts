/**
 * One colour per ReplicaSet, by the Deployment revision it was made as (a rollback's newer revision
 * keeps it), shared by the ReplicaSet's shelf card and its pods' stripe:
 * hues kept apart from the pod status colours (green Ready, blue creating, amber Pending, red Failed).
 */
import type { Palette } from '../theme.ts';

const PINK: Record<Palette['name'], number> = { dark: 0xf472b6, light: 0xbe185d, contrast: 0xf9a8d4 };
const ORANGE: Record<Palette['name'], number> = { dark: 0xfb923c, light: 0xc2410c, contrast: 0xfdba74 };

export function revisionColour(revision: number, p: Palette): number {
  const hues = [p.role.scheduler, PINK[p.name], p.role.etcd, ORANGE[p.name]];
  return hues[(Math.max(1, revision) - 1) % hues.length] ?? p.role.scheduler;
}
