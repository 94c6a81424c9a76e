/**
 * INTERIM, until parseObjects (src/model/manifest/objects.ts) lands: the file's manifests as
 * cluster objects, checked only for the kinds a scenario may seed and their apiVersion. The
 * values keep the key order they were written in (the seeded objects are stored as written).
 */
import type { K8sObject } from '../objects.ts';
import { readObjects } from '../manifest/documents.ts';
import type { Words } from './bilingual.ts';

/** The kinds a file may seed, with the apiVersion each is served at. */
export const SEEDABLE_KINDS: Readonly<Record<string, string>> = {
  Deployment: 'apps/v1',
  DaemonSet: 'apps/v1',
  Pod: 'v1',
  Service: 'v1',
  PodDisruptionBudget: 'policy/v1',
};

export interface ObjectProblem {
  /** Index of the object, and a path inside it. */
  readonly index: number;
  readonly path: readonly PropertyKey[];
  readonly message: Words;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Problems with one raw manifest value; none when it may be seeded. */
export function objectProblems(value: unknown, index: number): ObjectProblem[] {
  if (!isRecord(value)) return [{ index, path: [], message: { en: 'expected a Kubernetes object', ko: 'Kubernetes 오브젝트여야 합니다' } }];
  const kind = String(value.kind);
  const apiVersion = SEEDABLE_KINDS[kind];
  if (apiVersion === undefined) {
    const list = Object.keys(SEEDABLE_KINDS).join(', ');
    return [{ index, path: ['kind'], message: { en: `a scenario seeds ${list}, not ${kind}`, ko: `시나리오에 넣을 수 있는 오브젝트는 ${list}입니다 (${kind}은 안 됩니다)` } }];
  }
  if (value.apiVersion !== apiVersion) return [{ index, path: ['apiVersion'], message: { en: `${kind} is ${apiVersion}`, ko: `${kind}의 apiVersion은 ${apiVersion}입니다` } }];
  return [];
}

/** Raw manifest values from multi-document YAML text (errors as ManifestError). */
export function manifestValues(text: string, file: string): unknown[] {
  return readObjects(text, file).map((o) => o.value);
}

/** The checked values as objects. */
export const asObjects = (values: readonly unknown[]): K8sObject[] => values.map((v) => v as K8sObject);
