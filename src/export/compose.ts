/**
 * The frame compositor: the stage's canvas, and optionally the step caption in a band under it,
 * drawn onto one 2D canvas of the export's size. Caption text comes from scenario data and is
 * drawn with fillText (never HTML); backtick-quoted commands are set in the mono font, as the app
 * shows them.
 */
import type { Lang } from '../model/localized.ts';
import { PALETTES, type Palette } from '../render/theme.ts';
import type { StepInfo } from '../timeline/player-api.ts';
import type { ExportTheme } from './options.ts';

const SANS = '"Noto Sans KR", sans-serif';
const MONO = '"JetBrains Mono", "Noto Sans KR", monospace';
/** The caption's font stacks (a test checks every caption character is in them). */
export const CAPTION_FONTS = { sans: SANS, mono: MONO } as const;
const LINES = 3;

const STEP_OF: Readonly<Record<Lang, (n: number, total: number) => string>> = {
  en: (n, total) => `Step ${n} of ${total}`,
  ko: (n, total) => `${total}단계 중 ${n}단계`,
};

export const css = (color: number): string => `#${color.toString(16).padStart(6, '0')}`;

export interface CaptionLayout {
  readonly band: number;
  readonly font: number;
  readonly line: number;
  readonly pad: number;
}

/** The caption band for a frame height: three lines of text, sized to the picture (readable at 180p). */
export function captionLayout(height: number): CaptionLayout {
  const font = Math.max(10, Math.round(height * 0.027));
  const line = Math.round(font * 1.4);
  const pad = Math.round(font * 0.6);
  return { band: pad * 2 + line * LINES, font, line, pad };
}

/** Height the stage gets in a frame of `height` (the caption band takes the rest). */
export const stageHeight = (height: number, captions: boolean): number => (captions ? height - captionLayout(height).band : height);

interface Token {
  readonly text: string;
  readonly code: boolean;
}

/** Caption text -> words and spaces, each marked as code (inside backticks) or not. */
export function tokenize(text: string): Token[] {
  return text.split('`').flatMap((part, i) =>
    part
      .split(/(\s+)/)
      .filter((word) => word.length > 0)
      .map((word) => ({ text: /^\s+$/.test(word) ? ' ' : word, code: i % 2 === 1 })),
  );
}

export interface Composer {
  readonly canvas: HTMLCanvasElement;
  /** Height the stage gets (the whole frame without captions). */
  readonly stageHeight: number;
  /** Loads the caption fonts for the glyphs the chosen steps use. */
  prepare(): Promise<void>;
  /** Draws one frame: the stage's canvas, and the caption of `stepIndex` when captions are on. */
  draw(stageCanvas: HTMLCanvasElement, stepIndex: number): void;
}

export interface ComposerOptions {
  readonly width: number;
  readonly height: number;
  readonly captions: boolean;
  readonly lang: Lang;
  readonly theme: ExportTheme;
  readonly steps: readonly StepInfo[];
  /** GIF encoding reads pixels back every frame. */
  readonly readBack: boolean;
}

export function createComposer(options: ComposerOptions): Composer {
  const { width, height, lang, steps } = options;
  const palette: Palette = PALETTES[options.theme];
  const layout = captionLayout(height);
  const band = options.captions ? layout.band : 0;
  const stageH = height - band;
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const context = canvas.getContext('2d', { alpha: false, willReadFrequently: options.readBack });
  if (!context) throw new Error('no 2D canvas');
  const ctx = context;
  const sans = `400 ${layout.font}px ${SANS}`;
  const bold = `700 ${Math.round(layout.font * 0.8)}px ${SANS}`;
  const mono = `400 ${Math.round(layout.font * 0.9)}px ${MONO}`;

  const drawCaption = (stepIndex: number): void => {
    const top = stageH;
    ctx.fillStyle = css(palette.card);
    ctx.fillRect(0, top, width, band);
    ctx.fillStyle = css(palette.cardEdge);
    ctx.fillRect(0, top, width, 1);
    const step = steps[stepIndex];
    if (!step) return;
    ctx.textBaseline = 'middle';
    ctx.font = bold;
    ctx.fillStyle = css(palette.role.control);
    const counter = STEP_OF[lang](stepIndex + 1, steps.length);
    ctx.fillText(counter, layout.pad * 2, top + layout.pad + layout.line / 2);
    const left = layout.pad * 3 + Math.max(ctx.measureText(STEP_OF[lang](steps.length, steps.length)).width, layout.font * 4);
    wrapText(step.caption[lang], left, top + layout.pad, width - left - layout.pad * 2);
  };

  /** Lays words out in up to three lines; the last line ends in an ellipsis when the text is longer. */
  const wrapText = (text: string, left: number, top: number, maxWidth: number): void => {
    const lines: { token: Token; x: number }[][] = [[]];
    let x = 0;
    for (const token of tokenize(text)) {
      ctx.font = token.code ? mono : sans;
      const w = ctx.measureText(token.text).width;
      if (token.text === ' ') {
        if (x > 0) x += w;
        continue;
      }
      if (x > 0 && x + w > maxWidth) {
        lines.push([]);
        x = 0;
      }
      lines[lines.length - 1]?.push({ token, x });
      x += w;
    }
    const shown = lines.slice(0, LINES);
    if (lines.length > LINES) shown[LINES - 1]?.push({ token: { text: '…', code: false }, x: maxWidth - ctx.measureText('…').width });
    ctx.textBaseline = 'middle';
    shown.forEach((line, row) => {
      const y = top + row * layout.line + layout.line / 2;
      for (const { token, x: at } of line) {
        ctx.font = token.code ? mono : sans;
        if (token.code) {
          const w = ctx.measureText(token.text).width;
          ctx.fillStyle = css(palette.deck);
          ctx.fillRect(left + at - 2, y - layout.line / 2 + 2, w + 4, layout.line - 4);
        }
        ctx.fillStyle = css(palette.text);
        // Clip a word wider than the line instead of running off the frame.
        ctx.fillText(token.text, left + at, y, Math.max(1, maxWidth - at));
      }
    });
  };

  return {
    canvas,
    stageHeight: stageH,
    async prepare() {
      if (!options.captions) return;
      const glyphs = [...new Set(steps.map((s) => s.caption[lang]).join('') + STEP_OF[lang](0, 0) + '0123456789…')].join('');
      await Promise.all([
        document.fonts.load(sans, glyphs),
        document.fonts.load(bold, glyphs),
        document.fonts.load(mono, glyphs),
      ]);
    },
    draw(stageCanvas, stepIndex) {
      ctx.fillStyle = css(palette.sky);
      ctx.fillRect(0, 0, width, stageH);
      ctx.drawImage(stageCanvas, 0, 0, width, stageH);
      if (options.captions) drawCaption(stepIndex);
    },
  };
}
