// Save as scenario: sandbox -> file -> trace equals the sandbox's trace.
import { describe, expect, it } from 'vitest';
import { sandbox } from '../../../scenes/sandbox.ts';
import { sandboxAsFile } from '../../../scenes/sandbox-file.ts';
import { loadStory } from '../../../src/model/story/load.ts';
import { runScenario } from '../../../src/sim/run.ts';
import { scenarioFromText } from '../../../src/sim/story/from-text.ts';
import type { TimedCommand } from '../../../src/sim/sandbox/timed-command.ts';
import type { Trace } from '../../../src/sim/trace.ts';

const withoutId = (t: Trace): string => JSON.stringify({ ...t, scenario: '' });

const SESSIONS: readonly (readonly [string, number, '1.31' | '1.37', readonly TimedCommand[]])[] = [
  ['the example', 3, '1.37', sandbox.example ?? []],
  ['no commands', 1, '1.37', []],
  [
    'faults, a refused command and a manifest',
    5,
    '1.31',
    [
      { at: 2000, command: 'kubectl create deployment api --image=nginx:1.27 --replicas=4' },
      { at: 9000, command: 'kubectl delete pod nothere' },
      { at: 9000, command: "kubectl apply -f - <<'EOF'\napiVersion: v1\nkind: Service\nmetadata:\n  name: api\nspec:\n  selector: {app: api}\n  ports:\n  - port: 80\nEOF" },
      { at: 15_000, command: 'node power-off worker-2' },
      { at: 80_000, command: 'kubectl drain worker-1 --ignore-daemonsets' },
    ],
  ],
];

describe('save as scenario', () => {
  it.each(SESSIONS)('%s: the saved file plays the same trace', (_name, nodes, k8sVersion, commands) => {
    const text = sandboxAsFile({ nodes, k8sVersion, commands });
    const loaded = loadStory(text, 'my-sandbox.yaml');
    expect(loaded.ok ? [] : loaded.errors).toEqual([]);
    const played = runScenario(sandbox, { params: { nodes }, k8sVersion, actions: commands });
    const fromFile = runScenario(scenarioFromText(text, 'my-sandbox.yaml'), { k8sVersion });
    expect(withoutId(fromFile)).toBe(withoutId(played));
  });

  it('writes plain YAML a person can edit: no anchors, commands verbatim, times in ms', () => {
    const text = sandboxAsFile({ nodes: 2, k8sVersion: '1.37', commands: [{ at: 6500, command: 'kubectl run web --image=nginx' }] });
    expect(text).not.toMatch(/[&*]a\d/);
    expect(text).toContain('  - at: 6500ms\n    command: kubectl run web --image=nginx\n');
    expect(text).toContain('kind: Scenario');
  });
});
