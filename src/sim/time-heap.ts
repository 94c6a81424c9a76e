/** A binary min-heap of numbers: the simulated clock's distinct due instants. */
export class TimeHeap {
  private readonly h: number[] = [];

  min(): number | undefined {
    return this.h[0];
  }

  push(x: number): void {
    const h = this.h;
    let i = h.length;
    h.push(x);
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const p = h[parent] as number;
      if (p <= x) break;
      h[i] = p;
      i = parent;
    }
    h[i] = x;
  }

  /** Removes the minimum. */
  pop(): void {
    const h = this.h;
    const last = h.pop();
    const n = h.length;
    if (last === undefined || n === 0) return;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= n) break;
      const r = l + 1;
      const child = r < n && (h[r] as number) < (h[l] as number) ? r : l;
      if ((h[child] as number) >= last) break;
      h[i] = h[child] as number;
      i = child;
    }
    h[i] = last;
  }
}
