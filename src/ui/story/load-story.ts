/**
 * A scenario file, from this computer (opened or dropped) or from a `file=` link, to a
 * ScenarioDefinition, or the reason it cannot be one. `compile` is the app's port to the
 * validator (loaded on demand, so it stays out of the first load). Never throws.
 */
import type { ScenarioDefinition } from '../../sim/scenario.ts';
import { fetchStoryText } from './fetch-file.ts';
import { problemFromError, type FileProblem } from './file-problem.ts';
import { readFileText } from './read-bounded.ts';

export type Compile = (text: string, name: string) => Promise<ScenarioDefinition>;

export type Opened = { readonly ok: true; readonly scenario: ScenarioDefinition } | { readonly ok: false; readonly problem: FileProblem };

async function compiled(text: string, name: string, compile: Compile): Promise<Opened> {
  try {
    return { ok: true, scenario: await compile(text, name) };
  } catch (error) {
    return { ok: false, problem: problemFromError(error, name, 'compile') };
  }
}

/** A File from the open dialog or a drop (a dropped folder fails to read: 'unreadable'). */
export async function storyFromFile(file: File, compile: Compile): Promise<Opened> {
  let text: string;
  try {
    text = await readFileText(file);
  } catch (error) {
    return { ok: false, problem: problemFromError(error, file.name, 'read') };
  }
  return compiled(text, file.name, compile);
}

/** A `file=` link's value, checked against the page and its allow-list, then fetched. */
export async function storyFromLink(raw: string, pageHref: string, originsMeta: string | null, compile: Compile, fetchFn?: typeof fetch): Promise<Opened> {
  const fetched = await fetchStoryText(raw, pageHref, originsMeta, fetchFn);
  return fetched.ok ? compiled(fetched.text, fetched.name, compile) : fetched;
}
