// Resource arguments as kubectl's resource builder reads them (k8s.io/cli-runtime
// pkg/resource/builder.go, ResourceTypeOrNameArgs): either `TYPE NAME...` or `TYPE/NAME...`,
// never a mix; then each name must exist in the cluster.
import type { ResourceRef } from './actions.ts';
import { fail, failNotFound } from './command-error.ts';
import { resourceNameFormSingle, separateResourceType, unknownResourceType } from './errors.ts';
import { resolveResourceType, type ResourceType } from './resources.ts';

export interface TargetRules<Allowed extends ResourceType> {
  readonly allowed: readonly Allowed[];
  /** The error for a type kubectl knows but this command does not take. */
  readonly disallowed: (type: ResourceType, typed: string) => string;
  /** The error when no argument at all is given. */
  readonly none: () => string;
  /** The error when a type is given without a name. */
  readonly noName: () => string;
  /** Names present now, per type (an empty list when the namespace differs). */
  readonly present: (type: ResourceType) => readonly string[];
}

function resolve<Allowed extends ResourceType>(typed: string, rules: TargetRules<Allowed>): Allowed {
  const type = resolveResourceType(typed);
  if (type === undefined) return fail(unknownResourceType(typed));
  const allowed = rules.allowed.find((a) => a === type);
  return allowed ?? fail(rules.disallowed(type, typed));
}

export function resolveTargets<Allowed extends ResourceType>(args: readonly string[], rules: TargetRules<Allowed>): ResourceRef<Allowed>[] {
  const [first, ...rest] = args;
  if (first === undefined) return fail(rules.none());
  const slashed = args.filter((a) => a.includes('/')).length;
  let refs: ResourceRef<Allowed>[];
  if (slashed > 0 && slashed !== args.length) return fail(separateResourceType());
  if (slashed > 0) {
    refs = args.map((arg) => {
      const parts = arg.split('/');
      if (parts.length !== 2 || parts[0] === '' || parts[1] === '') return fail(resourceNameFormSingle());
      return { resource: resolve(parts[0] ?? '', rules), name: parts[1] ?? '' };
    });
  } else {
    const resource = resolve(first, rules);
    if (rest.length === 0) return fail(rules.noName());
    refs = rest.map((name) => ({ resource, name }));
  }
  for (const ref of refs) {
    if (!rules.present(ref.resource).includes(ref.name)) failNotFound(ref.resource, ref.name);
  }
  return refs;
}
