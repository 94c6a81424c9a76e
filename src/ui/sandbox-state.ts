/**
 * The learner's what-if in one session: the commands given so far (in simulated-time order) and
 * what Undo goes back to. Pure: the app runs the simulation and shows the traces; this only keeps
 * the lists. Each undo entry keeps the trace it had, so Undo shows exactly the earlier run
 * (same events, same frame) without running it again.
 */
import type { TimedCommand } from '../sim/sandbox/timed-command.ts';

/** Enough to walk a session back; each entry holds a whole trace, so not unbounded. */
export const UNDO_DEPTH = 30;

export interface SandboxVersion<T> {
  readonly actions: readonly TimedCommand[];
  readonly trace: T;
}

/** `list` with `action` after every command at or before its time (commands given later run later). */
export function insertAction(list: readonly TimedCommand[], action: TimedCommand): TimedCommand[] {
  const at = list.findIndex((a) => a.at > action.at);
  return at < 0 ? [...list, action] : [...list.slice(0, at), action, ...list.slice(at)];
}

export function removeAction(list: readonly TimedCommand[], index: number): TimedCommand[] {
  return list.filter((_, i) => i !== index);
}

export interface SandboxSession<T> {
  actions(): readonly TimedCommand[];
  /** A new scenario or link: these commands, nothing to undo. */
  reset(actions: readonly TimedCommand[]): void;
  /** `next` now runs; `previous` (the trace shown until now) is what Undo brings back. */
  change(next: readonly TimedCommand[], previous: T): void;
  canUndo(): boolean;
  /** The version before the last change (now current again), or undefined when there is none. */
  undo(): SandboxVersion<T> | undefined;
}

export function createSandboxSession<T>(initial: readonly TimedCommand[] = []): SandboxSession<T> {
  let current: readonly TimedCommand[] = initial;
  const history: SandboxVersion<T>[] = [];
  return {
    actions: () => current,
    reset(actions) {
      current = actions;
      history.length = 0;
    },
    change(next, previous) {
      history.push({ actions: current, trace: previous });
      if (history.length > UNDO_DEPTH) history.shift();
      current = next;
    },
    canUndo: () => history.length > 0,
    undo() {
      const version = history.pop();
      if (version) current = version.actions;
      return version;
    },
  };
}
