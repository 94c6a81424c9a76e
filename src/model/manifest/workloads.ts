/**
 * The objects whose selectors kube-scheduler reads for PodTopologySpread's system default spreading
 * (helper.DefaultSelector): Services, ReplicaSets, StatefulSets and ReplicationControllers. Other
 * kinds in the file are skipped; only metadata and spec.selector are read.
 */
// zod without eval (CSP) before this module builds its schemas, whoever loads it first.
import '../../zod-jitless.ts';
import { z } from 'zod';
import type { LabelSelector } from '../objects.ts';
import { readObjects } from './documents.ts';
import { formatPath, joinPath, ManifestError } from './errors.ts';

export type WorkloadKind = 'Service' | 'ReplicaSet' | 'StatefulSet' | 'ReplicationController';

export interface Workload {
  readonly kind: WorkloadKind;
  readonly name: string;
  readonly namespace: string;
  /** Service and ReplicationController selectors (a label map) as matchLabels. */
  readonly selector: LabelSelector | undefined;
}

const stringMap = z.record(z.string(), z.string());
const labelSelector = z.object({
  matchLabels: stringMap.optional(),
  matchExpressions: z.array(z.object({ key: z.string(), operator: z.enum(['In', 'NotIn', 'Exists', 'DoesNotExist']), values: z.array(z.string()).optional() })).optional(),
});
const metadata = z.object({ name: z.string(), namespace: z.string().optional() });
const mapSelected = z.object({ kind: z.enum(['Service', 'ReplicationController']), metadata, spec: z.object({ selector: stringMap.optional() }).default({}) });
const setSelected = z.object({ kind: z.enum(['ReplicaSet', 'StatefulSet']), metadata, spec: z.object({ selector: labelSelector }) });
const KINDS: readonly string[] = ['Service', 'ReplicaSet', 'StatefulSet', 'ReplicationController'];

export function parseWorkloads(text: string, file: string): Workload[] {
  const out: Workload[] = [];
  for (const raw of readObjects(text, file)) {
    const v = raw.value;
    const kind = typeof v === 'object' && v !== null && 'kind' in v ? v.kind : undefined;
    if (typeof kind !== 'string' || !KINDS.includes(kind)) continue;
    const where = (path: readonly PropertyKey[]): string => joinPath(raw.path, formatPath(path));
    if (kind === 'Service' || kind === 'ReplicationController') {
      const r = mapSelected.safeParse(v);
      if (!r.success) throw new ManifestError(file, where(r.error.issues[0]?.path ?? []), r.error.issues[0]?.message.replace(/^Invalid input: /, '') ?? `invalid ${kind}`);
      const sel = r.data.spec.selector;
      out.push({ kind: r.data.kind, name: r.data.metadata.name, namespace: r.data.metadata.namespace ?? 'default', selector: sel === undefined ? undefined : { matchLabels: sel } });
    } else {
      const r = setSelected.safeParse(v);
      if (!r.success) throw new ManifestError(file, where(r.error.issues[0]?.path ?? []), r.error.issues[0]?.message.replace(/^Invalid input: /, '') ?? `invalid ${kind}`);
      out.push({ kind: r.data.kind, name: r.data.metadata.name, namespace: r.data.metadata.namespace ?? 'default', selector: r.data.spec.selector });
    }
  }
  return out;
}
