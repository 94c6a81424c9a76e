/**
 * Bench-only page: the app (src/ui/app.ts, the same shell, simulation, player and stage as
 * src/main.ts wires them) with one difference: zone-outage takes up to 500 nodes, so `npm run bench`
 * can play a 500-node, 15,000-pod trace (`?scenario=zone-outage&nodes=500&perNode=30`). The app's
 * own maxima (210 nodes) stay: they keep a learner's run within seconds; this one takes tens.
 * `#renderer=webgl` asks the stage for any WebGL (SwiftShader too), `#renderer=canvas` for PixiJS's
 * canvas renderer; without it the stage picks as in the app.
 */
import '@fontsource/noto-sans-kr/400.css';
import '@fontsource/noto-sans-kr/700.css';
import '@fontsource/jetbrains-mono/400.css';
import '../../src/ui/styles.css';
import { DEFAULT_SCENARIO, REGISTRY } from '../../scenes/registry.ts';
import { createStage } from '../../src/render/index.ts';
import { runScenarioWith, startScenarioWith } from '../../src/sim/run-core.ts';
import { loadedSandbox, loadSandbox } from '../../src/sandbox-loader.ts';
import { DEFAULT_K8S_VERSION, DEFAULT_SEED, type ScenarioDefinition, type ScenarioParam } from '../../src/sim/scenario.ts';
import type { ScenarioEntry } from '../../src/ui/ports.ts';
import { exposeHandle } from '../../src/ui/debug-handle.ts';
import { startApp } from '../../src/ui/app.ts';

const BIG_NODES = 500;

const raise = (params: readonly ScenarioParam[]): readonly ScenarioParam[] => params.map((p) => (p.id === 'nodes' && p.kind === 'int' ? { ...p, max: BIG_NODES } : p));

/** zone-outage as the registry has it, but for its node maximum. */
function bigger(entry: ScenarioEntry): ScenarioEntry {
  let def: ScenarioDefinition | undefined;
  return {
    ...entry,
    params: raise(entry.params),
    load: async () => (def ??= { ...(await entry.load()), params: raise(entry.params) }),
    loaded: () => def,
  };
}

const scenarios = REGISTRY.map((e) => (e.id === 'zone-outage' ? bigger(e) : e));
const asked = new URLSearchParams(location.hash.slice(1)).get('renderer');
const renderer = asked === 'webgl' || asked === 'canvas' ? asked : 'auto';
const root = document.getElementById('app');
if (root) {
  const handle = startApp(root, {
    scenarios,
    defaultScenario: DEFAULT_SCENARIO,
    defaultK8s: DEFAULT_K8S_VERSION,
    seed: DEFAULT_SEED,
    // The simulation is imported above, not loaded after the first frame as in src/main.ts.
    loadSimulation: () => Promise.resolve(),
    simulationLoaded: () => true,
    run: (def, request) => runScenarioWith(def, request, loadedSandbox()),
    startRun: (def, request) => startScenarioWith(def, request, loadedSandbox()),
    createStage: (host, options) => createStage(host, { ...options, renderer }),
  });
  exposeHandle({ ...handle, ready: handle.ready.then(() => loadSandbox()).then(() => undefined) });
}
