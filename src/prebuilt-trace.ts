/**
 * The default view's trace, made at build time (build/first-trace.ts) by the same simulation, so
 * the first frame of `/` needs none of the simulation's code: it loads after that frame. A request
 * for any other run, a dev server or the single-file build gets undefined, and the app simulates.
 */
import FIRST from 'virtual:kubedeck-first-trace';
import type { Trace } from './sim/trace.ts';
import { isPrebuiltRun, type RunAsked } from './prebuilt-key.ts';

let fetching: Promise<Trace> | undefined;

/** Starts fetching the prebuilt trace (once); main.ts calls it as early as it can. */
export function fetchPrebuilt(): Promise<Trace> | undefined {
  const first = FIRST;
  if (first === undefined) return undefined;
  fetching ??= fetch(new URL(first.file, import.meta.url)).then(async (response) => {
    if (!response.ok) throw new Error(`${first.file}: HTTP ${response.status}`);
    // The build's own output for exactly this run: made by the simulation there, not checked again here.
    const trace = (await response.json()) as Trace;
    if (trace.version !== 1 || trace.scenario !== first.key.scenario) throw new Error(`${first.file} is not the ${first.key.scenario} trace`);
    return trace;
  });
  return fetching;
}

/** The prebuilt trace when `scenario` run with `request` is its run, else undefined. */
export function prebuiltTrace(scenario: string, request: RunAsked): Promise<Trace> | undefined {
  return FIRST !== undefined && isPrebuiltRun(FIRST.key, scenario, request) ? fetchPrebuilt() : undefined;
}

/** Whether a link's query may be the prebuilt run: it names no input of a run but the scenario (main.ts fetches the simulation early otherwise). */
export function mayBePrebuilt(query: URLSearchParams, defaultScenario: string): boolean {
  if (FIRST === undefined || (query.get('scenario') ?? defaultScenario) !== FIRST.key.scenario) return false;
  const viewOnly = new Set(['scenario', 'step', 'lang', 'theme', 'background']);
  return [...query.keys()].every((k) => viewOnly.has(k));
}
