/**
 * Durations in a scenario file: a whole number of milliseconds (`500`) or text with units,
 * largest first: `500ms`, `3s`, `1m30s`, `1h`. Pure.
 */
const UNIT_MS = { h: 3_600_000, m: 60_000, s: 1_000, ms: 1 } as const;
const DURATION = /^(?:(\d+)h)?(?:(\d+)m(?!s))?(?:(\d+)s)?(?:(\d+)ms)?$/;

/** Milliseconds, or undefined when the text is not a duration. */
export function durationMs(value: string | number): number | undefined {
  if (typeof value === 'number') return Number.isSafeInteger(value) && value >= 0 ? value : undefined;
  const m = DURATION.exec(value.trim());
  if (m === null || value.trim() === '') return undefined;
  const [, h, min, s, ms] = m;
  const total = Number(h ?? 0) * UNIT_MS.h + Number(min ?? 0) * UNIT_MS.m + Number(s ?? 0) * UNIT_MS.s + Number(ms ?? 0) * UNIT_MS.ms;
  return Number.isSafeInteger(total) ? total : undefined;
}
