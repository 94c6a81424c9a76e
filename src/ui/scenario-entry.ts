import type { ScenarioDefinition } from '../sim/scenario.ts';
import type { ScenarioEntry } from './ports.ts';

/** A scenario whose code is at hand already (a scenario file's, a test's) as an entry the UI can offer. */
export function loadedEntry(def: ScenarioDefinition): ScenarioEntry {
  return { ...def, load: () => Promise.resolve(def), loaded: () => def };
}
