/**
 * KubeSchedulerConfiguration (kubescheduler.config.k8s.io/v1) -> SchedulerProfile, for the parts
 * kubedeck models: the first profile's score plugin weights (plugins.score / multiPoint enabled and
 * disabled, "*" disables every default), Filter plugins disabled (multiPoint / filter), DefaultPreemption on or off (postFilter), NodeResourcesFitArgs
 * (scoringStrategy type, resources and weights, requestedToCapacityRatio shape, ignoredResources,
 * ignoredResourceGroups), NodeResourcesBalancedAllocationArgs.resources and percentageOfNodesToScore.
 * Defaults and validation follow pkg/scheduler/apis/config/v1 and .../validation.
 */
// zod without eval (CSP) before this module builds its schemas, whoever loads it first.
import '../../zod-jitless.ts';
import { z } from 'zod';
import { formatPath } from '../manifest/errors.ts';
import { DEFAULT_PROFILE, DEFAULT_SCORES, type SchedulerProfile, type WeightedScorePlugin } from './profile.ts';
import type { ScoringStrategy, ShapePoint } from './plugins/resource-scorers.ts';
import { DEFAULT_RESOURCES, type ResourceSpec } from './resources.ts';
import type { ScorePluginName } from './types.ts';

/** A bad configuration; `path` is the field path ("profiles[0].pluginConfig[1].args.scoringStrategy.type"). */
export class SchedulerConfigError extends Error {
  override readonly name = 'SchedulerConfigError';
  constructor(
    readonly path: string,
    readonly detail: string,
  ) {
    super(path === '' ? detail : `${path}: ${detail}`);
  }
}

const plugin = z.object({ name: z.string(), weight: z.number().int().optional() });
const pluginSet = z.object({ enabled: z.array(plugin).optional(), disabled: z.array(plugin).optional() });
const resourceSpec = z.object({ name: z.string(), weight: z.number().int().optional() });

const schema = z.object({
  apiVersion: z.string().refine((v) => v.startsWith('kubescheduler.config.k8s.io/'), 'expected kubescheduler.config.k8s.io/v1'),
  kind: z.literal('KubeSchedulerConfiguration'),
  percentageOfNodesToScore: z.number().int().min(0).max(100).optional(),
  profiles: z
    .array(
      z.object({
        schedulerName: z.string().optional(),
        percentageOfNodesToScore: z.number().int().min(0).max(100).optional(),
        plugins: z.object({ multiPoint: pluginSet.optional(), filter: pluginSet.optional(), score: pluginSet.optional(), postFilter: pluginSet.optional() }).optional(),
        pluginConfig: z.array(z.object({ name: z.string(), args: z.record(z.string(), z.unknown()).optional() })).optional(),
      }),
    )
    .optional(),
});

/** The accepted shape of a KubeSchedulerConfiguration (the fields kubedeck reads; others are ignored). */
export type KubeSchedulerConfiguration = z.input<typeof schema>;

const fitArgs = z.object({
  scoringStrategy: z
    .object({
      type: z.enum(['LeastAllocated', 'MostAllocated', 'RequestedToCapacityRatio']).optional(),
      resources: z.array(resourceSpec).optional(),
      requestedToCapacityRatio: z
        .object({ shape: z.array(z.object({ utilization: z.number().int().min(0).max(100), score: z.number().int().min(0).max(10) })) })
        .optional(),
    })
    .optional(),
  ignoredResources: z.array(z.string()).optional(),
  ignoredResourceGroups: z.array(z.string()).optional(),
});

const balancedArgs = z.object({ resources: z.array(resourceSpec).optional() });

const SCORE_PLUGINS: readonly string[] = DEFAULT_SCORES.map((p) => p.name);
const isModelledScore = (name: string): name is ScorePluginName => SCORE_PLUGINS.includes(name);

function parseWith<T>(s: z.ZodType<T>, value: unknown, path: string): T {
  const r = s.safeParse(value);
  if (r.success) return r.data;
  const issue = r.error.issues[0];
  const sub = issue === undefined ? '' : formatPath(issue.path);
  const full = path === '' ? sub : sub === '' ? path : sub.startsWith('[') ? path + sub : `${path}.${sub}`;
  throw new SchedulerConfigError(full, issue?.message.replace(/^Invalid input: /, '') ?? 'invalid');
}

/** SetDefaults_NodeResourcesFitArgs: no resources -> cpu and memory; weight 0 -> 1; weights must be 1-100. */
function resourcesOf(list: readonly { name: string; weight?: number | undefined }[] | undefined, path: string): ResourceSpec[] {
  if (list === undefined || list.length === 0) return [...DEFAULT_RESOURCES];
  return list.map((r, i) => {
    const weight = r.weight === undefined || r.weight === 0 ? 1 : r.weight;
    if (weight < 1 || weight > 100) throw new SchedulerConfigError(`${path}[${i}].weight`, `must be in the range [1, 100], got ${weight}`);
    return { name: r.name, weight };
  });
}

function strategyOf(args: z.output<typeof fitArgs>, path: string): ScoringStrategy {
  const s = args.scoringStrategy;
  const resources = resourcesOf(s?.resources, `${path}.scoringStrategy.resources`);
  const type = s?.type ?? 'LeastAllocated';
  if (type !== 'RequestedToCapacityRatio') return { type, resources };
  const shape: ShapePoint[] = s?.requestedToCapacityRatio?.shape ?? [];
  if (shape.length === 0) throw new SchedulerConfigError(`${path}.scoringStrategy.requestedToCapacityRatio.shape`, 'at least one point is required');
  shape.forEach((p, i) => {
    const prev = shape[i - 1];
    if (prev !== undefined && p.utilization <= prev.utilization) {
      throw new SchedulerConfigError(`${path}.scoringStrategy.requestedToCapacityRatio.shape[${i}].utilization`, 'utilization values must be sorted in increasing order');
    }
  });
  return { type, resources, shape };
}

type PluginSet = z.output<typeof pluginSet>;

/** Score plugins after merging the default set with the configuration (upstream mergePluginSet + multiPoint expansion). */
function scorePlugins(sets: readonly (PluginSet | undefined)[], unmodelled: Set<string>, defaultScores: readonly WeightedScorePlugin[]): WeightedScorePlugin[] {
  const disabled = new Set<string>();
  const overrides: WeightedScorePlugin[] = [];
  for (const set of sets) {
    for (const d of set?.disabled ?? []) disabled.add(d.name);
    for (const e of set?.enabled ?? []) {
      if (!isModelledScore(e.name)) {
        unmodelled.add(e.name);
        continue;
      }
      // A weight of zero is not permitted; upstream turns it into 1.
      const weight = e.weight === undefined || e.weight === 0 ? 1 : e.weight;
      const at = overrides.findIndex((o) => o.name === e.name);
      if (at >= 0) overrides.splice(at, 1);
      overrides.push({ name: e.name, weight });
    }
  }
  const defaults = disabled.has('*') ? [] : defaultScores.filter((p) => !disabled.has(p.name) && !overrides.some((o) => o.name === p.name));
  // Explicitly configured plugins run first, then the remaining defaults (upstream's ordering).
  return [...overrides, ...defaults];
}

/**
 * The profile that schedules pods with `schedulerName` (a pod's spec.schedulerName, default
 * "default-scheduler"), as kube-scheduler picks it; undefined when no profile has that name.
 */
export function profileForSchedulerName(config: KubeSchedulerConfiguration | unknown, schedulerName: string, base: SchedulerProfile = DEFAULT_PROFILE): SchedulerProfile | undefined {
  const cfg = parseWith(schema, config, '');
  const profiles = cfg.profiles ?? [];
  if (profiles.length === 0) return schedulerName === 'default-scheduler' ? profileFromConfig(config, 0, base) : undefined;
  const index = profiles.findIndex((p) => (p.schedulerName ?? 'default-scheduler') === schedulerName);
  return index < 0 ? undefined : profileFromConfig(config, index, base);
}

/**
 * Builds the profile of `profiles[index]` of a parsed KubeSchedulerConfiguration on top of `base`
 * (the version's default profile, see defaultProfileForMinor). Throws SchedulerConfigError.
 */
export function profileFromConfig(config: KubeSchedulerConfiguration | unknown, index = 0, base: SchedulerProfile = DEFAULT_PROFILE): SchedulerProfile {
  const cfg = parseWith(schema, config, '');
  const p = cfg.profiles?.[index];
  if (p === undefined) return { ...base, ...(cfg.percentageOfNodesToScore === undefined ? {} : { percentageOfNodesToScore: cfg.percentageOfNodesToScore }) };
  const at = `profiles[${index}]`;
  const unmodelled = new Set<string>();
  const scores = scorePlugins([p.plugins?.multiPoint, p.plugins?.score], unmodelled, base.scores);
  // Filter plugins disabled by name (or all with "*") in multiPoint or filter stop filtering.
  const filterOff = new Set([p.plugins?.multiPoint, p.plugins?.filter].flatMap((s) => (s?.disabled ?? []).map((d) => d.name)));
  const filters = filterOff.has('*') ? [] : base.filters.filter((f) => !filterOff.has(f));
  const postFilterDisabled = [p.plugins?.postFilter, p.plugins?.multiPoint].some((s) => s?.disabled?.some((d) => d.name === 'DefaultPreemption' || d.name === '*'));
  let fit = base.fit;
  let balancedResources = base.balancedResources;
  (p.pluginConfig ?? []).forEach((pc, i) => {
    const path = `${at}.pluginConfig[${i}].args`;
    if (pc.name === 'NodeResourcesFit') {
      const args = parseWith(fitArgs, pc.args ?? {}, path);
      fit = {
        scoringStrategy: strategyOf(args, path),
        ignored: { names: new Set(args.ignoredResources ?? []), groups: new Set(args.ignoredResourceGroups ?? []) },
      };
    } else if (pc.name === 'NodeResourcesBalancedAllocation') {
      const args = parseWith(balancedArgs, pc.args ?? {}, path);
      balancedResources = resourcesOf(args.resources, `${path}.resources`);
    }
  });
  const pct = p.percentageOfNodesToScore ?? cfg.percentageOfNodesToScore;
  return {
    schedulerName: p.schedulerName ?? 'default-scheduler',
    filters,
    scores,
    fit,
    balancedResources,
    preemption: !postFilterDisabled,
    ...(pct === undefined ? {} : { percentageOfNodesToScore: pct }),
    unmodelledPlugins: [...unmodelled],
  };
}
