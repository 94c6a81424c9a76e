/**
 * Any supported Kubernetes object from manifest text (`kubectl apply -f -`, a scenario's initial
 * objects): Pod, Node, Deployment, ReplicaSet, DaemonSet, Service, PodDisruptionBudget. Each kind is
 * checked against its apiVersion, validated, and given the defaults the API server would fill in
 * (pkg/apis/apps/v1/defaults.go, pkg/apis/core/v1/defaults.go). The text is only ever read as data.
 */
// zod without eval (CSP) before this module builds its schemas, whoever loads it first.
import '../../zod-jitless.ts';
import { z } from 'zod';
import { labelSelectorMatches } from '../labels.ts';
import type { DaemonSet, Deployment, K8sObject, Node, Pod, PodDisruptionBudget, ReplicaSet, Service } from '../objects.ts';
import { cut, shownValue } from '../shown-value.ts';
import { readObjects } from './documents.ts';
import { formatPath, joinPath, ManifestError } from './errors.ts';
import { issueMessage } from './parse.ts';
import { labelSelector, metadata, nodeSchema, podSchema, str, stringMap } from './schemas.ts';

/** Bounds on one call: the text is parsed whole, so both keep a paste from stalling the page. */
export const MAX_OBJECTS = 500;
export const MAX_BYTES = 1024 * 1024;

/** IntOrString count-or-percent (ValidatePositiveIntOrPercent). */
const intOrPercent = z.union([z.number(), z.string()], { error: 'expected an integer or a percent such as "25%"' }).superRefine((v, ctx) => {
  const bad = (why: string) => ctx.addIssue({ code: 'custom', message: `Invalid value: ${shownValue(v)}: ${why}` });
  if (typeof v === 'number') {
    if (!Number.isInteger(v)) bad('must be an integer');
    else if (v < 0) bad('must be greater than or equal to 0');
  } else if (!/^[0-9]+%$/.test(v)) bad("a valid percent string must be a numeric string followed by an ending '%'");
});
/** ... that is also at most 100% (IsNotMoreThan100Percent; a Deployment's maxSurge has no such cap). */
const upTo100 = intOrPercent.superRefine((v, ctx) => {
  if (typeof v === 'string' && parseInt(v, 10) > 100) ctx.addIssue({ code: 'custom', message: `Invalid value: ${shownValue(v)}: must not be greater than 100%` });
});

const isZero = (v: number | string): boolean => v === 0 || /^0+%$/.test(String(v));

// SetDefaults_Deployment: RollingUpdate, 25% / 25%. Checks from ValidateDeploymentStrategy.
const deploymentStrategy = z
  .object({ type: z.enum(['RollingUpdate', 'Recreate']).default('RollingUpdate'), rollingUpdate: z.object({ maxSurge: intOrPercent.optional(), maxUnavailable: upTo100.optional() }).optional() })
  .default({ type: 'RollingUpdate' })
  .transform((s, ctx) => {
    if (s.type === 'Recreate') {
      if (s.rollingUpdate !== undefined) ctx.addIssue({ code: 'custom', path: ['rollingUpdate'], message: "Forbidden: may not be specified when strategy `type` is 'Recreate'" });
      return { type: s.type };
    }
    const maxSurge = s.rollingUpdate?.maxSurge ?? '25%';
    const maxUnavailable = s.rollingUpdate?.maxUnavailable ?? '25%';
    if (isZero(maxSurge) && isZero(maxUnavailable)) {
      ctx.addIssue({ code: 'custom', path: ['rollingUpdate', 'maxUnavailable'], message: `Invalid value: ${shownValue(maxUnavailable)}: may not be 0 when \`maxSurge\` is 0` });
    }
    return { type: s.type, rollingUpdate: { maxSurge, maxUnavailable } };
  });

// SetDefaults_DaemonSet: RollingUpdate, maxUnavailable 1, maxSurge 0. ValidateRollingUpdateDaemonSet wants exactly one non-zero.
const daemonSetStrategy = z
  .object({ type: z.enum(['RollingUpdate', 'OnDelete']).default('RollingUpdate'), rollingUpdate: z.object({ maxSurge: upTo100.optional(), maxUnavailable: upTo100.optional() }).optional() })
  .default({ type: 'RollingUpdate' })
  .transform((s, ctx) => {
    if (s.type === 'OnDelete') return { type: s.type };
    const maxSurge = s.rollingUpdate?.maxSurge ?? 0;
    const maxUnavailable = s.rollingUpdate?.maxUnavailable ?? 1;
    if (!isZero(maxSurge) && !isZero(maxUnavailable)) {
      ctx.addIssue({ code: 'custom', path: ['rollingUpdate', 'maxSurge'], message: `Invalid value: ${shownValue(maxSurge)}: may not be set when maxUnavailable is non-zero` });
    } else if (isZero(maxSurge) && isZero(maxUnavailable)) {
      ctx.addIssue({ code: 'custom', path: ['rollingUpdate', 'maxUnavailable'], message: 'Required value: cannot be 0 when maxSurge is 0' });
    }
    return { type: s.type, rollingUpdate: { maxSurge, maxUnavailable } };
  });

const template = z.object({ metadata: z.object({ labels: stringMap.optional() }).optional(), spec: podSchema.shape.spec });
const replicas = z.number().int().min(0, 'must be greater than or equal to 0').default(1);

type Ctx = z.core.$RefinementCtx;
const controllerSpec = z.object({ selector: labelSelector, template });

/**
 * The API server's checks of a controller's selector against its pod template
 * (ValidatePodTemplateSpecForReplicaSet); `emptyName` is the word upstream's empty-selector message uses.
 */
const selectorMatchesTemplate = (emptyName: string) => (spec: z.output<typeof controllerSpec>, ctx: Ctx) => {
  const { matchLabels = {}, matchExpressions = [] } = spec.selector;
  if (Object.keys(matchLabels).length + matchExpressions.length === 0) {
    ctx.addIssue({ code: 'custom', path: ['selector'], message: `Invalid value: {}: empty selector is invalid for ${emptyName}` });
    return;
  }
  const labels = spec.template.metadata?.labels ?? {};
  if (!labelSelectorMatches(spec.selector, labels)) {
    ctx.addIssue({ code: 'custom', path: ['template', 'metadata', 'labels'], message: `Invalid value: ${cut(JSON.stringify(labels), 120)}: \`selector\` does not match template \`labels\`` });
  }
};

const deploymentSchema: z.ZodType<Deployment> = z.object({
  apiVersion: z.literal('apps/v1'),
  kind: z.literal('Deployment'),
  metadata,
  spec: controllerSpec.extend({ replicas, strategy: deploymentStrategy }).superRefine(selectorMatchesTemplate('deployment')),
});

// Upstream's ReplicaSet validation reuses the Deployment wording ("empty selector is invalid for deployment").
const replicaSetSchema: z.ZodType<ReplicaSet> = z.object({
  apiVersion: z.literal('apps/v1'),
  kind: z.literal('ReplicaSet'),
  metadata,
  spec: controllerSpec.extend({ replicas }).superRefine(selectorMatchesTemplate('deployment')),
});

const daemonSetSchema: z.ZodType<DaemonSet> = z.object({
  apiVersion: z.literal('apps/v1'),
  kind: z.literal('DaemonSet'),
  metadata,
  spec: controllerSpec.extend({ updateStrategy: daemonSetStrategy }).superRefine(selectorMatchesTemplate('daemonset')),
});

const PORT_RANGE = 'must be between 1 and 65535, inclusive';
/** `error` words the type mismatch (a string where a number belongs); zod's own message otherwise. */
const portNumber = (error?: (input: unknown) => string | undefined) =>
  z.number(error === undefined ? undefined : { error: (iss) => error(iss.input) }).int('must be an integer').min(1, PORT_RANGE).max(65535, PORT_RANGE);
// The default --service-node-port-range.
const nodePort = z.number().int('must be an integer').refine((p) => p >= 30000 && p <= 32767, 'provided port is not in the valid range. The range of valid ports is 30000-32767');

const servicePort = z
  .object({
    name: str.optional(),
    protocol: z.enum(['TCP', 'UDP', 'SCTP']).default('TCP'),
    port: portNumber(),
    // A named targetPort needs the pods' port names, which kubedeck does not model.
    targetPort: portNumber((input) => (typeof input === 'string' ? 'named target ports are not supported here; use the container port number' : undefined)).optional(),
    nodePort: nodePort.optional(),
  })
  // SetDefaults_Service: targetPort defaults to port.
  .transform(({ targetPort, ...p }) => ({ ...p, targetPort: targetPort ?? p.port }));

const serviceSchema: z.ZodType<Service> = z.object({
  apiVersion: z.literal('v1'),
  kind: z.literal('Service'),
  metadata,
  spec: z
    .object({
      type: z.enum(['ClusterIP', 'NodePort', 'LoadBalancer']).default('ClusterIP'),
      selector: stringMap.optional(),
      clusterIP: str.optional(),
      ports: z.array(servicePort).default([]),
    })
    .superRefine((s, ctx) => {
      // Only a headless Service may have no ports.
      if (s.ports.length === 0 && s.clusterIP !== 'None') ctx.addIssue({ code: 'custom', path: ['ports'], message: 'Required value' });
      s.ports.forEach((p, i) => {
        if (s.ports.length > 1 && p.name === undefined) ctx.addIssue({ code: 'custom', path: ['ports', i, 'name'], message: 'Required value' });
        if (p.nodePort !== undefined && s.type === 'ClusterIP') {
          ctx.addIssue({ code: 'custom', path: ['ports', i, 'nodePort'], message: "Forbidden: may not be used when `type` is 'ClusterIP'" });
        }
      });
    }),
});

const pdbSchema: z.ZodType<PodDisruptionBudget> = z.object({
  apiVersion: z.literal('policy/v1'),
  kind: z.literal('PodDisruptionBudget'),
  metadata,
  spec: z
    .object({ selector: labelSelector, minAvailable: upTo100.optional(), maxUnavailable: upTo100.optional() })
    .superRefine((s, ctx) => {
      if (s.minAvailable !== undefined && s.maxUnavailable !== undefined) ctx.addIssue({ code: 'custom', message: 'minAvailable and maxUnavailable cannot be both set' });
    }),
});

interface KindEntry {
  readonly apiVersion: string;
  readonly schema: z.ZodType<K8sObject>;
}

const nodeOnly: z.ZodType<Node> = nodeSchema;
const podOnly: z.ZodType<Pod> = podSchema;

const KINDS: ReadonlyMap<string, KindEntry> = new Map([
  ['Pod', { apiVersion: 'v1', schema: podOnly }],
  ['Node', { apiVersion: 'v1', schema: nodeOnly }],
  ['Deployment', { apiVersion: 'apps/v1', schema: deploymentSchema }],
  ['ReplicaSet', { apiVersion: 'apps/v1', schema: replicaSetSchema }],
  ['DaemonSet', { apiVersion: 'apps/v1', schema: daemonSetSchema }],
  ['Service', { apiVersion: 'v1', schema: serviceSchema }],
  ['PodDisruptionBudget', { apiVersion: 'policy/v1', schema: pdbSchema }],
]);
const SUPPORTED = [...KINDS.keys()].join(', ');

function byteLength(text: string): number {
  // Cheap upper bound first: a UTF-16 unit is at most 3 bytes of UTF-8.
  return text.length * 3 <= MAX_BYTES ? text.length : new TextEncoder().encode(text).length;
}

/**
 * Every object in the text, validated and defaulted. Throws ManifestError naming the file, the
 * document and the field ("app.yaml: document 2: spec.template.spec.containers[0].image: ...").
 */
export function parseObjects(text: string, file: string): K8sObject[] {
  const bytes = byteLength(text);
  if (bytes > MAX_BYTES) throw new ManifestError(file, '', `too large: ${bytes} bytes (at most ${MAX_BYTES} bytes, 1 MiB)`);
  const raws = readObjects(text, file);
  if (raws.length > MAX_OBJECTS) throw new ManifestError(file, '', `too many objects: ${raws.length} (at most ${MAX_OBJECTS})`);
  return raws.map((raw) => {
    const v = raw.value;
    if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new ManifestError(file, raw.path, `expected an object, got ${shownValue(v)}`);
    const kind: unknown = 'kind' in v ? v.kind : undefined;
    const apiVersion: unknown = 'apiVersion' in v ? v.apiVersion : undefined;
    if (kind === undefined) throw new ManifestError(file, joinPath(raw.path, 'kind'), 'required field is missing');
    if (typeof kind !== 'string') throw new ManifestError(file, joinPath(raw.path, 'kind'), `expected string, got ${shownValue(kind)}`);
    const entry = KINDS.get(kind);
    if (entry === undefined) throw new ManifestError(file, raw.path, `kind ${/^[A-Za-z][A-Za-z0-9]*$/.test(kind) ? kind : shownValue(kind)} is not supported here (supported: ${SUPPORTED})`);
    if (apiVersion === undefined) throw new ManifestError(file, joinPath(raw.path, 'apiVersion'), 'required field is missing');
    if (apiVersion !== entry.apiVersion) {
      throw new ManifestError(file, raw.path, `no matches for kind ${shownValue(kind)} in version ${shownValue(apiVersion)} (expected ${shownValue(entry.apiVersion)})`);
    }
    const result = entry.schema.safeParse(v);
    if (result.success) return result.data;
    const issue = result.error.issues[0];
    if (issue === undefined) throw new ManifestError(file, raw.path, `invalid ${kind}`);
    throw new ManifestError(file, joinPath(raw.path, formatPath(issue.path)), issueMessage(issue));
  });
}
