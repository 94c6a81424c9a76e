/** Kubernetes manifests (JSON or YAML; single objects, Lists, YAML streams) into validated Node / Pod objects. */
import type { z } from 'zod';
import type { Node, Pod } from '../objects.ts';
import { readObjects, type RawObject } from './documents.ts';
import { formatPath, joinPath, ManifestError } from './errors.ts';
import { nodeSchema, podSchema } from './schemas.ts';
import { shownValue } from '../shown-value.ts';

/** A zod issue as the one-line detail of a ManifestError. */
export function issueMessage(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_type' && issue.message.endsWith('received undefined')) return 'required field is missing';
  return issue.message.replace(/^Invalid input: /, '');
}

function validate<T>(schema: z.ZodType<T>, raw: RawObject, file: string, kind: string): T {
  const v = raw.value;
  if (typeof v === 'object' && v !== null && 'kind' in v && v.kind !== kind) {
    throw new ManifestError(file, joinPath(raw.path, 'kind'), `expected ${kind}, got ${shownValue(v.kind)}`);
  }
  const result = schema.safeParse(v);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  if (issue === undefined) throw new ManifestError(file, raw.path, `invalid ${kind}`);
  throw new ManifestError(file, joinPath(raw.path, formatPath(issue.path)), issueMessage(issue));
}

/** Every Node in the file. Throws ManifestError ("nodes.yaml: items[1].status.allocatable.cpu: invalid quantity \"2x\""). */
export function parseNodes(text: string, file: string): Node[] {
  return readObjects(text, file).map((raw) => validate(nodeSchema, raw, file, 'Node'));
}

export function parsePods(text: string, file: string): Pod[] {
  return readObjects(text, file).map((raw) => validate(podSchema, raw, file, 'Pod'));
}

/** Exactly one Pod. */
export function parsePod(text: string, file: string): Pod {
  const pods = parsePods(text, file);
  const only = pods[0];
  if (pods.length !== 1 || only === undefined) throw new ManifestError(file, '', `expected exactly one Pod, found ${pods.length}`);
  return only;
}
