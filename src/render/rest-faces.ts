/**
 * Noto Sans KR's faces an English page does not draw from (the Korean subsets; build/split-faces.ts
 * cut them out of the first stylesheet): loaded as their own stylesheet when Hangul is to be drawn
 * (src/render/fonts.ts) and after the first frame (main.ts), for the shell's own Korean words.
 */
import '@fontsource/noto-sans-kr/400.css?faces=rest';
import '@fontsource/noto-sans-kr/700.css?faces=rest';
