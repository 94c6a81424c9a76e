/**
 * One learner's command applied to a running simulation: parsed against the names in the cluster
 * at that moment (a bad command changes nothing and answers as kubectl would), narrated as a step
 * when asked, then given its effect through the same calls the built-in scenarios make.
 */
import type { SandboxAction } from '../../model/kubectl/actions.ts';
import { formatAction } from '../../model/kubectl/format.ts';
import { parseCommand } from '../../model/kubectl/parse.ts';
import type { MissingObject } from '../../model/kubectl/command-error.ts';

import type { Cluster } from '../cluster.ts';
import { narrateAction, narrateOverBudget, narrateRefusal, type ActionNarration } from './captions.ts';
import { namesIn } from './cluster-names.ts';
import { apply } from './effects/apply.ts';
import { overPodBudget, podBudgetError } from './pod-budget.ts';
import { refFor, type EffectContext } from './effects/context.ts';
import { etcdFault, nodeFault } from './effects/faults.ts';
import { cordon, drain, label, taint } from './effects/nodes.ts';
import { setImage, status, undo } from './effects/rollouts.ts';
import { createDeployment, expose, remove, run, scale } from './effects/workloads.ts';

export interface ApplyCommandOptions {
  /** Record a `you-N` step with a generated caption (the sandbox); false when a file step narrates itself. */
  readonly narrate: boolean;
  /** Each line kubectl prints, as it prints it. */
  readonly print?: (line: string) => void;
  /** kubectl has finished (drain printed "drained", a rollout status returned...) or the command was refused. */
  readonly onDone?: (ok: boolean) => void;
}

export type ApplyResult = { readonly ok: true; readonly action: SandboxAction } | { readonly ok: false; readonly error: string };

/** Step ids of the learner's commands start with this. */
export const USER_STEP_PREFIX = 'you-';

/** Per run: how many learner steps were recorded, for their ids. */
const userSteps = new WeakMap<Cluster, number>();

function effect(ctx: EffectContext, action: SandboxAction): void {
  switch (action.kind) {
    case 'run':
      return run(ctx, action);
    case 'create-deployment':
      return createDeployment(ctx, action);
    case 'apply':
      return apply(ctx, action);
    case 'scale':
      return scale(ctx, action);
    case 'set-image':
      return setImage(ctx, action);
    case 'rollout-undo':
      return undo(ctx, action);
    case 'rollout-status':
      return status(ctx, action);
    case 'delete':
      return remove(ctx, action);
    case 'expose':
      return expose(ctx, action);
    case 'cordon':
    case 'uncordon':
      return cordon(ctx, action);
    case 'drain':
      return drain(ctx, action);
    case 'taint':
      return taint(ctx, action);
    case 'label':
      return label(ctx, action);
    case 'node-power-off':
    case 'node-power-on':
    case 'node-disconnect':
    case 'node-reconnect':
    case 'kubelet-stop':
    case 'kubelet-start':
      return nodeFault(ctx, action);
    case 'etcd-stop':
    case 'etcd-start':
      return etcdFault(ctx, action);
    case 'wait':
      // Time passing is the runner's business (it runs on at least this long).
      return ctx.done(true);
  }
}

/** Records the next `you-N` step (a learner's command, or the cluster's reaction to one). */
export function recordUserStep(cluster: Cluster, narration: ActionNarration): void {
  const n = (userSteps.get(cluster) ?? 0) + 1;
  userSteps.set(cluster, n);
  cluster.step(`${USER_STEP_PREFIX}${n}`, narration.caption, narration.focus);
}

export function applyCommand(cluster: Cluster, command: string, options: ApplyCommandOptions): ApplyResult {
  const print = options.print ?? (() => undefined);
  let finished = false;
  const done = (ok: boolean): void => {
    if (finished) return;
    finished = true;
    options.onDone?.(ok);
  };
  const parsed = parseCommand(command, namesIn(cluster));
  if (!parsed.ok) {
    if (options.narrate) recordUserStep(cluster, narrateRefusal(command.split('\n')[0] ?? command, parsed.error));
    if (parsed.missing) askAnyway(cluster, command, parsed.missing);
    print(parsed.error);
    done(false);
    return parsed;
  }
  const tooMany = overPodBudget(parsed.action, cluster.objects());
  if (tooMany !== undefined) {
    if (options.narrate) recordUserStep(cluster, narrateOverBudget(command.split('\n')[0] ?? command, tooMany));
    const error = podBudgetError(tooMany);
    print(error);
    done(false);
    return { ok: false, error };
  }
  if (options.narrate) recordUserStep(cluster, narrateAction(shownCommand(command, parsed.action), parsed.action, cluster.rt.config));
  effect({ cluster, print, done }, parsed.action);
  return parsed;
}

/** The command as a caption shows it: as typed (its first line: an apply's manifest left out). */
function shownCommand(typed: string, action: SandboxAction): string {
  const first = typed.trim().split('\n')[0]?.trim() ?? '';
  if (action.kind === 'apply') return first.replace(/\s*<<.*$/, '');
  return first === '' ? formatAction(action) : first;
}

/**
 * A NotFound is kube-apiserver's answer, not kubectl's: kubectl sends its request (DELETE for
 * delete, else the GET it starts with) and the 404 comes back. The parser already knows the
 * answer; the request is sent so the picture shows who said no.
 */
function askAnyway(cluster: Cluster, command: string, missing: MissingObject): void {
  const ref = refFor(missing.resource, missing.name);
  const deleting = /^\s*(?:kubectl\s+|k\s+)?delete\b/.test(command);
  cluster.kubectl(`${deleting ? 'DELETE' : 'GET'} ${missing.resource}`, deleting ? { verb: 'delete', ref } : { verb: 'get', ref });
}
