/** Index of the first element >= x in ascending `xs` (xs.length if none). Pure. */
export function firstAtOrAbove(xs: readonly number[], x: number): number {
  let lo = 0;
  let hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((xs[mid] ?? Infinity) < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
