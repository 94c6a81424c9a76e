/**
 * `virtual:kubedeck-first-trace`: the default view's trace (the default scenario at the default
 * seed, Kubernetes version and params, no commands), made at build time by the same simulation
 * and written beside the chunks as `assets/first-trace-<hash>.json`. The app draws its first frame
 * from it (src/prebuilt-trace.ts), so the simulation's code (src/sim, xstate, the scenario) loads
 * after that frame instead of before it; any other view runs the simulation as before.
 *
 * The module exports `{ file, key }` (the file name and the run it is), or undefined where there
 * is no file to fetch: the dev server (the app then simulates) and the single-file build (one
 * file, nothing beside it: `firstTracePlugin(root, { emit: false })`).
 */
import { createHash } from 'node:crypto';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { tsImport } from 'tsx/esm/api';
import type { Plugin } from 'vite';
import type { PrebuiltKey } from '../src/prebuilt-key.ts';
import type * as Scenes from '../scenes/index.ts';
import type * as Registry from '../scenes/registry.ts';
import type * as Run from '../src/sim/run.ts';
import type * as Scenario from '../src/sim/scenario.ts';

const ID = 'virtual:kubedeck-first-trace';
const RESOLVED = `\0${ID}`;

/** The default view's run and its trace as the JSON the app fetches. */
export async function firstTrace(root: string): Promise<{ readonly key: PrebuiltKey; readonly json: string }> {
  // Loaded when the build asks, with tsx: bundling the simulation into every vite config load
  // (each vitest run) would cost more than the one run here.
  const from = pathToFileURL(resolve(root, 'build/first-trace.ts')).href;
  const [{ SCENARIOS }, { DEFAULT_SCENARIO }, { runScenario }, { DEFAULT_K8S_VERSION, DEFAULT_SEED }] = await Promise.all([
    tsImport('../scenes/index.ts', from) as Promise<typeof Scenes>,
    tsImport('../scenes/registry.ts', from) as Promise<typeof Registry>,
    tsImport('../src/sim/run.ts', from) as Promise<typeof Run>,
    tsImport('../src/sim/scenario.ts', from) as Promise<typeof Scenario>,
  ]);
  const def = SCENARIOS.find((s) => s.id === DEFAULT_SCENARIO);
  if (!def) throw new Error(`first trace: no scenario ${DEFAULT_SCENARIO}`);
  const params = Object.fromEntries(def.params.map((p) => [p.id, p.default]));
  const key: PrebuiltKey = { scenario: def.id, seed: DEFAULT_SEED, k8sVersion: DEFAULT_K8S_VERSION, params };
  const trace = runScenario(def, { seed: key.seed, k8sVersion: key.k8sVersion, params });
  return { key, json: JSON.stringify(trace) };
}

export function firstTracePlugin(root: string, options: { readonly emit?: boolean } = {}): Plugin {
  let build = false;
  return {
    name: 'kubedeck:first-trace',
    configResolved(config) {
      build = config.command === 'build';
    },
    // Filters: the bundler calls these hooks for this one module only, not for every module.
    resolveId: { filter: { id: new RegExp(`^${ID}$`) }, handler: (id) => (id === ID ? RESOLVED : null) },
    load: {
      filter: { id: new RegExp(`^\0${ID}$`) },
      async handler(id) {
        if (id !== RESOLVED) return null;
        if (!build || options.emit === false) return 'export default undefined;';
        const { key, json } = await firstTrace(root);
        const file = `first-trace-${createHash('sha256').update(json).digest('hex').slice(0, 10)}.json`;
        this.emitFile({ type: 'asset', fileName: `assets/${file}`, source: json });
        return `export default ${JSON.stringify({ file, key })};`;
      },
    },
  };
}
