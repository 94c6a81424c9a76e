/**
 * Inserts a learner's timed commands into a run: each is applied when simulated time reaches its
 * `at` (commands given for the same moment run one after another, as `cmd1; cmd2` in a shell),
 * and the run goes on long enough for the new future to show.
 */
import type { Cluster } from '../cluster.ts';
import { applyCommand, recordUserStep } from './apply-command.ts';
import { narrateDrainStopped, narrateNodeEvictions, narrateNodeUnknown } from './captions.ts';
import type { TraceEvent } from '../trace.ts';
import type { SandboxAction } from '../../model/kubectl/actions.ts';
import type { CommandOutcome, TimedCommand } from './timed-command.ts';

/** After a command, the run goes on at least this long, so its effect plays out on stage. */
export const SETTLE_MS = 30_000;
/** ...or, after a fault the control plane only notices late, until it does (plus this). */
const NOTICE_MARGIN_MS = 15_000;
/** A command still running (a drain waiting on a budget) holds the end back at most this long. */
export const MAX_RUNNING_MS = 2 * 60_000;
/** What the list says of a command still waiting when the run ends (kube-apiserver waiting on a stopped etcd...). */
export const STILL_RUNNING = '(kubectl is still waiting for an answer)';

export interface InsertedCommands {
  /** The outcomes so far, in the order the commands were given. */
  outcomes(): readonly CommandOutcome[];
  /** The run may end now as far as the commands are concerned. */
  settled(now: number): boolean;
  /** The simulated time the commands need the run to reach (it grows as they are applied). */
  until(): number;
}

/** A fault the control plane notices only when the node's heartbeats stop (its node, or undefined). */
const silencedNode = (action: SandboxAction | undefined): string | undefined =>
  action?.kind === 'node-power-off' || action?.kind === 'node-disconnect' || action?.kind === 'kubelet-stop' ? action.node : undefined;

/**
 * How long the run should go on after this command. A node that goes silent is followed through
 * what the control plane does about it: Unknown after the grace period, its pods evicted once
 * their toleration of the unreachable taint runs out, and their replacements started.
 */
function settleAfter(cluster: Cluster, action: SandboxAction | undefined): number {
  if (action?.kind === 'wait') return action.seconds * 1000;
  const { nodeMonitorGraceMs, nodeMonitorPeriodMs, defaultTolerationSeconds } = cluster.rt.config;
  return silencedNode(action) !== undefined ? nodeMonitorGraceMs + nodeMonitorPeriodMs + defaultTolerationSeconds * 1000 + NOTICE_MARGIN_MS : SETTLE_MS;
}

/** Steps for what the control plane does about a silent node: Unknown, then its pods evicted. */
function followSilentNode(cluster: Cluster, node: string): void {
  const ref = `Node/${node}`;
  let phase: 'waiting' | 'unknown' | 'done' = 'waiting';
  cluster.rt.tracer.observe((e: TraceEvent) => {
    if (phase === 'done' || e.kind !== 'state') return;
    if (phase === 'waiting' && e.object === ref && e.value?.kind === 'Node' && e.value.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'Unknown')) {
      phase = 'unknown';
      recordUserStep(cluster, narrateNodeUnknown(node, cluster.rt.config));
    } else if (phase === 'unknown' && e.value?.kind === 'Pod' && e.value.spec.nodeName === node && e.changes.some((c) => c.path === 'metadata.deletionTimestamp')) {
      phase = 'done';
      recordUserStep(cluster, narrateNodeEvictions(node, cluster.rt.config));
    }
  });
}

export function insertCommands(cluster: Cluster, commands: readonly TimedCommand[]): InsertedCommands {
  let until = commands.reduce((end, c) => Math.max(end, c.at), 0);
  const results = commands.map((c) => ({ at: c.at, command: c.command, ok: true, output: [] as string[], done: false, doneAt: Number.POSITIVE_INFINITY }));
  // Group by moment, keeping the given order within a moment.
  const moments = new Map<number, number[]>();
  results.forEach((r, i) => moments.set(r.at, [...(moments.get(r.at) ?? []), i]));
  for (const [at, indexes] of [...moments].sort((a, b) => a[0] - b[0])) {
    const runFrom = (k: number): void => {
      const index = indexes[k];
      const result = index === undefined ? undefined : results[index];
      if (!result) return;
      // The node a drain acts on, known before its answer (which comes after the cordon and a LIST).
      let drained: string | undefined;
      const applied = applyCommand(cluster, result.command, {
        narrate: true,
        print: (line) => result.output.push(line),
        onDone: (ok) => {
          result.ok = ok;
          result.done = true;
          result.doneAt = cluster.now;
          // A drain refused after its cordon: its step promised evictions (the outcome says why not).
          const stopped = !ok && drained !== undefined ? result.output.find((line) => line.startsWith('error: unable to drain node')) : undefined;
          if (stopped !== undefined && drained !== undefined) recordUserStep(cluster, narrateDrainStopped(drained, stopped));
          runFrom(k + 1);
        },
      });
      const action = applied.ok ? applied.action : undefined;
      if (action?.kind === 'drain') drained = action.node;
      until = Math.max(until, cluster.now + settleAfter(cluster, action));
      const silent = result.ok ? silencedNode(action) : undefined;
      if (silent !== undefined) followSilentNode(cluster, silent);
    };
    cluster.rt.clock.after(() => runFrom(0), at);
  }
  return {
    until: () => until,
    outcomes: () => results.map(({ at, command, ok, output, done, doneAt }) => (done ? { at, command, ok, output: [...output], doneAt } : { at, command, ok: false, output: [...output, STILL_RUNNING] })),
    settled: (now) => now >= until && results.every((r) => (r.done ? now >= r.doneAt : now >= r.at + MAX_RUNNING_MS)),
  };
}
