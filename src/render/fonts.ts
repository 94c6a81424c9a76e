/**
 * Bundled fonts only (never the system fallback): Noto Sans KR for text (Latin + Hangul) and
 * JetBrains Mono for commands and the clock. Pixi rasterises text once, so wait for the faces
 * (and for the Hangul subsets a text needs) before drawing it.
 */
import '@fontsource/noto-sans-kr/400.css';
import '@fontsource/noto-sans-kr/700.css';
import '@fontsource/jetbrains-mono/400.css';
import '@fontsource/jetbrains-mono/700.css';

const SAMPLE = 'Aa09 kube-apiserver 가나다';

export async function loadFonts(): Promise<void> {
  await Promise.all([
    document.fonts.load('400 16px "Noto Sans KR"', SAMPLE),
    document.fonts.load('700 16px "Noto Sans KR"', SAMPLE),
    document.fonts.load('400 16px "JetBrains Mono"', 'Aa09:.+'),
    document.fonts.load('700 16px "JetBrains Mono"', 'Aa09:.+'),
  ]);
}

/** Load the unicode-range subsets (Korean is split in many) that these texts use. */
export async function loadGlyphs(texts: readonly string[]): Promise<void> {
  const all = [...new Set(texts.join(''))].join('');
  if (all.length === 0) return;
  await Promise.all([document.fonts.load('400 16px "Noto Sans KR"', all), document.fonts.load('700 16px "Noto Sans KR"', all)]);
}
