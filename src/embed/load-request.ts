/**
 * Checks a `load` command against the scenarios this build has, before anything is run: an
 * unknown scenario, a version not offered or a param the scenario does not take is refused, and
 * the current scenario stays.
 */
import type { ParamValue, ScenarioParams } from '../sim/scenario.ts';
import type { ScenarioAbout } from '../ui/ports.ts';
import { checkK8sVersion } from '../model/k8s/versions.ts';
import { clip, defaultParams, parseParam } from '../ui/url-state.ts';
import type { Command, ErrorCode } from './protocol.ts';

export type LoadRequest<S extends ScenarioAbout = ScenarioAbout> =
  | { readonly ok: true; readonly scenario: S; readonly params: ScenarioParams; readonly k8s: string | undefined }
  | { readonly ok: false; readonly code: ErrorCode; readonly message: string };

export function validateLoad<S extends ScenarioAbout>(command: Extract<Command, { type: 'load' }>, scenarios: readonly S[]): LoadRequest<S> {
  const scenario = scenarios.find((s) => s.id === command.scenario);
  if (!scenario) return { ok: false, code: 'unknown-scenario', message: `there is no scenario called ${clip(command.scenario)}` };
  const version = command.k8s === undefined ? undefined : checkK8sVersion(command.k8s);
  if (version?.ok === false) return { ok: false, code: 'bad-params', message: version.message };
  const params: Record<string, ParamValue> = { ...defaultParams(scenario) };
  for (const [id, value] of Object.entries(command.params ?? {})) {
    const param = scenario.params.find((p) => p.id === id);
    if (!param) return { ok: false, code: 'bad-params', message: `${scenario.id} has no param ${id}` };
    const parsed = parseParam(param, String(value));
    if (parsed === undefined) return { ok: false, code: 'bad-params', message: `param ${id} = ${clip(String(value))} is not valid for ${scenario.id}` };
    params[id] = parsed;
  }
  return { ok: true, scenario, params, k8s: version?.version };
}
