/**
 * When a command typed in the bar runs. On the stage's clock, the learner's earlier command may
 * still be waiting for its answer (the create typed a second ago is still on its way to etcd):
 * like a shell, which runs the next line once the last has returned, the new command then runs
 * when that answer comes, so `kubectl create deployment web …` followed by `kubectl scale
 * deployment web …` finds the Deployment instead of a NotFound.
 */
import type { CommandOutcome } from '../sim/sandbox/timed-command.ts';

/**
 * The simulated ms a command typed at `simTime` runs at: `simTime`, or later, once every command
 * given at or before that moment has had its answer. A command that never had one in the run (a
 * drain still waiting on a budget) does not hold the next back: the learner typed on, as into a
 * second terminal.
 */
export function commandMoment(simTime: number, outcomes: readonly CommandOutcome[]): number {
  let at = Math.max(0, Math.round(simTime));
  // Each wait can put the command after a later one's answer: go on until nothing moves it.
  for (let moved = true; moved; ) {
    moved = false;
    for (const c of outcomes) {
      if (c.at <= at && c.doneAt !== undefined && c.doneAt > at) {
        at = c.doneAt;
        moved = true;
      }
    }
  }
  return at;
}
