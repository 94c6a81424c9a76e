// Composition root: the only file that wires every layer together (scenes -> sim -> render -> ui).
import '@fontsource/noto-sans-kr/400.css?faces=first';
import '@fontsource/noto-sans-kr/700.css?faces=first';
import '@fontsource/jetbrains-mono/400.css';
import './ui/styles.css';
import { DEFAULT_SCENARIO, REGISTRY } from '../scenes/registry.ts';
import { createExporter } from './export/index.ts';
import { createStage, keepRendererChoice, prepareStage, recheckRenderer } from './render/index.ts';
import { loadRestFaces } from './render/fonts.ts';
import { loadedSandbox, loadSandbox } from './sandbox-loader.ts';
import { loadedSimulation, loadSimulation } from './simulation-loader.ts';
import { fetchPrebuilt, mayBePrebuilt, prebuiltTrace } from './prebuilt-trace.ts';
import { checkK8sVersion } from './model/k8s/versions.ts';
import { DEFAULT_K8S_VERSION, DEFAULT_SEED } from './sim/scenario.ts';
import { wantsEmbed } from './embed/wants-embed.ts';
import type { AppDeps, ScenarioEntry } from './ui/ports.ts';
import { loadedEntry } from './ui/scenario-entry.ts';
import { exposeHandle } from './ui/debug-handle.ts';
import { linkTheme, systemTheme } from './ui/theme.ts';
import { detectLang } from './ui/detect-lang.ts';

declare global {
  interface Window {
    /** A scenario file's text, set before load by `kubedeck export ./story.yaml` (src/cli/export/page.ts). */
    __kubedeckStoryText?: string;
  }
}

/**
 * What the first frame does without, loaded once it is drawn (or soon, in a hidden tab): with the
 * simulation, the shown scenario's code (the default view drew from its prebuilt trace). The
 * handle is ready when it is.
 */
const afterFirstFrame = async (shown: ScenarioEntry | undefined): Promise<void> => {
  await new Promise<void>((drawn) => {
    requestAnimationFrame(() => setTimeout(drawn, 0));
    setTimeout(drawn, 200);
  });
  // The renderer went by the last page's probe (render/gpu-memo.ts): probe now, for the next page.
  recheckRenderer();
  await Promise.all([
    loadSandbox(),
    loadSimulation(),
    // A failure is the shell's to report when the code is needed (a command, another run).
    shown?.load().catch(() => undefined),
    import('./ui/object-yaml.ts').then(({ loadObjectYaml }) => loadObjectYaml()),
    import('./ui/kubectl-lazy.ts').then(({ loadKubectl }) => loadKubectl()),
    // Noto Sans KR's Korean faces, for the shell's Korean words (the language picker's "한국어").
    loadRestFaces().catch(() => undefined),
  ]);
};

// embed.html marks itself; index.html?embed=1 is the same view (the single-file build has one page).
const embedView = document.documentElement.dataset['kubedeck'] === 'embed' || wantsEmbed(location.search);

/** The loaded simulation (the shell asks for a run only once loadSimulation() has resolved). */
function simulation(): NonNullable<ReturnType<typeof loadedSimulation>> {
  const loaded = loadedSimulation();
  if (!loaded) throw new Error('the simulation has not loaded');
  return loaded;
}

/** The app with these scenarios (the built-ins, and a scenario file first when the CLI gave one). */
function start(root: HTMLElement, scenarios: readonly ScenarioEntry[]): void {
  const deps: AppDeps = {
    scenarios,
    defaultScenario: DEFAULT_SCENARIO,
    defaultK8s: DEFAULT_K8S_VERSION,
    seed: DEFAULT_SEED,
    loadSimulation: async () => {
      await loadSimulation();
    },
    simulationLoaded: () => loadedSimulation() !== undefined,
    run: (def, request) => simulation().run(def, request, loadedSandbox()),
    startRun: (def, request) => simulation().start(def, request, loadedSandbox()),
    // Only the built-in scenario's run: a scenario file (the CLI's) may reuse its id (today its
    // params, none, never match the default scenario's; this keeps it so if they ever could).
    prebuiltTrace: (entry, request) => (REGISTRY.includes(entry) ? prebuiltTrace(entry.id, request) : undefined),
    createStage,
    exporter: createExporter(createStage),
    // The validator (zod) loads only when a file is opened or linked; with it the sandbox, since a
    // file's own commands (its actions) run through it, and the simulation that plays it.
    loadScenarioFile: async (text, name) => {
      const [{ scenarioFromText }] = await Promise.all([import('./sim/story/from-text.ts'), loadSandbox(), loadSimulation()]);
      return scenarioFromText(text, name);
    },
    // The writer (and the yaml library) load only when someone saves.
    saveSession: async (session) => {
      if (session.scenarioId !== 'sandbox') return undefined;
      const checked = checkK8sVersion(session.k8sVersion);
      if (!checked.ok) throw new Error(checked.message);
      const { sandboxAsFile } = await import('../scenes/sandbox-file.ts');
      return sandboxAsFile({ nodes: Number(session.params['nodes'] ?? 3), k8sVersion: checked.version, commands: session.commands });
    },
  };
  // Each page loads only its own shell: the embed's protocol checks (zod) stay out of the app's
  // first load, and the app's picker, cards and export dialog out of the embed's.
  // The sandbox (commands in a run) loads first only when the first run may have commands (a do=
  // link, a scenario file's own, an embed's host); else right after the first frame.
  const sandboxFirst = embedView || new URLSearchParams(location.search).has('do') || scenarios.some((s) => (s.actions?.length ?? 0) > 0);
  // The embed runs a host's loads synchronously (and a big cluster's first run in slices): the simulation comes first.
  const before = Promise.all([sandboxFirst ? loadSandbox() : undefined, embedView ? loadSimulation() : undefined]);
  const shell = embedView
    ? before.then(() => import('./embed/embed-app.ts')).then(({ startEmbed }) => startEmbed(root, deps))
    : before.then(() => import('./ui/app.ts')).then(({ startApp }) => startApp(root, deps));
  void shell.then((handle) =>
    exposeHandle({ ...handle, ready: handle.ready.then(() => afterFirstFrame(scenarios.find((s) => s.id === handle.view().scenario))) }),
  );
}

// What the stage waits for (the renderer's code, the icons in the link's or the system's theme,
// the faces of the link's or the browser's language) starts beside the shell's code, not after
// the shell asks for a stage.
const link = new URLSearchParams(location.search);
const linkedTheme = link.get('theme');
const linkedLang = link.get('lang');
// This origin's pages pick their renderer by the last page's probe (render/gpu-memo.ts).
keepRendererChoice();
prepareStage(
  (linkedTheme === null ? undefined : linkTheme(linkedTheme)) ?? systemTheme(),
  linkedLang === 'en' || linkedLang === 'ko' ? linkedLang : detectLang(navigator.languages.length > 0 ? navigator.languages : [navigator.language]),
);

const root = document.getElementById('app');
const storyText = window.__kubedeckStoryText;
if (root && typeof storyText === 'string') {
  // Only for a file the CLI hands over: the validator stays out of the app's usual first load.
  void import('./sim/story/from-text.ts').then(({ scenarioFromText }) => start(root, [loadedEntry(scenarioFromText(storyText, 'scenario file')), ...REGISTRY]));
} else if (root) {
  // The default view's first frame comes from its prebuilt trace (fetched now). Any other view's
  // scenario code and the simulation are fetched now, beside the shell's, not after it (the
  // shell's load() then finds them loading); a failure is the shell's to report.
  const query = new URLSearchParams(location.search);
  if (!embedView && mayBePrebuilt(query, DEFAULT_SCENARIO)) void fetchPrebuilt()?.catch(() => undefined);
  else if (!query.has('file')) {
    void loadSimulation().catch(() => undefined);
    void REGISTRY.find((e) => e.id === (query.get('scenario') ?? DEFAULT_SCENARIO))?.load().catch(() => undefined);
  }
  start(root, REGISTRY);
}
