// formatAction: the canonical command line for an action, for the list of the learner's actions
// and the URL. parseCommand(formatAction(a)) gives back an equal action.
import type { LabelPair, ResourceRef, SandboxAction } from './actions.ts';
import { quoteWord } from './tokenize.ts';
import { formatDuration } from './validation.ts';

const line = (...words: readonly (string | undefined)[]): string =>
  words.filter((w): w is string => w !== undefined).join(' ');
const q = quoteWord;
const opt = <T>(value: T | undefined, render: (v: T) => string): string | undefined => (value === undefined ? undefined : render(value));
const ref = (r: ResourceRef<string>): string => q(`${r.resource}/${r.name}`);
const pairs = (labels: readonly LabelPair[]): string[] => labels.map((l) => q(`${l.key}=${l.value}`));
const bool = (on: boolean, flag: string): string | undefined => (on ? flag : undefined);

/** A heredoc delimiter that no manifest line equals. */
function delimiterFor(manifest: string): string {
  const lines = new Set(manifest.split('\n'));
  let delimiter = 'EOF';
  for (let n = 1; lines.has(delimiter); n++) delimiter = `EOF${n}`;
  return delimiter;
}

export function formatAction(action: SandboxAction): string {
  switch (action.kind) {
    case 'run':
      return line(
        'kubectl run',
        q(action.name),
        `--image=${q(action.image)}`,
        action.labels.length > 0 ? `--labels=${q(action.labels.map((l) => `${l.key}=${l.value}`).join(','))}` : undefined,
        opt(action.port, (p) => `--port=${p}`),
      );
    case 'create-deployment':
      return line(
        'kubectl create deployment',
        q(action.name),
        ...action.images.map((image) => `--image=${q(image)}`),
        action.replicas === 1 ? undefined : `--replicas=${action.replicas}`,
        opt(action.port, (p) => `--port=${p}`),
      );
    case 'apply': {
      const delimiter = delimiterFor(action.manifest);
      return `kubectl apply -f - <<'${delimiter}'\n${action.manifest}\n${delimiter}`;
    }
    case 'scale':
      return line('kubectl scale', ref(action.target), `--replicas=${action.replicas}`);
    case 'set-image':
      return line('kubectl set image', ref({ resource: 'deployment', name: action.deployment }), ...action.images.map((i) => q(`${i.container}=${i.image}`)));
    case 'rollout-undo':
      return line('kubectl rollout undo', ref({ resource: 'deployment', name: action.deployment }), opt(action.toRevision, (r) => `--to-revision=${r}`));
    case 'rollout-status':
      return line('kubectl rollout status', ref({ resource: 'deployment', name: action.deployment }));
    case 'delete':
      return line('kubectl delete', ...action.targets.map(ref), opt(action.gracePeriod, (g) => `--grace-period=${g}`), bool(action.force, '--force'));
    case 'expose':
      return line(
        'kubectl expose',
        ref(action.target),
        opt(action.port, (p) => `--port=${p}`),
        opt(action.targetPort, (p) => `--target-port=${p}`),
        opt(action.serviceName, (n) => `--name=${q(n)}`),
        action.type === 'ClusterIP' ? undefined : `--type=${action.type}`,
      );
    case 'cordon':
    case 'uncordon':
      return line('kubectl', action.kind, q(action.node));
    case 'drain':
      return line(
        'kubectl drain',
        q(action.node),
        bool(action.ignoreDaemonsets, '--ignore-daemonsets'),
        bool(action.deleteEmptydirData, '--delete-emptydir-data'),
        bool(action.force, '--force'),
        opt(action.gracePeriod, (g) => `--grace-period=${g}`),
      );
    case 'taint':
      return line(
        'kubectl taint nodes',
        ...action.nodes.map(q),
        ...action.add.map((t) => q(`${t.key}${t.value === '' ? '' : `=${t.value}`}:${t.effect}`)),
        ...action.remove.map((t) => q(`${t.key}${t.effect === undefined ? '' : `:${t.effect}`}-`)),
        bool(action.overwrite, '--overwrite'),
      );
    case 'label':
      return line(
        'kubectl label',
        `${action.resource}s`,
        ...action.names.map(q),
        ...pairs(action.set),
        ...action.remove.map((key) => q(`${key}-`)),
        bool(action.overwrite, '--overwrite'),
      );
    case 'node-power-off':
      return line('node power-off', q(action.node));
    case 'node-power-on':
      return line('node power-on', q(action.node));
    case 'node-disconnect':
      return line('node disconnect', q(action.node));
    case 'node-reconnect':
      return line('node reconnect', q(action.node));
    case 'kubelet-stop':
      return line('kubelet stop', q(action.node));
    case 'kubelet-start':
      return line('kubelet start', q(action.node));
    case 'etcd-stop':
      return line('etcd stop', q(action.member));
    case 'etcd-start':
      return line('etcd start', q(action.member));
    case 'wait':
      return line('wait', formatDuration(action.seconds));
  }
}
