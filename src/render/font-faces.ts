/**
 * Which face draws each code point: of faces in the browser's order of preference (for one font,
 * the last declared first), the first whose unicode-range holds it. Pure.
 *
 * By range, not by code point: Noto Sans KR has ~120 subsets of ~100 ranges each, and asking each
 * of the app's few hundred characters of each face in turn took ~50-90 ms of the main thread per
 * page load (four fonts), while the first frame waited.
 */
import { firstAtOrAbove } from '../model/bisect.ts';

export type CodePointRange = readonly [number, number];

/** Sets `into` for each code point of `cps` not in it yet: its face, or null when none holds it. */
export function assignFaces<F>(faces: readonly F[], rangesOf: (face: F) => readonly CodePointRange[], cps: Iterable<number>, into: Map<number, F | null>): void {
  const todo = [...new Set(cps)].filter((cp) => !into.has(cp)).sort((a, b) => a - b);
  if (todo.length === 0) return;
  for (const face of faces) {
    for (const [lo, hi] of rangesOf(face)) {
      for (let i = firstAtOrAbove(todo, lo); i < todo.length && (todo[i] ?? Infinity) <= hi; i++) {
        const cp = todo[i] ?? 0;
        if (!into.has(cp)) into.set(cp, face);
      }
    }
  }
  for (const cp of todo) if (!into.has(cp)) into.set(cp, null);
}
