/** `kubedeck trace <scenario>`: what happens, step by step, as a numbered list or JSON lines. */
import { findScenario, SCENARIOS } from '../../scenes/index.ts';
import type { Lang } from '../model/localized.ts';
import { ScenarioInputError } from '../sim/params.ts';
import { runScenario } from '../sim/run.ts';
import type { MessageEvent, TraceEvent } from '../sim/trace.ts';
import { routineOf } from '../timeline/routine.ts';
import { shownValue } from '../model/shown-value.ts';
import { parseFlags } from './args.ts';
import { parseInteger, parseParamFlags } from './flag-values.ts';
import type { CliIo } from './io.ts';
import { CliError, EXIT_OK } from './io.ts';
import { eventJson, eventLine } from './trace-format.ts';

export function traceCommand(args: readonly string[], io: CliIo): number {
  const { values, positionals } = parseFlags('trace', args, {
    seed: { type: 'string' },
    k8s: { type: 'string' },
    lang: { type: 'string' },
    json: { type: 'boolean' },
    verbose: { type: 'boolean' },
    param: { type: 'string', multiple: true },
  });
  const id = positionals[0];
  if (!id) throw new CliError(`trace: which scenario? one of: ${SCENARIOS.map((s) => s.id).join(', ')}`);
  const def = findScenario(id);
  if (!def) throw new CliError(`trace: unknown scenario ${shownValue(id)} (known: ${SCENARIOS.map((s) => s.id).join(', ')})`);
  const lang = (values.lang ?? 'en') as string;
  if (lang !== 'en' && lang !== 'ko') throw new CliError(`trace: --lang must be en or ko, got ${shownValue(lang)}`);
  const seedText = values.seed as string | undefined;
  const seed = seedText === undefined ? undefined : parseInteger('trace', 'seed', seedText);
  const rawParams = values.param;
  const params = parseParamFlags('trace', Array.isArray(rawParams) ? rawParams : []);
  let trace;
  try {
    trace = runScenario(def, { ...(seed === undefined ? {} : { seed }), ...(typeof values.k8s === 'string' ? { k8sVersion: values.k8s } : {}), params });
  } catch (e) {
    if (e instanceof ScenarioInputError) throw new CliError(`trace: ${e.message}`);
    throw e;
  }
  if (values.json === true) {
    for (const e of trace.events) io.out(eventJson(e));
    return EXIT_OK;
  }
  io.out(`${def.title[lang as Lang]} — seed ${trace.seed}, Kubernetes ${trace.k8sVersion}, ${trace.steps} steps`);
  // The kubelet's GET before each status PATCH (and its etcd read) is routine: listed only with --verbose.
  const requests = new Map<number, MessageEvent>();
  for (const e of trace.events) if (e.kind === 'message' && e.replyTo === undefined) requests.set(e.id, e);
  const statusSync = (e: TraceEvent): boolean => e.kind === 'message' && routineOf(e, (id) => requests.get(id)) === 'status-sync';
  trace.events.forEach((e, i) => {
    if (values.verbose !== true && statusSync(e)) return;
    const line = eventLine(e, i + 1, lang as Lang, values.verbose === true);
    if (line !== undefined) io.out(line);
  });
  return EXIT_OK;
}
