/**
 * Checks across fields that the schema cannot make alone: ids used once, names that refer to
 * the file's own nodes, the command budget and each command's syntax.
 */
import { checkK8sVersion } from '../k8s/versions.ts';
import type { ClusterNames } from '../kubectl/cluster-names.ts';
import type { Words } from './bilingual.ts';
import { commandProblem } from './command-check.ts';
import { STORY_LIMITS } from './limits.ts';
import type { StoryFile } from './schema.ts';

export interface FieldProblem {
  readonly path: readonly PropertyKey[];
  readonly message: Words;
}

/** Node components (kubelet/NODE...) must name a node of the file. */
const NODE_COMPONENT = /^(kubelet|containerd|kube-proxy|node)\/(.+)$/;

function focusProblems(focus: readonly string[] | undefined, nodes: ReadonlySet<string>, at: readonly PropertyKey[]): FieldProblem[] {
  return (focus ?? []).flatMap((id, i) => {
    const node = NODE_COMPONENT.exec(id)?.[2];
    return node !== undefined && !nodes.has(node) ? [{ path: [...at, 'focus', i], message: { en: `no node "${node}" in cluster.nodes`, ko: `cluster.nodes에 "${node}" 노드가 없습니다` } }] : [];
  });
}

export function semanticProblems(story: StoryFile, names: ClusterNames): FieldProblem[] {
  const out: FieldProblem[] = [];
  const nodes = new Set(story.cluster.nodes.map((n) => n.name));
  story.cluster.nodes.forEach((n, i) => {
    if (story.cluster.nodes.findIndex((m) => m.name === n.name) !== i) out.push({ path: ['cluster', 'nodes', i, 'name'], message: { en: `node "${n.name}" is listed twice`, ko: `"${n.name}" 노드가 두 번 나옵니다` } });
  });
  const version = story.cluster.kubernetesVersion;
  if (version !== undefined) {
    const checked = checkK8sVersion(version);
    if (!checked.ok) out.push({ path: ['cluster', 'kubernetesVersion'], message: { en: checked.message, ko: `kubedeck이 모르는 Kubernetes 버전입니다: ${checked.message}` } });
  }
  const ids = new Set<string>();
  const once = (id: string, path: readonly PropertyKey[]): void => {
    if (ids.has(id)) out.push({ path, message: { en: `id "${id}" is used by an earlier step or cue`, ko: `id "${id}"는 앞의 단계나 큐가 이미 쓰고 있습니다` } });
    ids.add(id);
  };
  let commands = 0;
  story.steps.forEach((step, s) => {
    once(step.id, ['steps', s, 'id']);
    out.push(...focusProblems(step.focus, nodes, ['steps', s]));
    (step.commands ?? []).forEach((command, c) => {
      commands++;
      if (commands === STORY_LIMITS.commands + 1) {
        out.push({ path: ['steps', s, 'commands', c], message: { en: `too many commands: at most ${STORY_LIMITS.commands} in a file`, ko: `명령이 너무 많습니다: 파일 하나에 최대 ${STORY_LIMITS.commands}개입니다` } });
      }
      const problem = commandProblem(command, names);
      if (problem !== undefined) out.push({ path: ['steps', s, 'commands', c], message: problem });
    });
  });
  let lastAt = 0;
  (story.actions ?? []).forEach((action, a) => {
    commands++;
    if (commands === STORY_LIMITS.commands + 1) {
      out.push({ path: ['actions', a, 'command'], message: { en: `too many commands: at most ${STORY_LIMITS.commands} in a file`, ko: `명령이 너무 많습니다: 파일 하나에 최대 ${STORY_LIMITS.commands}개입니다` } });
    }
    if (action.at < lastAt) out.push({ path: ['actions', a, 'at'], message: { en: 'actions must be in time order', ko: 'actions는 시간 순서대로 적어야 합니다' } });
    lastAt = action.at;
    const problem = commandProblem(action.command, names);
    if (problem !== undefined) out.push({ path: ['actions', a, 'command'], message: problem });
  });
  (story.cues ?? []).forEach((cue, c) => {
    once(cue.id, ['cues', c, 'id']);
    out.push(...focusProblems(cue.focus, nodes, ['cues', c]));
  });
  for (const [deployment, list] of Object.entries(story.placement ?? {})) {
    if (!names.deployments.includes(deployment)) {
      out.push({ path: ['placement', deployment], message: { en: `no Deployment "${deployment}" among the objects`, ko: `objects에 "${deployment}" 디플로이먼트가 없습니다` } });
    }
    list.forEach((node, i) => {
      if (!nodes.has(node)) out.push({ path: ['placement', deployment, i], message: { en: `no node "${node}" in cluster.nodes`, ko: `cluster.nodes에 "${node}" 노드가 없습니다` } });
    });
  }
  return out;
}
