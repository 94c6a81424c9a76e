/**
 * What a cue waits for (`when:`): one trace event, described as scenes/lib/match.ts describes it.
 * Each is an object with one key. Text fields are patterns: an exact string or `/regex/`.
 */
// zod without eval (CSP) before this module builds its schemas, whoever loads it first.
import '../../zod-jitless.ts';
import { z } from 'zod';
import { issue } from './bilingual.ts';
import { componentId } from './names.ts';
import { toPattern } from './pattern.ts';

/** An exact string, or `/regex/flags` checked here so a bad one is reported where it is written. */
export const pattern = z
  .string()
  .max(1000)
  .superRefine((text, ctx) => {
    const checked = toPattern(text);
    if (!checked.ok) ctx.addIssue(issue(checked.reason));
  })
  .describe('An exact string, or a regular expression written /.../ (flags i, m, s, u).');

export const messageMatcher = z.strictObject({
  message: z
    .strictObject({
      from: pattern.optional(),
      to: pattern.optional(),
      action: pattern.optional(),
      object: pattern.optional(),
      type: z.enum(['request', 'response', 'watch', 'signal']).optional(),
      write: z.boolean().optional(),
    })
    .describe('A message between components: from, to, action ("POST pod/eviction"), object ("Pod/default/web-1").'),
});

export const activityMatcher = z.strictObject({
  activity: z
    .strictObject({ component: pattern.optional(), action: pattern.optional(), object: pattern.optional(), label: pattern.optional().describe("The activity's English label.") })
    .describe('Work a component does: "replicaset-controller/reconcile", "node-lifecycle-controller/taint"...'),
});

export const changeMatcher = z.strictObject({
  change: z
    .strictObject({ object: pattern.optional(), path: z.string().min(1).max(200), to: z.union([z.string(), z.number(), z.boolean(), z.null()]).optional() })
    .describe('A stored object\'s field changes (to a value, when given): status.phase -> Running.'),
});

export const addedMatcher = z.strictObject({ added: pattern.describe('An object is created.') });
export const deletedMatcher = z.strictObject({ deleted: pattern.describe('An object is removed from storage.') });
export const decisionMatcher = z.strictObject({
  decision: z.strictObject({ pod: pattern.optional() }).describe("kube-scheduler's decision for a pod."),
});
export const componentMatcher = z.strictObject({
  component: z.strictObject({ id: componentId, status: z.string().min(1).max(100) }).describe('A component changes status (up, down...).'),
});

export type Matcher =
  | z.infer<typeof messageMatcher>
  | z.infer<typeof activityMatcher>
  | z.infer<typeof changeMatcher>
  | z.infer<typeof addedMatcher>
  | z.infer<typeof deletedMatcher>
  | z.infer<typeof decisionMatcher>
  | z.infer<typeof componentMatcher>
  | { readonly after: { readonly first: Matcher; readonly then: Matcher } };

export const matcher: z.ZodType<Matcher> = z.lazy(() =>
  z.union([
    messageMatcher,
    activityMatcher,
    changeMatcher,
    addedMatcher,
    deletedMatcher,
    decisionMatcher,
    componentMatcher,
    z.strictObject({ after: z.strictObject({ first: matcher, then: matcher }).describe('The first event matching `then` after one matching `first`.') }),
  ]),
).meta({ id: 'Matcher', description: 'The trace event a cue waits for, an object with one key.' });
