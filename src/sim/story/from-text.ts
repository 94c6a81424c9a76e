/** A scenario file's text straight to a ScenarioDefinition, for the app page the CLI's export opens. */
import { loadStoryOrThrow } from '../../model/story/load.ts';
import type { ScenarioDefinition } from '../scenario.ts';
import { compileStory } from './compile.ts';

/** Throws StoryFileError (file:line:col: path: message) when the file has a mistake. */
export function scenarioFromText(text: string, file: string): ScenarioDefinition {
  return compileStory(loadStoryOrThrow(text, file));
}
