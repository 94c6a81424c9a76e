/** Simulated time (ms since the scenario started) as the API's RFC 3339 timestamps. */

/** The scenario clock's origin: a fixed instant, so traces are byte-identical run to run. */
export const EPOCH_MS = Date.UTC(2026, 0, 1, 9, 0, 0);

let lastSecond = Number.NaN;
let lastStamp = '';

/** Second precision, as metav1.Time. Memoised: a run asks for the same second many times. */
export function timestamp(simMs: number): string {
  const second = Math.floor(simMs / 1000);
  if (second !== lastSecond) {
    lastSecond = second;
    lastStamp = new Date(EPOCH_MS + second * 1000).toISOString().replace('.000Z', 'Z');
  }
  return lastStamp;
}

export function simTimeOf(stamp: string): number {
  return Date.parse(stamp) - EPOCH_MS;
}

/** "1m05s" style, as kubectl prints ages; ms precision under a second. */
export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)}ms`;
  const total = Math.round(ms / 1000);
  const m = Math.floor(total / 60);
  const s = total % 60;
  return m > 0 ? `${m}m${String(s).padStart(2, '0')}s` : `${s}s`;
}

/** A duration in Korean prose: "300ms", "55초", "1분 5초", "5분". */
export function formatDurationKo(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)}ms`;
  const total = Math.round(ms / 1000);
  const m = Math.floor(total / 60);
  const s = total % 60;
  if (m === 0) return `${s}초`;
  return s === 0 ? `${m}분` : `${m}분 ${s}초`;
}

/** "T+00:12.345": the cluster clock. */
export function formatClock(ms: number): string {
  const m = Math.floor(ms / 60000);
  const s = Math.floor((ms % 60000) / 1000);
  const milli = Math.floor(ms % 1000);
  return `T+${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}.${String(milli).padStart(3, '0')}`;
}
