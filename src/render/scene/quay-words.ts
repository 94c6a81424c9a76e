/**
 * The quay's name on the stage. "부두" alone told a Korean learner nothing: the quay is where the
 * user stands with kubectl, radioing orders to the flagship, so the Korean name says whose it is.
 * The legend explains it in both languages (src/ui/legend-entries.ts).
 */
export const QUAY_NAME = { en: 'quay', ko: '부두(사용자)' } as const;
