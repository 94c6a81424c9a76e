/**
 * zod schemas for the parts of Node and Pod that kubedeck reads. Unknown fields are dropped (real
 * `kubectl get -o json` output has many); known fields are checked, quantities are parsed.
 */
// zod without eval (CSP) before this module builds its schemas, whoever loads it first.
import '../../zod-jitless.ts';
import { z } from 'zod';
import { isNegative, parseQuantity } from '../quantity.ts';
import { shownValue } from '../shown-value.ts';

export const str = z.string();
export const stringMap = z.record(z.string(), z.string());

/**
 * Accepts "500m" and, as the API does, bare numbers (YAML `cpu: 2`). Resource amounts cannot be
 * negative (API validation: "must be greater than or equal to 0").
 */
export const quantity = z.union([z.string(), z.number()]).transform((v, ctx) => {
  const s = String(v);
  let negative: boolean;
  try {
    negative = isNegative(parseQuantity(s));
  } catch {
    ctx.addIssue({ code: 'custom', message: `invalid quantity ${shownValue(s)}` });
    return z.NEVER;
  }
  if (negative) {
    ctx.addIssue({ code: 'custom', message: `invalid value ${shownValue(s)}: must be greater than or equal to 0` });
    return z.NEVER;
  }
  return s;
});

const resourceList = z.record(z.string(), quantity);

const taintEffect = z.enum(['NoSchedule', 'PreferNoSchedule', 'NoExecute']);
/** "" means "any effect" / "Equal" in the API: dropped so the model sees undefined. */
const emptyAsUndefined = <T extends z.ZodType>(schema: T) =>
  z.union([z.literal(''), schema]).transform((v) => (v === '' ? undefined : (v as z.output<T>)));

export const metadata = z.object({
  name: str,
  namespace: str.optional(),
  uid: str.optional(),
  generateName: str.optional(),
  labels: stringMap.optional(),
  annotations: stringMap.optional(),
  creationTimestamp: str.optional(),
  deletionTimestamp: str.optional(),
  resourceVersion: str.optional(),
  ownerReferences: z.array(z.object({ apiVersion: str, kind: str, name: str, uid: str, controller: z.boolean().optional() })).optional(),
});

export const labelSelector = z.object({
  matchLabels: stringMap.optional(),
  matchExpressions: z.array(z.object({ key: str, operator: z.enum(['In', 'NotIn', 'Exists', 'DoesNotExist']), values: z.array(str).optional() })).optional(),
});

const topologySpreadConstraint = z.object({
  maxSkew: z.number().int().min(1),
  topologyKey: str.min(1),
  whenUnsatisfiable: z.enum(['DoNotSchedule', 'ScheduleAnyway']),
  labelSelector: labelSelector.optional(),
  minDomains: z.number().int().min(1).optional(),
  nodeAffinityPolicy: z.enum(['Honor', 'Ignore']).optional(),
  nodeTaintsPolicy: z.enum(['Honor', 'Ignore']).optional(),
  matchLabelKeys: z.array(str).optional(),
});

const requirement = z.object({
  key: str,
  operator: z.enum(['In', 'NotIn', 'Exists', 'DoesNotExist', 'Gt', 'Lt']),
  values: z.array(str).optional(),
});
const selectorTerm = z.object({ matchExpressions: z.array(requirement).optional(), matchFields: z.array(requirement).optional() });

const podAffinityTerm = z.object({
  labelSelector: labelSelector.optional(),
  namespaces: z.array(str).optional(),
  namespaceSelector: labelSelector.optional(),
  topologyKey: str.min(1),
  matchLabelKeys: z.array(str).optional(),
  mismatchLabelKeys: z.array(str).optional(),
});
const podAffinity = z.object({
  requiredDuringSchedulingIgnoredDuringExecution: z.array(podAffinityTerm).optional(),
  preferredDuringSchedulingIgnoredDuringExecution: z.array(z.object({ weight: z.number().int().min(1).max(100), podAffinityTerm })).optional(),
});

const affinity = z.object({
  podAffinity: podAffinity.optional(),
  podAntiAffinity: podAffinity.optional(),
  nodeAffinity: z
    .object({
      requiredDuringSchedulingIgnoredDuringExecution: z.object({ nodeSelectorTerms: z.array(selectorTerm) }).optional(),
      preferredDuringSchedulingIgnoredDuringExecution: z
        .array(z.object({ weight: z.number().int().min(0).max(100), preference: selectorTerm }))
        .optional(),
    })
    .optional(),
});

const toleration = z.object({
  key: str.optional(),
  operator: emptyAsUndefined(z.enum(['Exists', 'Equal'])).optional(),
  value: str.optional(),
  effect: emptyAsUndefined(taintEffect).optional(),
  tolerationSeconds: z.number().int().optional(),
});

const container = z.object({
  name: str,
  image: str.default(''),
  resources: z.object({ requests: resourceList.optional(), limits: resourceList.optional() }).optional(),
  restartPolicy: z.literal('Always').optional(),
  ports: z
    .array(
      z.object({
        containerPort: z.number().int(),
        protocol: z.enum(['TCP', 'UDP', 'SCTP']).optional(),
        hostPort: z.number().int().min(0).max(65535).optional(),
        hostIP: str.optional(),
      }),
    )
    .optional(),
});

const podPhase = z.enum(['Pending', 'Running', 'Succeeded', 'Failed', 'Unknown']);

export const podSchema = z.object({
  apiVersion: z.literal('v1').default('v1'),
  kind: z.literal('Pod'),
  metadata,
  spec: z.object({
    nodeName: str.optional(),
    schedulerName: str.optional(),
    containers: z.array(container).min(1, 'a pod needs at least one container'),
    initContainers: z.array(container).optional(),
    tolerations: z.array(toleration).optional(),
    nodeSelector: stringMap.optional(),
    affinity: affinity.optional(),
    priority: z.number().int().optional(),
    preemptionPolicy: z.enum(['PreemptLowerPriority', 'Never']).optional(),
    overhead: resourceList.optional(),
    topologySpreadConstraints: z.array(topologySpreadConstraint).optional(),
  }),
  status: z.object({ phase: podPhase.default('Pending') }).optional(),
});

const nodeConditionType = z.enum(['Ready', 'MemoryPressure', 'DiskPressure', 'PIDPressure', 'NetworkUnavailable']);
const condition = z.object({
  type: str,
  status: z.enum(['True', 'False', 'Unknown']),
  reason: str.optional(),
  message: str.optional(),
  lastTransitionTime: str.optional(),
  lastHeartbeatTime: str.optional(),
});

export const nodeSchema = z.object({
  apiVersion: z.literal('v1').default('v1'),
  kind: z.literal('Node'),
  metadata,
  spec: z
    .object({
      unschedulable: z.boolean().optional(),
      taints: z.array(z.object({ key: str, value: str.optional(), effect: taintEffect, timeAdded: str.optional() })).optional(),
      podCIDR: str.optional(),
    })
    .default({}),
  status: z
    .object({
      capacity: resourceList.optional(),
      allocatable: resourceList.optional(),
      // Only the condition types kubedeck knows; others (from cloud providers) are dropped.
      conditions: z
        .array(condition)
        .transform((cs) => cs.flatMap((c) => (nodeConditionType.safeParse(c.type).success ? [{ ...c, type: nodeConditionType.parse(c.type) }] : [])))
        .optional(),
      addresses: z.array(z.object({ type: str, address: str })).optional(),
      nodeInfo: z.object({ kubeletVersion: str.optional(), containerRuntimeVersion: str.optional() }).optional(),
      images: z.array(z.object({ names: z.array(str).optional(), sizeBytes: z.number().int().min(0).optional() })).optional(),
    })
    .optional(),
});
