/**
 * The default view's first frame is drawn from a trace made at build time (build/first-trace.ts):
 * it must be the very trace the app would simulate for that view, and the app must use it for
 * that run only.
 */
import { describe, expect, it } from 'vitest';
import { firstTrace } from '../../build/first-trace.ts';
import { isPrebuiltRun } from '../../src/prebuilt-key.ts';
import { SCENARIOS } from '../../scenes/index.ts';
import { DEFAULT_SCENARIO, REGISTRY } from '../../scenes/registry.ts';
import { runScenario } from '../../src/sim/run.ts';
import { DEFAULT_K8S_VERSION, DEFAULT_SEED } from '../../src/sim/scenario.ts';
import { defaultParams } from '../../src/ui/url-state.ts';

const root = new URL('../..', import.meta.url).pathname;

describe('the prebuilt first trace', () => {
  it('is the default scenario run with the defaults the app asks for, as JSON that reads back as the same trace', async () => {
    const { key, json } = await firstTrace(root);
    const entry = REGISTRY.find((e) => e.id === DEFAULT_SCENARIO);
    const def = SCENARIOS.find((s) => s.id === DEFAULT_SCENARIO);
    if (!entry || !def) throw new Error('no default scenario');
    // What the app's shell asks for on `/` (src/ui/app.ts: the seed, version and link params).
    const asked = { seed: DEFAULT_SEED, k8sVersion: DEFAULT_K8S_VERSION, params: defaultParams(entry) };
    expect(isPrebuiltRun(key, DEFAULT_SCENARIO, asked)).toBe(true);
    const simulated = runScenario(def, asked);
    expect(json).toBe(JSON.stringify(simulated));
    // Read back, the same data (JSON would turn a NaN or Infinity into null).
    expect(JSON.parse(json)).toEqual(simulated);
  });

  it('stands for its run only: another scenario, seed, version, param value or any command is simulated', async () => {
    const { key } = await firstTrace(root);
    const asked = { seed: key.seed, k8sVersion: key.k8sVersion, params: key.params };
    expect(isPrebuiltRun(key, key.scenario, { ...asked, params: Object.fromEntries(Object.entries(key.params).reverse()) })).toBe(true);
    expect(isPrebuiltRun(key, 'node-failure', asked)).toBe(false);
    expect(isPrebuiltRun(key, key.scenario, { ...asked, seed: key.seed + 1 })).toBe(false);
    expect(isPrebuiltRun(key, key.scenario, { ...asked, k8sVersion: '1.31' })).toBe(false);
    expect(isPrebuiltRun(key, key.scenario, { ...asked, params: { ...key.params, variant: 'deployment' } })).toBe(false);
    expect(isPrebuiltRun(key, key.scenario, { ...asked, params: { ...key.params, extra: 1 } })).toBe(false);
    expect(isPrebuiltRun(key, key.scenario, { ...asked, actions: [{ at: 0, command: 'wait 1s' }] })).toBe(false);
  });
});
