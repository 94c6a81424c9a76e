/**
 * What a learner can do to the thing they clicked, as sandbox commands: a node (cordon or
 * uncordon, drain, power, network), a pod (delete), a Deployment (scale, set image, undo). Each is
 * a command line the command bar would take: `run` ones apply at once, the others open in the bar
 * for the learner to finish (a replica count, an image). Pure: reads the state on screen only.
 */
import type { Localized } from '../model/localized.ts';
import { text } from '../model/localized.ts';
import type { K8sObject } from '../model/objects.ts';
import { parseRef } from '../model/objects.ts';
import type { CommandOutcome } from '../sim/sandbox/timed-command.ts';

export interface ContextAction {
  /** Stable, for tests and data attributes: cordon, drain, power-off... */
  readonly id: string;
  readonly label: Localized;
  readonly command: string;
  /** True: apply at once. False: put in the command bar to complete (the cursor at its end). */
  readonly run: boolean;
}

/** What is on screen at the moment: the objects, the components' status, the commands given so far. */
export interface ContextMoment {
  readonly objects: ReadonlyMap<string, K8sObject>;
  readonly components: ReadonlyMap<string, string>;
  readonly commands: readonly CommandOutcome[];
  readonly simTime: number;
}

/** The node a click names: `kubelet/worker-2`, `containerd/worker-2`, `Node/worker-2`... */
export function nodeOfTarget(target: string): string | undefined {
  const component = /^(?:kubelet|containerd|kube-proxy|node)\/(.+)$/.exec(target);
  if (component) return component[1];
  return target.startsWith('Node/') ? target.slice('Node/'.length) : undefined;
}

/** The last of `kinds` the learner gave for `node` before now: which way a toggle stands. */
function lastFault(moment: ContextMoment, node: string, kinds: readonly string[]): string | undefined {
  let last: string | undefined;
  for (const c of moment.commands) {
    if (c.at > moment.simTime || !c.ok) continue;
    const words = c.command.trim().split(/\s+/);
    const verb = `${words[0] ?? ''} ${words[1] ?? ''}`;
    if (words[2] === node && kinds.includes(verb)) last = verb;
  }
  return last;
}

function nodeActions(node: string, moment: ContextMoment): ContextAction[] {
  const obj = moment.objects.get(`Node/${node}`);
  if (obj?.kind !== 'Node') return [];
  const poweredOff = lastFault(moment, node, ['node power-off', 'node power-on']) === 'node power-off';
  const cut = lastFault(moment, node, ['node disconnect', 'node reconnect']) === 'node disconnect';
  const cordoned = obj.spec.unschedulable === true;
  return [
    cordoned
      ? { id: 'uncordon', label: text('Uncordon', '코든 해제'), command: `kubectl uncordon ${node}`, run: true }
      : { id: 'cordon', label: text('Cordon', '코든'), command: `kubectl cordon ${node}`, run: true },
    { id: 'drain', label: text('Drain', '드레인'), command: `kubectl drain ${node} --ignore-daemonsets`, run: true },
    poweredOff
      ? { id: 'power-on', label: text('Power on', '전원 켜기'), command: `node power-on ${node}`, run: true }
      : { id: 'power-off', label: text('Power off', '전원 끄기'), command: `node power-off ${node}`, run: true },
    cut
      ? { id: 'reconnect', label: text('Reconnect', '네트워크 복구'), command: `node reconnect ${node}`, run: true }
      : { id: 'disconnect', label: text('Cut off', '네트워크 끊기'), command: `node disconnect ${node}`, run: true },
  ];
}

function deploymentActions(name: string, obj: K8sObject | undefined): ContextAction[] {
  if (obj?.kind !== 'Deployment') return [];
  const container = obj.spec.template.spec.containers[0]?.name ?? name;
  return [
    { id: 'scale', label: text('Scale…', '스케일…'), command: `kubectl scale deployment ${name} --replicas=${obj.spec.replicas}`, run: false },
    { id: 'set-image', label: text('Set image…', '이미지 변경…'), command: `kubectl set image deployment/${name} ${container}=`, run: false },
    { id: 'undo', label: text('Roll back', '롤백'), command: `kubectl rollout undo deployment/${name}`, run: true },
  ];
}

/** The actions for a clicked component id or ObjectRef at the moment on screen; none for others. */
export function contextActions(target: string, moment: ContextMoment): ContextAction[] {
  const node = nodeOfTarget(target);
  if (node !== undefined) return nodeActions(node, moment);
  if (!target.includes('/')) return [];
  const { kind, namespace, name } = parseRef(target);
  // The sandbox acts in the default namespace only (kube-system's pods are the cluster's own).
  if (namespace !== 'default') return [];
  const obj = moment.objects.get(target);
  if (kind === 'Pod' && obj?.kind === 'Pod' && !obj.metadata.deletionTimestamp) return [{ id: 'delete', label: text('Delete pod', '파드 삭제'), command: `kubectl delete pod ${name}`, run: true }];
  if (kind === 'Deployment') return deploymentActions(name, obj);
  if (kind === 'ReplicaSet') {
    const owner = obj?.metadata.ownerReferences?.find((o) => o.controller && o.kind === 'Deployment');
    return owner ? deploymentActions(owner.name, moment.objects.get(`Deployment/default/${owner.name}`)) : [];
  }
  return [];
}
