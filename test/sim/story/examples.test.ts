/**
 * The example files that rewrite built-in scenarios run to the built-in's trace, byte for byte
 * (apart from the scenario id), and every example loads and runs.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { nodeDrain } from '../../../scenes/node-drain.ts';
import { replicasetSelfHealing } from '../../../scenes/replicaset-self-healing.ts';
import { loadStoryOrThrow } from '../../../src/model/story/load.ts';
import type { ScenarioDefinition } from '../../../src/sim/scenario.ts';
import { runScenario } from '../../../src/sim/run.ts';
import { compileStory } from '../../../src/sim/story/compile.ts';

const examples = new URL('../../../examples/', import.meta.url);
const load = (name: string) => loadStoryOrThrow(readFileSync(new URL(name, examples), 'utf8'), `examples/${name}`);

const PARTS = ['topology', 'events', 'snapshots', 'steps', 'endTime'] as const;

function expectSameTrace(builtIn: ScenarioDefinition, file: string): void {
  const loaded = load(file);
  const k8sVersion = loaded.story.cluster.kubernetesVersion;
  const a = runScenario(builtIn, { k8sVersion });
  const b = runScenario(compileStory(loaded), { k8sVersion });
  expect(b.scenario).toBe(loaded.story.id);
  for (const part of PARTS) expect(JSON.stringify(b[part]), part).toBe(JSON.stringify(a[part]));
}

describe('examples that rewrite built-in scenarios', () => {
  it('node-drain.yaml runs to the trace of node-drain', () => expectSameTrace(nodeDrain, 'node-drain.yaml'));
  it('replicaset-self-healing.yaml runs to the trace of replicaset-self-healing', () => expectSameTrace(replicasetSelfHealing, 'replicaset-self-healing.yaml'));

  it('a changed delay is seen (the comparison can fail)', () => {
    const loaded = load('node-drain.yaml');
    const slower = { ...loaded, story: { ...loaded.story, steps: loaded.story.steps.map((s) => (s.id === 'kubectl-uncordon' ? { ...s, after: 6000 } : s)) } };
    const k8sVersion = loaded.story.cluster.kubernetesVersion;
    expect(JSON.stringify(runScenario(compileStory(slower), { k8sVersion }).events)).not.toBe(JSON.stringify(runScenario(nodeDrain, { k8sVersion }).events));
  });
});

describe('every example', () => {
  const files = readdirSync(examples).filter((f) => f.endsWith('.yaml'));
  it('there are at least three', () => expect(files.length).toBeGreaterThanOrEqual(3));
  it.each(files)('%s loads, runs to its end and shows every step and cue', (file) => {
    const loaded = load(file);
    const trace = runScenario(compileStory(loaded));
    const shown = trace.events.flatMap((e) => (e.kind === 'step' ? [e.id] : []));
    expect(shown).toEqual(expect.arrayContaining([...loaded.story.steps.map((s) => s.id), ...(loaded.story.cues ?? []).map((c) => c.id)]));
  });
});

describe('cordon-and-scale.yaml (written in Korean first)', () => {
  it('places the scaled-out pods away from the cordoned node', () => {
    const trace = runScenario(compileStory(load('cordon-and-scale.yaml')));
    const last = trace.snapshots.at(-1);
    expect(last).toBeDefined();
    const decisions = trace.events.filter((e) => e.kind === 'decision');
    expect(decisions).toHaveLength(2);
    for (const d of decisions) {
      const chosen = d.kind === 'decision' ? d.decision.nodes.find((n) => n.name === 'worker-3') : undefined;
      expect(chosen?.feasible).toBe(false);
    }
  });
});

describe('the example in docs/scenario-files.md', () => {
  it('loads and runs: the pod it deletes exists, and the step after waits for the replacement', () => {
    const doc = readFileSync(new URL('../../../docs/scenario-files.md', import.meta.url), 'utf8');
    const yaml = /## A complete example\n\n```yaml\n([\s\S]*?)```/.exec(doc)?.[1] ?? '';
    const loaded = loadStoryOrThrow(yaml, 'docs/scenario-files.md');
    const trace = runScenario(compileStory(loaded), { k8sVersion: loaded.story.cluster.kubernetesVersion });
    expect(trace.events.some((e) => e.kind === 'message' && e.from === 'kubectl' && e.action === 'DELETE pod' && e.object === 'Pod/default/web-gbcfdgdgcg-d2k7w')).toBe(true);
    const at = (id: string): number => trace.events.find((e) => e.kind === 'step' && e.id === id)?.t ?? -1;
    expect(at('healed')).toBeGreaterThan(at('delete'));
  });
});
