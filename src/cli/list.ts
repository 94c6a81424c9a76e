/** `kubedeck list`: the scenarios in learning-path order, one line each. */
import { SCENARIOS } from '../../scenes/index.ts';
import type { Lang } from '../model/localized.ts';
import type { CliIo } from './io.ts';
import { CliError, EXIT_OK } from './io.ts';
import { parseFlags } from './args.ts';
import { shownValue } from '../model/shown-value.ts';

export function listCommand(args: readonly string[], io: CliIo): number {
  const { values } = parseFlags('list', args, { lang: { type: 'string' }, json: { type: 'boolean' } });
  const lang = (values.lang ?? 'en') as string;
  if (lang !== 'en' && lang !== 'ko') throw new CliError(`list: --lang must be en or ko, got ${shownValue(lang)}`);
  if (values.json === true) {
    for (const s of SCENARIOS) io.out(JSON.stringify({ id: s.id, title: s.title[lang as Lang], summary: s.summary[lang as Lang], params: s.params.map((p) => p.id) }));
    return EXIT_OK;
  }
  const width = Math.max(...SCENARIOS.map((s) => s.id.length));
  SCENARIOS.forEach((s, i) => io.out(`${String(i + 1).padStart(2)}. ${s.id.padEnd(width)}  ${s.summary[lang as Lang]}`));
  return EXIT_OK;
}
