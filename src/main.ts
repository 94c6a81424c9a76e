// Composition root: the only file that wires every layer together (scenes -> sim -> render -> ui).
import '@fontsource/noto-sans-kr/400.css';
import '@fontsource/noto-sans-kr/700.css';
import '@fontsource/jetbrains-mono/400.css';
import './ui/styles.css';
import './embed/embed.css';
import { DEFAULT_SCENARIO, SCENARIOS } from '../scenes/index.ts';
import { createStage } from './render/index.ts';
import { runScenario } from './sim/run.ts';
import { DEFAULT_K8S_VERSION, DEFAULT_SEED } from './sim/scenario.ts';
import { startEmbed } from './embed/embed-app.ts';
import { wantsEmbed } from './embed/params.ts';
import { startApp } from './ui/app.ts';
import type { AppDeps } from './ui/ports.ts';
import { exposeHandle } from './ui/debug-handle.ts';

const root = document.getElementById('app');
if (root) {
  const deps: AppDeps = {
    scenarios: SCENARIOS,
    defaultScenario: DEFAULT_SCENARIO,
    defaultK8s: DEFAULT_K8S_VERSION,
    seed: DEFAULT_SEED,
    run: (def, request) => runScenario(def, { seed: request.seed, k8sVersion: request.k8sVersion, params: request.params }),
    createStage,
  };
  // embed.html marks itself; index.html?embed=1 is the same view (the single-file build has one page).
  const embed = document.documentElement.dataset['kubedeck'] === 'embed' || wantsEmbed(location.search);
  exposeHandle(embed ? startEmbed(root, deps) : startApp(root, deps));
}
