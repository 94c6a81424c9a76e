/**
 * INTERIM, until applyCommand (src/sim/sandbox/apply-command.ts) lands: the few commands the
 * example files use, making the calls the built-in scenarios make. Same signature, so switching
 * is a one-line import change in compile.ts.
 */
import { parseCommand } from '../../model/kubectl/parse.ts';
import type { Cluster } from '../cluster.ts';
import { drain, setCordon } from '../kubectl/drain.ts';

export interface ApplyCommandOptions {
  readonly narrate: boolean;
  readonly print?: (line: string) => void;
  readonly onDone?: (ok: boolean) => void;
}

function namesOf(cluster: Cluster): Parameters<typeof parseCommand>[1] {
  const named = (kind: string): string[] => Object.values(cluster.objects()).filter((o) => o.kind === kind && (o.metadata.namespace ?? 'default') === 'default').map((o) => o.metadata.name);
  return { pods: named('Pod'), deployments: named('Deployment'), replicasets: named('ReplicaSet'), services: named('Service'), nodes: [...cluster.nodeNames], etcdMembers: [] };
}

export function applyCommand(cluster: Cluster, command: string, options: ApplyCommandOptions): { ok: true } | { ok: false; error: string } {
  const parsed = parseCommand(command, namesOf(cluster));
  const done = (ok: boolean): void => options.onDone?.(ok);
  if (!parsed.ok) {
    done(false);
    return parsed;
  }
  const action = parsed.action;
  switch (action.kind) {
    case 'cordon':
    case 'uncordon':
      setCordon(cluster, action.node, action.kind === 'cordon', options.print, () => done(true));
      return { ok: true };
    case 'drain':
      drain(cluster, action.node, { ignoreDaemonSets: action.ignoreDaemonsets, force: action.force }, options.print, done);
      return { ok: true };
    case 'delete':
      for (const t of action.targets) cluster.delete(`${t.resource === 'pod' ? 'Pod' : t.resource === 'service' ? 'Service' : t.resource === 'deployment' ? 'Deployment' : 'ReplicaSet'}/default/${t.name}`, `DELETE ${t.resource}`);
      done(true);
      return { ok: true };
    case 'scale':
      cluster.scale(action.target.name, action.replicas);
      done(true);
      return { ok: true };
    case 'node-power-off':
      cluster.stopNode(action.node);
      done(true);
      return { ok: true };
    case 'node-power-on':
      cluster.startNode(action.node);
      done(true);
      return { ok: true };
    default:
      done(false);
      return { ok: false, error: `kubedeck: ${action.kind} is not applied yet (interim)` };
  }
}
