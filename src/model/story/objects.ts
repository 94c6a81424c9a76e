/**
 * The file's `objects:` as cluster objects: each manifest checked and defaulted by parseObjects
 * (src/model/manifest/objects.ts, as `kubectl apply -f -` is), limited to the kinds a scenario
 * seeds, and kept in the order written (written-order.ts). Errors point into the file.
 */
import { isNode, type Document, type LineCounter } from 'yaml';
import { parseObjects } from '../manifest/objects.ts';
import { ManifestError } from '../manifest/errors.ts';
import { readObjects } from '../manifest/documents.ts';
import type { K8sObject } from '../objects.ts';
import { withParticle } from '../josa.ts';
import type { Words } from './bilingual.ts';
import { nodeAt } from './positions.ts';
import { inWrittenOrder } from './written-order.ts';

/** Nodes come from cluster.nodes; ReplicaSets from their Deployments. */
export const SEEDABLE_KINDS = ['Deployment', 'DaemonSet', 'Pod', 'Service', 'PodDisruptionBudget'] as const;

export interface ObjectProblem {
  /** Path from the file's root to the field at fault (as far as it is known). */
  readonly path: readonly PropertyKey[];
  /** A position inside a block-scalar `objects: |` text, when the manifest error gives one. */
  readonly at?: { readonly line: number; readonly col: number };
  readonly message: Words;
}

/** `spec.template.containers[0]["nvidia.com/gpu"]` -> ["spec", "template", "containers", 0, "nvidia.com/gpu"]. */
export function pathSegments(where: string): PropertyKey[] {
  const out: PropertyKey[] = [];
  for (const m of where.matchAll(/([^.[\]]+)|\[(\d+)\]|\["((?:[^"\\]|\\.)*)"\]/g)) {
    if (m[2] !== undefined) out.push(Number(m[2]));
    else if (m[3] !== undefined) out.push(m[3]);
    else if (m[1] !== undefined) out.push(m[1]);
  }
  return out;
}

const rejected = (detail: string): Words => ({ en: detail, ko: `Kubernetes 매니페스트로 받아들일 수 없습니다: ${detail}` });

/** Objects exist from the start, so a Pod is already running on a node. */
const UNPLACED_POD: Words = {
  en: 'a Pod among the objects runs from the start: give it spec.nodeName, or create it in a step (kubectl run, kubectl apply -f -)',
  ko: 'objects의 파드는 처음부터 실행 중입니다. spec.nodeName을 쓰거나, 단계에서 만드세요(kubectl run, kubectl apply -f -)',
};

function kindProblem(o: K8sObject): Words | undefined {
  if (o.kind === 'Pod' && o.spec.nodeName === undefined) return UNPLACED_POD;
  if ((SEEDABLE_KINDS as readonly string[]).includes(o.kind)) return undefined;
  const list = SEEDABLE_KINDS.join(', ');
  return o.kind === 'Node'
    ? { en: 'nodes are listed in cluster.nodes, not in objects', ko: '노드는 objects가 아니라 cluster.nodes에 씁니다' }
    : { en: `a scenario seeds ${list}; not ${o.kind}`, ko: `시나리오가 처음부터 둘 수 있는 오브젝트는 ${list}입니다. ${withParticle(o.kind, '은/는')} 둘 수 없습니다` };
}

/** Objects written as a list in the file: each checked on its own, so errors name objects[i]. */
function listed(values: readonly unknown[], file: string): { objects: K8sObject[]; problems: ObjectProblem[] } {
  const objects: K8sObject[] = [];
  const problems: ObjectProblem[] = [];
  values.forEach((value, i) => {
    try {
      const [parsed] = parseObjects(JSON.stringify(value), file);
      if (parsed === undefined) return;
      const kind = kindProblem(parsed);
      if (kind !== undefined) problems.push({ path: ['objects', i, kind === UNPLACED_POD ? 'spec' : 'kind'], message: kind });
      else objects.push(inWrittenOrder(value, parsed) as K8sObject);
    } catch (e) {
      if (!(e instanceof ManifestError)) throw e;
      problems.push({ path: ['objects', i, ...pathSegments(e.where)], message: rejected(e.detail) });
    }
  });
  return { objects, problems };
}

/** Where `line N column M` of a block scalar's text is in the file. */
function inBlock(source: FileSource, where: string): { line: number; col: number } | undefined {
  const m = /^line (\d+) column (\d+)$/.exec(where);
  const { node } = nodeAt(source.doc, ['objects']);
  const start = isNode(node) ? node.range?.[0] : undefined;
  if (m === null || start === undefined) return undefined;
  const indicator = source.lines.linePos(start);
  // The text starts on the line after `|`, every line indented as much as the first.
  const first = source.lines.lineStarts[indicator.line] ?? 0;
  const indent = /^ */.exec(source.text.slice(first))?.[0].length ?? 0;
  return { line: indicator.line + Number(m[1]), col: Number(m[2]) + indent };
}

/** Objects written as multi-document YAML text (`objects: |`). */
function texted(text: string, file: string, source: FileSource): { objects: K8sObject[]; problems: ObjectProblem[] } {
  try {
    const parsed = parseObjects(text, file);
    const written = readObjects(text, file).map((r) => r.value);
    const problems = parsed.flatMap((o, i) => {
      const kind = kindProblem(o);
      const which = parsed.length > 1 ? { en: `document ${i + 1}: `, ko: `문서 ${i + 1}: ` } : { en: '', ko: '' };
      return kind === undefined ? [] : [{ path: ['objects'], message: { en: which.en + kind.en, ko: which.ko + kind.ko } }];
    });
    return { objects: problems.length > 0 ? [] : parsed.map((o, i) => inWrittenOrder(written[i], o) as K8sObject), problems };
  } catch (e) {
    if (!(e instanceof ManifestError)) throw e;
    const at = inBlock(source, e.where);
    const detail = e.where === '' || at !== undefined ? e.detail : `${e.where}: ${e.detail}`;
    return { objects: [], problems: [{ path: ['objects'], ...(at === undefined ? {} : { at }), message: rejected(detail) }] };
  }
}

/** The file being read: its text, its YAML document and line counter. */
export interface FileSource {
  readonly text: string;
  readonly doc: Document;
  readonly lines: LineCounter;
}

/** `given` is the raw `objects:` value (as written, before the story schema reordered anything). */
export function storyObjects(given: unknown, file: string, source: FileSource): { objects: K8sObject[]; problems: ObjectProblem[] } {
  if (typeof given === 'string') return texted(given, file, source);
  return Array.isArray(given) ? listed(given, file) : { objects: [], problems: [] };
}
