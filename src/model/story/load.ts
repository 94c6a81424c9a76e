/**
 * Reading a scenario file: YAML text -> a validated StoryFile and its seeded objects, or every
 * mistake with its file:line:col and field path. Plain data only: explicit tags (`!!js/function`,
 * `!custom`) are refused, aliases are capped, sizes are bounded (limits.ts). Pure.
 */
import { LineCounter, parseDocument, visit, type Document } from 'yaml';
import type { ClusterNames } from '../kubectl/cluster-names.ts';
import { formatPath } from '../manifest/errors.ts';
import type { K8sObject } from '../objects.ts';
import { cut } from '../shown-value.ts';
import type { Words } from './bilingual.ts';
import { storyObjects } from './objects.ts';
import { STORY_LIMITS } from './limits.ts';
import { placeIssue } from './messages.ts';
import { keyNode, nodeAt, positionOf } from './positions.ts';
import { storySchema, type StoryFile } from './schema.ts';
import { semanticProblems } from './semantic-checks.ts';
import { StoryFileError, type StoryError } from './story-error.ts';

export interface LoadedStory {
  readonly file: string;
  readonly story: StoryFile;
  /** The objects of `objects:`, in the order they are seeded. */
  readonly objects: readonly K8sObject[];
}

export type LoadResult = { readonly ok: true; readonly loaded: LoadedStory } | { readonly ok: false; readonly errors: readonly StoryError[] };

const utf8Length = (text: string): number => new TextEncoder().encode(text).length;

function fail(errors: StoryError[]): LoadResult {
  return { ok: false, errors };
}

/** A YAML problem (syntax, a tag, an alias bomb) at an offset. */
function yamlError(file: string, lines: LineCounter, offset: number | undefined, message: Words): StoryError {
  const pos = offset === undefined ? undefined : lines.linePos(offset);
  return { file, path: '', message, ...(pos === undefined ? {} : { line: pos.line, col: pos.col }) };
}

const tagWords = (tag: string): Words => ({
  en: `tags such as ${cut(tag, 40)} are not allowed: a scenario file is plain data`,
  ko: `${cut(tag, 40)} 같은 태그는 쓸 수 없습니다. 시나리오 파일에는 데이터만 씁니다`,
});

function syntaxErrors(doc: Document, file: string, lines: LineCounter): StoryError[] {
  const out: StoryError[] = [];
  for (const e of [...doc.errors, ...doc.warnings]) {
    if (e.code === 'TAG_RESOLVE_FAILED') {
      out.push(yamlError(file, lines, e.pos[0], tagWords(/Unresolved tag: (\S+)/.exec(e.message)?.[1] ?? '!')));
      continue;
    }
    const reason = cut((e.message.split('\n')[0] ?? e.code).replace(/ at line \d+, column \d+:?$/, ''), 160);
    out.push(yamlError(file, lines, e.pos[0], { en: `invalid YAML: ${reason}`, ko: `YAML 문법 오류: ${reason}` }));
  }
  visit(doc, (_key, node) => {
    if (typeof node === 'object' && node !== null && 'tag' in node && typeof node.tag === 'string' && 'range' in node) {
      const range = node.range as [number, number, number] | undefined;
      const tag = node.tag.replace(/^tag:yaml\.org,2002:/, '!!');
      out.push(yamlError(file, lines, range?.[0], tagWords(tag)));
    }
  });
  return out;
}

function fieldError(doc: Document, file: string, lines: LineCounter, path: readonly PropertyKey[], message: Words, unknownKey?: string): StoryError {
  const { node } = nodeAt(doc, path);
  const at = unknownKey === undefined ? node : (keyNode(node, unknownKey) ?? node);
  const pos = positionOf(at, lines);
  const shown = unknownKey === undefined ? path : [...path, unknownKey];
  return { file, path: formatPath(shown), message, ...(pos === undefined ? {} : { line: pos.line, col: pos.col }) };
}

/** Names the file's cluster will have, for checking commands (command-check.ts). */
function namesOf(story: StoryFile, objects: readonly K8sObject[]): ClusterNames {
  const named = (kind: string): string[] => objects.filter((o) => o.kind === kind).map((o) => o.metadata.name);
  return { pods: named('Pod'), deployments: named('Deployment'), replicasets: [], services: named('Service'), nodes: story.cluster.nodes.map((n) => n.name), etcdMembers: [] };
}

export function loadStory(text: string, file: string): LoadResult {
  const bytes = utf8Length(text);
  if (bytes > STORY_LIMITS.fileBytes) {
    return fail([{ file, path: '', message: { en: `the file is ${bytes} bytes; a scenario file may have at most ${STORY_LIMITS.fileBytes} (1 MB)`, ko: `파일이 ${bytes}바이트입니다. 시나리오 파일은 최대 ${STORY_LIMITS.fileBytes}바이트(1MB)까지입니다` } }]);
  }
  const lines = new LineCounter();
  let doc: Document;
  try {
    doc = parseDocument(text, { lineCounter: lines, customTags: [], uniqueKeys: true, strict: true });
  } catch (e) {
    const reason = cut(e instanceof Error ? (e.message.split('\n')[0] ?? '') : String(e), 120);
    return fail([{ file, path: '', message: { en: `invalid YAML: ${reason}`, ko: `YAML 문법 오류: ${reason}` } }]);
  }
  const syntax = syntaxErrors(doc, file, lines);
  if (syntax.length > 0) return fail(syntax);
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: 100 });
  } catch (e) {
    const reason = e instanceof RangeError ? 'nested too deeply' : cut(e instanceof Error ? (e.message.split('\n')[0] ?? '') : String(e), 120);
    return fail([{ file, path: '', message: { en: `invalid YAML: ${reason}`, ko: `YAML을 읽을 수 없습니다: ${reason}` } }]);
  }
  if (value === null || value === undefined) return fail([{ file, line: 1, col: 1, path: '', message: { en: 'the file is empty', ko: '파일이 비어 있습니다' } }]);
  const parsed = storySchema.safeParse(value, { reportInput: true });
  if (!parsed.success) {
    return fail(parsed.error.issues.map((issue) => {
      const placed = placeIssue(issue);
      return fieldError(doc, file, lines, placed.path, placed.message, placed.unknownKey);
    }));
  }
  const story = parsed.data;
  const raw = (value as { readonly objects?: unknown }).objects;
  const { objects, problems: objectProblems } = storyObjects(raw, file, { text, doc, lines });
  if (objectProblems.length > 0) {
    return fail(objectProblems.map((p) => (p.at === undefined ? fieldError(doc, file, lines, p.path, p.message) : { file, line: p.at.line, col: p.at.col, path: formatPath(p.path), message: p.message })));
  }
  const problems = semanticProblems(story, namesOf(story, objects));
  if (problems.length > 0) return fail(problems.map((p) => fieldError(doc, file, lines, p.path, p.message)));
  return { ok: true, loaded: { file, story, objects } };
}

/** loadStory for callers that stop at the first mistake (the CLI). */
export function loadStoryOrThrow(text: string, file: string): LoadedStory {
  const result = loadStory(text, file);
  if (!result.ok) throw new StoryFileError(result.errors);
  return result.loaded;
}
