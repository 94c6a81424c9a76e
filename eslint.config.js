// Lint rules, including the architecture's two hard rules:
// 1. dependencies point one way: model <- sim <- timeline <- render <- ui/embed/export <- main;
//    scenes import model and sim only;
// 2. model, sim, timeline and scenes are pure and deterministic: no DOM, PixiJS, GSAP,
//    ambient time (Date.now, timers, requestAnimationFrame) or ambient randomness (Math.random).
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const layerBan = (...layers) =>
  layers.map((layer) => ({
    group: [`**/${layer}/*`, `**/${layer}`, `../${layer}/*`, `./${layer}/*`],
    message: `This layer must not depend on src/${layer} (see README: architecture).`,
  }));

const renderingPackages = [
  { name: 'pixi.js', message: 'Rendering belongs in src/render; this layer is headless.' },
  { name: 'gsap', message: 'Tweening belongs in src/render; this layer is headless.' },
];

const pureRules = (bannedLayers) => ({
  'no-restricted-imports': [
    'error',
    { paths: renderingPackages, patterns: [...layerBan(...bannedLayers), { group: ['gsap/*', 'pixi.js/*', '@pixi/*'], message: 'Headless layer.' }] },
  ],
  'no-restricted-globals': [
    'error',
    ...['window', 'document', 'navigator', 'location', 'localStorage', 'performance', 'setTimeout', 'setInterval', 'setImmediate', 'requestAnimationFrame', 'queueMicrotask', 'clearTimeout', 'clearInterval'].map(
      (name) => ({ name, message: 'model/sim/timeline are deterministic and headless: use the simulated clock and the seeded RNG.' }),
    ),
  ],
  'no-restricted-properties': [
    'error',
    { object: 'Math', property: 'random', message: 'Use the seeded RNG (src/sim/rng.ts).' },
    { object: 'Date', property: 'now', message: 'Use the simulated clock.' },
    { object: 'performance', property: 'now', message: 'Use the simulated clock.' },
    { object: 'globalThis', property: 'setTimeout', message: 'Use the simulated clock.' },
    { object: 'crypto', property: 'randomUUID', message: 'Use the seeded RNG.' },
  ],
  'no-restricted-syntax': [
    'error',
    { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'new Date() reads the wall clock: use the simulated clock.' },
  ],
});

export default tseslint.config(
  { ignores: ['dist/**', 'dist-single/**', 'node_modules/**', 'coverage/**', 'test-results/**'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/ban-ts-comment': ['error', { 'ts-ignore': true, 'ts-expect-error': true, 'ts-nocheck': true }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  { files: ['src/model/**/*.ts'], rules: pureRules(['sim', 'timeline', 'render', 'ui', 'embed', 'export', 'cli', 'scenes']) },
  { files: ['src/sim/**/*.ts'], rules: pureRules(['timeline', 'render', 'ui', 'embed', 'export', 'cli', 'scenes']) },
  { files: ['src/timeline/**/*.ts'], rules: pureRules(['render', 'ui', 'embed', 'export', 'cli', 'scenes']) },
  { files: ['scenes/**/*.ts'], rules: pureRules(['timeline', 'render', 'ui', 'embed', 'export', 'cli']) },
  {
    files: ['src/render/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: layerBan('ui', 'embed', 'export', 'cli') }] },
  },
  {
    // Export sits beside ui and embed: it drives the stage, and main.ts hands it to the UI.
    files: ['src/export/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: layerBan('ui', 'embed', 'cli') }] },
  },
);
