/**
 * A page's JS heap by kind, from a heap snapshot (CDP HeapProfiler): V8's code (bytecode, machine
 * code, feedback and scope data of the functions the page has run) apart from everything else
 * (objects, arrays, strings, closures, hidden classes). The scale bench tells them apart because a
 * page that ran the 500-node trace keeps code the fresh page never compiled or optimised (the
 * scenario's own code, the scale view, the simulation's hot paths), which no reference to the
 * trace holds. Sums of the objects' own sizes: they need not add up to Runtime.getHeapUsage's
 * figure exactly (V8 counts some space the snapshot does not list). Blink's objects and external
 * memory (canvases, ArrayBuffer contents) are left out, as that figure leaves them out.
 */
import type { CDPSession } from 'playwright-core';

export interface HeapKinds {
  /** V8's code objects (snapshot node type 'code'), MB. */
  readonly code: number;
  /** Every other JS heap object, MB. */
  readonly other: number;
}

interface HeapSnapshot {
  readonly snapshot: { readonly meta: { readonly node_fields: readonly string[]; readonly node_types: readonly [readonly string[], ...unknown[]] } };
  readonly nodes: readonly number[];
}

/** Not the JS heap: Blink's objects and external memory, and the snapshot's own grouping nodes. */
const NOT_JS = new Set(['native', 'synthetic']);

export async function heapKinds(cdp: CDPSession): Promise<HeapKinds> {
  const chunks: string[] = [];
  const onChunk = (event: { chunk: string }): void => {
    chunks.push(event.chunk);
  };
  cdp.on('HeapProfiler.addHeapSnapshotChunk', onChunk);
  try {
    await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
  } finally {
    cdp.off('HeapProfiler.addHeapSnapshotChunk', onChunk);
  }
  const snap = JSON.parse(chunks.join('')) as HeapSnapshot;
  const fields = snap.snapshot.meta.node_fields;
  const types = snap.snapshot.meta.node_types[0];
  const typeAt = fields.indexOf('type');
  const sizeAt = fields.indexOf('self_size');
  let code = 0;
  let other = 0;
  for (let i = 0; i < snap.nodes.length; i += fields.length) {
    const type = types[snap.nodes[i + typeAt] ?? -1] ?? 'native';
    const size = snap.nodes[i + sizeAt] ?? 0;
    if (type === 'code') code += size;
    else if (!NOT_JS.has(type)) other += size;
  }
  return { code: code / (1024 * 1024), other: other / (1024 * 1024) };
}
