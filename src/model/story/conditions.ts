/**
 * Conditions a step waits for (`until:`), checked on the cluster after every trace event, as a
 * scenario's XState guards are. Each is an object with one key; `all`, `any` and `not` combine them.
 */
// zod without eval (CSP) before this module builds its schemas, whoever loads it first.
import '../../zod-jitless.ts';
import { z } from 'zod';
import { said } from './bilingual.ts';
import { objectRef, podOrAppName, resourceName } from './names.ts';

const scalar = z.union([z.string(), z.number(), z.boolean(), z.null()]);

export const settledCondition = z.strictObject({
  settled: z
    .strictObject({
      deployment: resourceName.describe('The Deployment; its pods are those named <deployment>-…'),
      replicas: z.number().int().min(0).max(10_000),
    })
    .describe('Exactly `replicas` pods of the Deployment, all Ready and none being deleted (none left Terminating).'),
});

export const podsOnNodeCondition = z.strictObject({
  podsOnNode: z
    .strictObject({ node: resourceName, deployment: podOrAppName.describe('Count only pods named <deployment>-…'), count: z.number().int().min(0).max(10_000) })
    .describe("Exactly `count` of the Deployment's pods are bound to the node (being deleted or not)."),
});

export const taintCondition = z.strictObject({
  taint: z
    .strictObject({ node: resourceName, key: z.string().min(1).max(253), effect: z.enum(['NoSchedule', 'PreferNoSchedule', 'NoExecute']).optional() })
    .describe('The node has a taint with this key (and effect, when given).'),
});

export const fieldCondition = z.strictObject({
  field: z
    .strictObject({
      object: objectRef,
      path: z.string().regex(/^[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)*$/, said({ en: 'expected a dotted field path such as spec.unschedulable', ko: 'spec.unschedulable처럼 점으로 이은 필드 경로여야 합니다' })).max(200),
      equals: scalar,
    })
    .describe('A field of a stored object equals a value (false when the object or the field is missing).'),
});

export const existsCondition = z.strictObject({ exists: objectRef.describe('The object is stored (it may be being deleted).') });
export const goneCondition = z.strictObject({ gone: objectRef.describe('The object is no longer stored.') });
export const commandsDoneCondition = z.strictObject({
  commandsDone: z.literal(true).describe('Every command of the earlier steps has finished (kubectl returned, drain printed "drained"...), or was refused.'),
});

export type Condition =
  | z.infer<typeof settledCondition>
  | z.infer<typeof podsOnNodeCondition>
  | z.infer<typeof taintCondition>
  | z.infer<typeof fieldCondition>
  | z.infer<typeof existsCondition>
  | z.infer<typeof goneCondition>
  | z.infer<typeof commandsDoneCondition>
  | { readonly all: readonly Condition[] }
  | { readonly any: readonly Condition[] }
  | { readonly not: Condition };

export const condition: z.ZodType<Condition> = z.lazy(() =>
  z.union([
    commandsDoneCondition,
    settledCondition,
    podsOnNodeCondition,
    taintCondition,
    fieldCondition,
    existsCondition,
    goneCondition,
    z.strictObject({ all: z.array(condition).min(1).max(50) }),
    z.strictObject({ any: z.array(condition).min(1).max(50) }),
    z.strictObject({ not: condition }),
  ]),
).meta({ id: 'Condition', description: 'A condition on the cluster, an object with one key; all, any and not combine them.' });
