/**
 * Bundled fonts only (never the system fallback): Noto Sans KR for text (Latin + Hangul) and
 * JetBrains Mono for commands and the clock, with Noto Sans KR after it for the Hangul a command
 * line or a name may hold. Pixi rasterises text once, so wait for the faces, and for every
 * unicode-range subset the characters fall in, before drawing. Which characters: before a
 * stage's first frame, those of its own words (virtual:kubedeck-stage-glyphs) and of the trace's
 * texts; then all of those in the app's sources (virtual:kubedeck-glyphs, derived at build time,
 * so a new word anywhere is covered).
 */
// The faces an English page draws from; the rest (Korean) load when asked (loadRestFaces).
import '@fontsource/noto-sans-kr/400.css?faces=first';
import '@fontsource/noto-sans-kr/700.css?faces=first';
import '@fontsource/jetbrains-mono/400.css';
import '@fontsource/jetbrains-mono/700.css';
import APP_GLYPHS from 'virtual:kubedeck-glyphs';
import STAGE_GLYPHS from 'virtual:kubedeck-stage-glyphs';
import type { Lang } from '../model/localized.ts';
import { assignFaces, type CodePointRange } from './font-faces.ts';
import { lazy } from '../lazy.ts';

const FACES = ['400 16px "Noto Sans KR"', '700 16px "Noto Sans KR"', '400 16px "JetBrains Mono"', '700 16px "JetBrains Mono"'] as const;

const HANGUL = /[\u1100-\u11ff\u3130-\u318f\uac00-\ud7a3]/u;
/** English never shows Hangul: it skips the Korean subsets (time to first frame). */
const NON_HANGUL = [...APP_GLYPHS].filter((c) => !HANGUL.test(c)).join('');

const forLang = new Map<Lang, Promise<void>>();

/** The faces and the subsets for every character the app can show in `lang` (once a page; a failure is tried again). */
export function loadFonts(lang: Lang): Promise<void> {
  let loading = forLang.get(lang);
  if (loading === undefined) {
    loading = loadGlyphs([lang === 'ko' ? APP_GLYPHS : NON_HANGUL]);
    loading.catch(() => forLang.delete(lang));
    forLang.set(lang, loading);
  }
  return loading;
}

const forStage = new Map<Lang, Promise<void>>();

/**
 * What a stage waits for before its first frame: the faces for its own words in `lang` and for
 * every non-Hangul character the app shows (English: all of loadFonts('en')). A Korean page's
 * captions and dialogs bring ~30 Korean subsets per weight, the stage's words ~19: the rest load
 * after the first frame (loadFonts), a trace's own texts before it is drawn (the stage's glyphsFor).
 */
export function loadStageFonts(lang: Lang): Promise<void> {
  if (lang === 'en') return loadFonts('en');
  let loading = forStage.get(lang);
  if (loading === undefined) {
    loading = loadGlyphs([NON_HANGUL, STAGE_GLYPHS]);
    loading.catch(() => forStage.delete(lang));
    forStage.set(lang, loading);
  }
  return loading;
}

let faceLoads = 0;
/**
 * How many times a face this module asked for has come in (it had not loaded before the ask). A
 * stage that drew after the last change needs no redraw for fonts (stage.load's first frame).
 */
export const faceLoadCount = (): number => faceLoads;

/** Load the unicode-range subsets (Korean is split in many) that these texts use, in every face. */
export async function loadGlyphs(texts: readonly string[]): Promise<void> {
  // Character by character, not one joined string: a big trace brings ~10 MB of names and actions.
  const chars = new Set<string>();
  for (const text of texts) for (const c of text) chars.add(c);
  const all = [...chars].join('');
  if (all.length === 0) return;
  await Promise.all(FACES.map((face) => loadFace(face, all)));
}

/** Noto Sans KR's faces left out of the first stylesheet (build/split-faces.ts): its Korean subsets. */
const restFaces = lazy(() => import('./rest-faces.ts'));
/** The family whose faces are split; JetBrains Mono has no Hangul and falls back to it. */
const SPLIT_FAMILY = 'Noto Sans KR';

/** Loads the stylesheet of Noto Sans KR's remaining faces (once; a failure is tried again). */
export function loadRestFaces(): Promise<unknown> {
  return restFaces.load();
}

const quoted = /^["']|["']$/g;
/** Per font ("700 16px \"Noto Sans KR\""), the face each code point is drawn with (null: none holds it). */
const faceOf = new Map<string, Map<number, FontFace | null>>();
const ranges = new WeakMap<FontFace, readonly CodePointRange[]>();

/** Parsed unicode-ranges by their text: a font's weights share them (half the parsing). */
const parsed = new Map<string, readonly CodePointRange[]>();

/** A face's unicode-range as code point intervals ("U+0-FF, U+131, U+4??"). */
function rangesOf(face: FontFace): readonly CodePointRange[] {
  let r = ranges.get(face);
  if (r === undefined) {
    const text = face.unicodeRange;
    r = parsed.get(text) ?? text.split(',').map((part) => {
      const [from = '0', to] = part.trim().replace(/^U\+/i, '').split('-');
      const lo = parseInt(from.replace(/\?/g, '0'), 16);
      const hi = parseInt((to ?? from).replace(/\?/g, 'F'), 16);
      return [lo, hi] as const;
    });
    parsed.set(text, r);
    ranges.set(face, r);
  }
  return r;
}

/**
 * Loads, for each character of `text`, the subset of `font` ("700 16px \"Noto Sans KR\"") a browser
 * draws it with: the last declared face whose unicode-range holds it. document.fonts.load would
 * load every face whose range holds it, and Noto Sans KR's numbered Korean subsets also list ASCII
 * and punctuation: some 26 files more for an English first frame, none of them drawn from.
 */
async function loadFace(font: string, text: string): Promise<void> {
  const [weight = '', ...rest] = font.split(' ');
  const family = rest.slice(1).join(' ').replace(quoted, '');
  const facesNow = (): FontFace[] => {
    const faces: FontFace[] = [];
    document.fonts.forEach((f) => {
      if (f.family.replace(quoted, '') === family && f.weight === weight && f.style === 'normal') faces.push(f);
    });
    return faces.reverse();
  };
  let faces = facesNow();
  if (faces.length === 0) {
    await document.fonts.load(font, text);
    faceLoads += 1;
    return;
  }
  // The stage asks again for characters it asked for before (the app's, then the trace's): each
  // is looked up among the ~120 subsets once a page.
  let known = faceOf.get(font);
  if (known === undefined) faceOf.set(font, (known = new Map()));
  const cps = Array.from(text, (ch) => ch.codePointAt(0) ?? 0);
  assignFaces(faces, rangesOf, cps, known);
  // A character none of the first faces holds (Hangul): the rest of the faces, then look again.
  // The parts' ranges do not overlap, so what the first faces hold stays theirs.
  if (family === SPLIT_FAMILY && restFaces.now() === undefined && cps.some((cp) => known.get(cp) === null)) {
    await restFaces.load();
    for (const cp of cps) if (known.get(cp) === null) known.delete(cp);
    faces = facesNow();
    assignFaces(faces, rangesOf, cps, known);
  }
  const wanted = new Set<FontFace>();
  for (const cp of cps) {
    const face = known.get(cp);
    if (face !== undefined && face !== null) wanted.add(face);
  }
  await Promise.all(
    [...wanted].map(async (f) => {
      if (f.status === 'loaded') return;
      await f.load();
      faceLoads += 1;
    }),
  );
}

/** Every character the app's sources can show (for loaders outside the stage, e.g. export). */
export const appGlyphs = (lang: Lang): string => (lang === 'ko' ? APP_GLYPHS : NON_HANGUL);
