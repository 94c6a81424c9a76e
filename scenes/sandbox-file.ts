/**
 * Save as scenario: what a learner did in the sandbox, written out as a scenario file
 * (docs/scenario-files.md). The file holds the sandbox's cluster, its intro, and the learner's
 * commands as `actions` at the times they were given, so it plays the same trace; an author can
 * then turn commands into steps with captions of their own.
 */
import { stringify } from 'yaml';
import type { K8sVersion } from '../src/model/k8s/versions.ts';
import { STORY_API_VERSION } from '../src/model/story/schema.ts';
import type { TimedCommand } from '../src/sim/sandbox/timed-command.ts';
import { kubeProxyDaemonSet } from '../src/sim/seed-daemonset.ts';
import { IDLE_MS, INTRO_AT_MS, INTRO_FOCUS, INTRO_STEP, introCaption, SANDBOX_NODE, sandboxNodeName, sandboxZoneOf } from './sandbox.ts';

export interface SandboxSession {
  readonly nodes: number;
  readonly k8sVersion: K8sVersion;
  readonly commands: readonly TimedCommand[];
}

const HEADER = `# Saved from the kubedeck sandbox. It plays what was done there: the cluster, its intro, and each
# command at the time it was given (actions). To tell it as a story, move commands into steps
# with captions of your own (docs/scenario-files.md). Editors check this file against
# schema/kubedeck-scenario.schema.json (yaml-language-server: add a $schema comment naming it).
`;

/** The scenario file for a sandbox session. */
export function sandboxAsFile(session: SandboxSession, id = 'my-sandbox'): string {
  const story = {
    apiVersion: STORY_API_VERSION,
    kind: 'Scenario',
    id,
    title: { en: 'My sandbox', ko: '나의 샌드박스' },
    summary: { en: 'Commands tried in the kubedeck sandbox.', ko: 'kubedeck 샌드박스에서 해 본 명령들.' },
    cluster: {
      kubernetesVersion: session.k8sVersion,
      nodes: Array.from({ length: session.nodes }, (_, i) => ({ name: sandboxNodeName(i), cpu: SANDBOX_NODE.cpu, memory: SANDBOX_NODE.memory, zone: sandboxZoneOf(i) })),
    },
    objects: [kubeProxyDaemonSet(session.k8sVersion)],
    steps: [{ id: INTRO_STEP, after: `${INTRO_AT_MS}ms`, caption: introCaption(session.nodes), focus: [...INTRO_FOCUS] }],
    ...(session.commands.length > 0 ? { actions: session.commands.map((c) => ({ at: `${c.at}ms`, command: c.command })) } : {}),
    finish: { after: `${IDLE_MS}ms` },
  };
  return HEADER + stringify(story, { lineWidth: 0, aliasDuplicateObjects: false });
}
