/**
 * Where a field path points in the YAML text: a zod issue path ["steps", 2, "commands", 0] ->
 * line and column. A missing field points at the object that should hold it; an unknown key at
 * the key itself.
 */
import { isMap, isNode, isPair, isScalar, isSeq, type Document, type LineCounter, type Node } from 'yaml';

export interface Position {
  readonly line: number;
  readonly col: number;
}

function child(node: unknown, key: PropertyKey): unknown {
  if (isMap(node)) return node.items.find((pair) => isScalar(pair.key) && String(pair.key.value) === String(key))?.value;
  if (isSeq(node) && typeof key === 'number') return node.items[key];
  return undefined;
}

/** The key node of `key` in a map, for "unknown key" issues. */
export function keyNode(node: unknown, key: string): Node | undefined {
  if (!isMap(node)) return undefined;
  const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === key);
  return pair !== undefined && isNode(pair.key) ? pair.key : undefined;
}

/** The deepest node on the path that exists (so a missing field is reported at its parent). */
export function nodeAt(doc: Document, path: readonly PropertyKey[]): { readonly node: Node | undefined; readonly depth: number } {
  let node: unknown = doc.contents;
  let depth = 0;
  for (const key of path) {
    const next = child(node, key);
    if (!isNode(next)) break;
    node = next;
    depth++;
  }
  return { node: isNode(node) ? node : undefined, depth };
}

export function positionOf(node: Node | undefined, lines: LineCounter): Position | undefined {
  const offset = node?.range?.[0];
  return offset === undefined ? undefined : lines.linePos(offset);
}
