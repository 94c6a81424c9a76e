/**
 * How many replicas a command line asks for (`--replicas=N`, `--replicas N`, `-r N`, `-rN`,
 * `-r=N`), read from its words alone: no parser, no cluster. The app asks before the command bar's
 * kubectl has loaded (a link's commands, at first load) whether a run will be big enough to need
 * slices; the simulation still parses and judges the command itself.
 */
import { tokenize } from './tokenize.ts';

const COUNT = /^[0-9]+$/;

/** The largest replica count the line asks for; 0 when it asks for none (or not as a plain number). */
export function replicasAsked(line: string): number {
  const words = tokenize(line).words.map((w) => w.text);
  let most = 0;
  for (let i = 0; i < words.length; i++) {
    const word = words[i] ?? '';
    if (word === '--') break;
    const value = flagValue(word, words[i + 1]);
    if (value !== undefined && COUNT.test(value)) most = Math.max(most, Number(value));
  }
  return most;
}

/** The value `word` gives --replicas (or its shorthand -r), taking the next word when it has none of its own. */
function flagValue(word: string, next: string | undefined): string | undefined {
  if (word === '--replicas' || word === '-r') return next;
  if (word.startsWith('--replicas=')) return word.slice('--replicas='.length);
  if (word.startsWith('-r=')) return word.slice(3);
  if (word.startsWith('-r') && !word.startsWith('--')) return word.slice(2);
  return undefined;
}
