/**
 * Which face draws each code point: of faces in the browser's order of preference (for one font,
 * the last declared first), the first whose unicode-range holds it. Pure.
 *
 * By range, not by code point: Noto Sans KR has ~120 subsets of ~100 ranges each, and asking each
 * of the app's few hundred characters of each face in turn took ~50-90 ms of the main thread per
 * page load (four fonts), while the first frame waited.
 */
export type CodePointRange = readonly [number, number];

/** Sets `into` for each code point of `cps` not in it yet: its face, or null when none holds it. */
export function assignFaces<F>(faces: readonly F[], rangesOf: (face: F) => readonly CodePointRange[], cps: Iterable<number>, into: Map<number, F | null>): void {
  const todo = [...new Set(cps)].filter((cp) => !into.has(cp)).sort((a, b) => a - b);
  if (todo.length === 0) return;
  for (const face of faces) {
    for (const [lo, hi] of rangesOf(face)) {
      for (let i = firstAtLeast(todo, lo); i < todo.length && (todo[i] ?? Infinity) <= hi; i++) {
        const cp = todo[i] ?? 0;
        if (!into.has(cp)) into.set(cp, face);
      }
    }
  }
  for (const cp of todo) if (!into.has(cp)) into.set(cp, null);
}

/** The index of the first value >= x in ascending `xs` (xs.length if none). */
function firstAtLeast(xs: readonly number[], x: number): number {
  let lo = 0;
  let hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((xs[mid] ?? Infinity) < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
