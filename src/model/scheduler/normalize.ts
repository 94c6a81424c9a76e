/** Upstream helper.DefaultNormalizeScore: scale raw scores to 0..max by the highest one, optionally reversed. */
export function defaultNormalizeScore(maxPriority: number, reverse: boolean, scores: number[]): void {
  let maxCount = 0;
  for (const s of scores) if (s > maxCount) maxCount = s;
  if (maxCount === 0) {
    if (reverse) scores.fill(maxPriority);
    return;
  }
  for (let i = 0; i < scores.length; i++) {
    let s = Math.trunc((maxPriority * (scores[i] ?? 0)) / maxCount);
    if (reverse) s = maxPriority - s;
    scores[i] = s;
  }
}

export const MAX_NODE_SCORE = 100;
