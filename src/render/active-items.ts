/**
 * Which of a schedule's activities are live at presentation time t, without a scan of them all:
 * a 500-node trace has tens of thousands, and the stage asked every one of them every frame.
 * Sorted by start once; a frame binary-searches the starts and visits only the items that began
 * within the longest item's span before t. The answer keeps the items' own order, so whoever
 * consumes it (a later activity wins a station's glow on a tie) sees what a full scan would.
 */
export class ActiveItems {
  private readonly items: readonly { readonly start: number; readonly end: number }[];
  private readonly tail: number;
  /** Item indices by start. */
  private readonly order: number[];
  private readonly starts: Float64Array;
  /** The longest end + tail - start of any item. */
  private readonly span: number;
  private readonly out: number[] = [];

  /** `tail`: how long an item stays live after its end (a glow fading out). */
  constructor(items: readonly { readonly start: number; readonly end: number }[], tail: number) {
    this.items = items;
    this.tail = tail;
    this.order = items.map((_, i) => i).sort((a, b) => (items[a]?.start ?? 0) - (items[b]?.start ?? 0) || a - b);
    this.starts = Float64Array.from(this.order, (i) => items[i]?.start ?? 0);
    let span = 0;
    for (const it of items) span = Math.max(span, it.end + tail - it.start);
    this.span = span;
  }

  /** Indices of the items with start <= t < end + tail, ascending. The array is reused by the next call. */
  at(t: number): readonly number[] {
    const out = this.out;
    out.length = 0;
    const starts = this.starts;
    let lo = 0;
    let hi = starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((starts[mid] ?? 0) <= t) lo = mid + 1;
      else hi = mid;
    }
    for (let k = lo - 1; k >= 0 && (starts[k] ?? 0) > t - this.span; k--) {
      const i = this.order[k] ?? 0;
      const it = this.items[i];
      if (it !== undefined && t < it.end + this.tail) out.push(i);
    }
    if (out.length > 1) out.sort((a, b) => a - b);
    return out;
  }
}
