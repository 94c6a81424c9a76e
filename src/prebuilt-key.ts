/**
 * Which run a prebuilt trace is (build/first-trace.ts writes it; src/prebuilt-trace.ts reads it).
 * Pure, no imports of the simulation: the shell checks a request against it before any of that loads.
 */
import type { ParamValue } from './sim/scenario.ts';

export interface PrebuiltKey {
  readonly scenario: string;
  readonly seed: number;
  readonly k8sVersion: string;
  readonly params: Readonly<Record<string, ParamValue>>;
}

export interface RunAsked {
  readonly seed: number;
  readonly k8sVersion: string;
  readonly params: Readonly<Record<string, ParamValue>>;
  readonly actions?: readonly unknown[];
}

const sorted = (params: Readonly<Record<string, ParamValue>>): string => JSON.stringify(Object.entries(params).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));

/** Whether running `scenario` with `request` is exactly the run `key` stands for (no commands, same inputs). */
export function isPrebuiltRun(key: PrebuiltKey, scenario: string, request: RunAsked): boolean {
  return (
    scenario === key.scenario &&
    request.seed === key.seed &&
    request.k8sVersion === key.k8sVersion &&
    (request.actions?.length ?? 0) === 0 &&
    sorted(request.params) === sorted(key.params)
  );
}
