/** `kubedeck trace <scenario>`: what happens, step by step, as a numbered list or JSON lines. */
import type { Lang } from '../model/localized.ts';
import { ScenarioInputError } from '../sim/params.ts';
import { runScenario } from '../sim/run.ts';
import type { MessageEvent, TraceEvent } from '../sim/trace.ts';
import { routineOf } from '../timeline/routine.ts';
import { shownValue } from '../model/shown-value.ts';
import { chooseScenario } from './scenario-arg.ts';
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
  const lang = (values.lang ?? 'en') as string;
  if (lang !== 'en' && lang !== 'ko') throw new CliError(`trace: --lang must be en or ko, got ${shownValue(lang)}`);
  const { def, file } = chooseScenario('trace', positionals[0], io, lang);
  // A file may name the Kubernetes version it was written for; --k8s still wins.
  const k8s = typeof values.k8s === 'string' ? values.k8s : file?.loaded.story.cluster.kubernetesVersion;
  const seedText = values.seed as string | undefined;
  const seed = seedText === undefined ? undefined : parseInteger('trace', 'seed', seedText);
  const rawParams = values.param;
  const params = parseParamFlags('trace', Array.isArray(rawParams) ? rawParams : []);
  let trace;
  try {
    trace = runScenario(def, { ...(seed === undefined ? {} : { seed }), ...(k8s === undefined ? {} : { k8sVersion: k8s }), params });
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
