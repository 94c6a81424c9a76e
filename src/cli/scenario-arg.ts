/**
 * The scenario a CLI command names: a built-in's id (`node-drain`) or the path of a scenario file
 * (`./story.yaml`). A file is read, checked (src/model/story) and compiled (src/sim/story); its
 * first mistake becomes the CLI's one-line error: `trace: story.yaml:12:5: steps[2]...: ...`.
 */
import { findScenario, SCENARIOS } from '../../scenes/index.ts';
import type { Lang } from '../model/localized.ts';
import { shownValue } from '../model/shown-value.ts';
import { loadStory, type LoadedStory } from '../model/story/load.ts';
import { formatStoryError } from '../model/story/story-error.ts';
import type { ScenarioDefinition } from '../sim/scenario.ts';
import { compileStory } from '../sim/story/compile.ts';
import type { CliIo } from './io.ts';
import { CliError } from './io.ts';

export interface ChosenScenario {
  readonly def: ScenarioDefinition;
  /** Set when the scenario came from a file: its text (for the browser) and what was read from it. */
  readonly file?: { readonly text: string; readonly loaded: LoadedStory };
}

/** A path rather than an id: it has a directory part or a file extension. */
export const looksLikeFile = (arg: string): boolean => /[/\\]/.test(arg) || /\.(ya?ml|json)$/i.test(arg);

export function chooseScenario(command: string, arg: string | undefined, io: CliIo, lang: Lang): ChosenScenario {
  const known = SCENARIOS.map((s) => s.id).join(', ');
  if (!arg) throw new CliError(`${command}: which scenario? one of: ${known}, or a scenario file (./story.yaml)`);
  const builtIn = looksLikeFile(arg) ? undefined : findScenario(arg);
  if (builtIn) return { def: builtIn };
  if (!looksLikeFile(arg)) throw new CliError(`${command}: unknown scenario ${shownValue(arg)} (known: ${known}; or give a scenario file such as ./story.yaml)`);
  const text = io.readFile(arg);
  const result = loadStory(text, arg);
  if (!result.ok) {
    const first = result.errors[0];
    throw new CliError(`${command}: ${first === undefined ? `${arg}: not a scenario file` : formatStoryError(first, lang)}`);
  }
  return { def: compileStory(result.loaded), file: { text, loaded: result.loaded } };
}
