/**
 * Palettes. One hue per role in every theme (only lightness moves, for contrast on the background);
 * text colours meet WCAG AA on their surfaces, high contrast aims at AAA for labels.
 */
export type ThemeName = 'dark' | 'light' | 'contrast';
export const THEMES: readonly ThemeName[] = ['dark', 'light', 'contrast'];

export type Role = 'control' | 'etcd' | 'scheduler' | 'controllers' | 'kubelet' | 'proxy' | 'runtime' | 'user';

export interface Palette {
  readonly name: ThemeName;
  readonly sky: number;
  readonly sea: number;
  readonly seaLine: number;
  readonly hull: number;
  readonly hullEdge: number;
  readonly deck: number;
  readonly card: number;
  readonly cardEdge: number;
  readonly text: number;
  readonly muted: number;
  /** Text drawn on a role-coloured fill. */
  readonly onRole: number;
  readonly role: Readonly<Record<Role, number>>;
  readonly error: number;
  readonly success: number;
  readonly warning: number;
  readonly info: number;
  readonly neutral: number;
  readonly pillBg: number;
  /** Alpha of components outside the current step's focus. */
  readonly dim: number;
  /**
   * Laid over a node whose kubelet is down (the scale view's tiles): its lights are out. Dark in
   * every theme, so a zone without power looks dark on a projector, not washed out.
   */
  readonly lightsOut: { readonly color: number; readonly alpha: number };
  /**
   * A Terminating pod's outline on a tile (drawn hollow, over the lights-out): 3:1 against the card
   * of a node without power and of a Ready one (test/render/contrast.test.ts).
   */
  readonly ghost: number;
  readonly edgeWidth: number;
  /**
   * A message's route line: alpha and width (x the stage scale). Chosen so the line, blended over
   * the sky, the sea or a hull, keeps 3:1 non-text contrast (test/render/contrast.test.ts).
   */
  readonly route: { readonly alpha: number; readonly width: number };
}

const DARK: Palette = {
  name: 'dark',
  sky: 0x0a1628,
  sea: 0x0d2140,
  seaLine: 0x16325a,
  hull: 0x17304f,
  hullEdge: 0x2d4d78,
  deck: 0x1d3a5f,
  card: 0x10223b,
  cardEdge: 0x35557f,
  text: 0xeef3fa,
  muted: 0xa9bbd3,
  onRole: 0x06111f,
  role: {
    control: 0x5b8def,
    etcd: 0x2dd4bf,
    scheduler: 0xa78bfa,
    controllers: 0xfbbf24,
    kubelet: 0x4ade80,
    proxy: 0x22d3ee,
    runtime: 0x94a3b8,
    user: 0xa1a1aa,
  },
  error: 0xf87171,
  success: 0x4ade80,
  warning: 0xfbbf24,
  info: 0x60a5fa,
  neutral: 0x8b98aa,
  pillBg: 0x0a1628,
  dim: 0.38,
  lightsOut: { color: 0x000000, alpha: 0.5 },
  ghost: 0x8b98aa,
  edgeWidth: 1.5,
  route: { alpha: 0.85, width: 2 },
};

const LIGHT: Palette = {
  name: 'light',
  sky: 0xf6f3ec,
  sea: 0xe3ecf4,
  seaLine: 0xcfdceb,
  hull: 0xffffff,
  hullEdge: 0xb9c6d6,
  deck: 0xf1f5fa,
  card: 0xffffff,
  cardEdge: 0xc3cfdd,
  text: 0x142033,
  muted: 0x4d5b70,
  onRole: 0xffffff,
  role: {
    control: 0x2f62d6,
    // Darker than the CSS teal: an activity written in etcd's colour on a white card reads at 5:1.
    etcd: 0x0c7b70,
    scheduler: 0x7140e0,
    controllers: 0xb45309,
    kubelet: 0x15803d,
    proxy: 0x0e7490,
    runtime: 0x475569,
    user: 0x52525b,
  },
  error: 0xdc2626,
  success: 0x15803d,
  warning: 0xb45309,
  info: 0x2563eb,
  neutral: 0x6b7280,
  pillBg: 0xffffff,
  dim: 0.4,
  lightsOut: { color: 0x0b1220, alpha: 0.42 },
  // The neutral grey vanishes into a darkened pale card: a dark slate outline.
  ghost: 0x1f2937,
  edgeWidth: 1.5,
  // On a pale sky a faint line vanishes: opaque and a little wider.
  route: { alpha: 1, width: 2.5 },
};

const CONTRAST: Palette = {
  ...DARK,
  name: 'contrast',
  sky: 0x000000,
  sea: 0x000814,
  seaLine: 0x3a4a60,
  hull: 0x000000,
  hullEdge: 0xffffff,
  deck: 0x0b0b0b,
  card: 0x000000,
  cardEdge: 0xffffff,
  text: 0xffffff,
  muted: 0xe5e7eb,
  onRole: 0x000000,
  role: {
    control: 0x8fb3ff,
    etcd: 0x5eead4,
    scheduler: 0xc4b5fd,
    controllers: 0xfcd34d,
    kubelet: 0x86efac,
    proxy: 0x67e8f9,
    runtime: 0xcbd5e1,
    user: 0xbdbdc4,
  },
  error: 0xff8a8a,
  success: 0x86efac,
  warning: 0xfcd34d,
  info: 0x93c5fd,
  neutral: 0xd1d5db,
  pillBg: 0x000000,
  dim: 0.6,
  edgeWidth: 2.5,
  route: { alpha: 1, width: 2.5 },
};

export const PALETTES: Readonly<Record<ThemeName, Palette>> = { dark: DARK, light: LIGHT, contrast: CONTRAST };

export const FONT_SANS = '"Noto Sans KR", sans-serif';
export const FONT_MONO = '"JetBrains Mono", "Noto Sans KR", monospace';

/** WCAG relative luminance of a 0xRRGGBB colour. */
export function luminance(rgb: number): number {
  const ch = [(rgb >> 16) & 255, (rgb >> 8) & 255, rgb & 255].map((v) => {
    const c = v / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * (ch[0] ?? 0) + 0.7152 * (ch[1] ?? 0) + 0.0722 * (ch[2] ?? 0);
}

export function contrastRatio(a: number, b: number): number {
  const la = luminance(a);
  const lb = luminance(b);
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}
