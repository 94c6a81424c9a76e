import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diffObjects } from '../../src/model/diff.ts';

describe('diffObjects', () => {
  it('lists changed leaves in the order of the old keys, then the new ones, without resourceVersion or managedFields', () => {
    const before = { metadata: { name: 'p', resourceVersion: '1', managedFields: [{ a: 1 }], labels: { app: 'web' } }, spec: { nodeName: undefined, x: 1 }, status: { phase: 'Pending' } };
    const after = { metadata: { name: 'p', resourceVersion: '2', managedFields: [{ a: 2 }], labels: { app: 'web', tier: 'fe' } }, spec: { x: 1, nodeName: 'n1' }, status: { phase: 'Running', podIP: '10.0.0.1' } };
    expect(diffObjects(before, after)).toEqual([
      { path: 'metadata.labels.tier', to: 'fe' },
      { path: 'spec.nodeName', to: 'n1' },
      { path: 'status.phase', from: 'Pending', to: 'Running' },
      { path: 'status.podIP', to: '10.0.0.1' },
    ]);
  });

  it('keys conditions by type and named items by name, in either order, and leaves out the timestamps that only say when', () => {
    const cond = (type: string, status: string, t: string) => ({ type, status, lastTransitionTime: t, lastProbeTime: t });
    const before = { status: { conditions: [cond('Ready', 'False', 'a'), cond('PodScheduled', 'True', 'a')], containerStatuses: [{ name: 'web', ready: false }] } };
    const after = { status: { conditions: [cond('PodScheduled', 'True', 'b'), cond('Ready', 'True', 'b'), cond('Initialized', 'True', 'b')], containerStatuses: [{ name: 'web', ready: true }] } };
    expect(diffObjects(before, after)).toEqual([
      { path: 'status.conditions.Ready.status', from: 'False', to: 'True' },
      { path: 'status.conditions.Initialized', to: cond('Initialized', 'True', 'b') },
      { path: 'status.containerStatuses.web.ready', from: false, to: true },
    ]);
    // Same keys in the same order: the same paths.
    const same = { status: { conditions: [cond('Ready', 'True', 'c'), cond('PodScheduled', 'True', 'c')] } };
    expect(diffObjects(before, same)).toEqual([
      { path: 'status.conditions.Ready.status', from: 'False', to: 'True' },
      { path: 'status.containerStatuses', from: before.status.containerStatuses },
    ]);
  });

  it('compares arrays without keys (or with a repeated key) whole, and sees a removed field', () => {
    expect(diffObjects({ a: [1, 2], b: 1 }, { a: [1, 3] })).toEqual([
      { path: 'a', from: [1, 2], to: [1, 3] },
      { path: 'b', from: 1 },
    ]);
    const dup = [{ name: 'x', v: 1 }, { name: 'x', v: 2 }];
    expect(diffObjects({ c: dup }, { c: [{ name: 'x', v: 1 }, { name: 'x', v: 3 }] })).toEqual([{ path: 'c', from: dup, to: [{ name: 'x', v: 1 }, { name: 'x', v: 3 }] }]);
    expect(diffObjects({ a: { b: [1] } }, { a: { b: [1] } })).toEqual([]);
  });

  it('names a path the same however often it recurs, keyed items at the root after a dot', () => {
    const a = diffObjects({ status: { phase: 'Pending' } }, { status: { phase: 'Running' } });
    const b = diffObjects({ status: { phase: 'Running' } }, { status: { phase: 'Failed' } });
    expect(b[0]?.path).toBe('status.phase');
    expect(b[0]?.path).toBe(a[0]?.path);
    expect(diffObjects([{ type: 'Ready', status: 'False' }], [{ type: 'Ready', status: 'True' }])).toEqual([{ path: '.Ready.status', from: 'False', to: 'True' }]);
    expect(diffObjects({ lastProbeTime: 'a', x: { lastProbeTime: 'a' } }, { lastProbeTime: 'b', x: { lastProbeTime: 'b' } })).toEqual([]);
  });

  it('finds the changes a walk over the union of the keys finds, of records and of keyed arrays (property)', () => {
    // Nested records of a few keys, some values undefined (a field present but unset), and short
    // arrays of items keyed by type or name (some unkeyed, some keys repeated), so the two
    // versions' key lists overlap in every way. The reference walks the union of the keys as the
    // documented order has it: a's keys, then b's others.
    type Value = Rec | Value[] | number | undefined | { type?: string; name?: string; v: number | undefined };
    type Rec = { [k: string]: Value };
    const key = fc.constantFrom('a', 'b', 'c', 'd', 'e');
    const leaf = fc.option(fc.integer({ min: 0, max: 2 }), { nil: undefined });
    const item = fc.oneof(fc.record({ type: key, v: leaf }), fc.record({ name: key, v: leaf }), fc.record({ v: leaf }), fc.integer({ min: 0, max: 2 }));
    const rec: fc.Arbitrary<Rec> = fc.letrec<{ rec: Rec }>((tie) => ({
      rec: fc.dictionary(key, fc.oneof({ maxDepth: 2 }, leaf, tie('rec'), fc.array(item, { maxLength: 4 })), { maxKeys: 4 }),
    })).rec;
    type Change = { path: string; from?: unknown; to?: unknown };
    const isRec = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
    const keyOfItem = (v: unknown): string | undefined => (isRec(v) ? (typeof v['type'] === 'string' ? v['type'] : typeof v['name'] === 'string' ? v['name'] : undefined) : undefined);
    const keysOf = (arr: readonly unknown[]): string[] | undefined => {
      const keys: string[] = [];
      for (const v of arr) {
        const k = keyOfItem(v);
        if (k === undefined || keys.includes(k)) return undefined;
        keys.push(k);
      }
      return keys;
    };
    const same = (a: unknown, b: unknown): boolean => {
      if (a === b) return true;
      if (Array.isArray(a) || Array.isArray(b)) return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => same(x, b[i]));
      return isRec(a) && isRec(b) && Object.keys(a).length === Object.keys(b).length && Object.keys(a).every((k) => same(a[k], b[k]));
    };
    const reference = (path: string, a: unknown, b: unknown, out: Change[]): void => {
      if (a === b) return;
      if (isRec(a) && isRec(b)) {
        const keys = [...Object.keys(a), ...Object.keys(b).filter((k) => !Object.hasOwn(a, k) && b[k] !== undefined)];
        for (const k of keys) reference(path === '' ? k : `${path}.${k}`, a[k], b[k], out);
        return;
      }
      if (Array.isArray(a) && Array.isArray(b)) {
        const ka = keysOf(a);
        const kb = keysOf(b);
        if (ka && kb) {
          for (const k of [...ka, ...kb.filter((k) => !ka.includes(k))]) reference(`${path}.${k}`, a[ka.indexOf(k)], b[kb.indexOf(k)], out);
          return;
        }
      }
      if (same(a, b)) return;
      out.push(a === undefined ? { path, to: b } : b === undefined ? { path, from: a } : { path, from: a, to: b });
    };
    fc.assert(
      fc.property(rec, rec, (a, b) => {
        const want: Change[] = [];
        reference('', a, b, want);
        expect(diffObjects(a, b)).toEqual(want);
      }),
      { numRuns: 3000 },
    );
  });
});
