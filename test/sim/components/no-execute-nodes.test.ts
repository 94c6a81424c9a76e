import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Node, TaintEffect } from '../../../src/model/objects.ts';
import { makeNode } from '../../../src/sim/builders.ts';
import { hasNoExecute, NoExecuteNodes } from '../../../src/sim/components/controllers/no-execute-nodes.ts';

describe('NoExecuteNodes', () => {
  it('counts the nodes whose latest version is tainted NoExecute, as a scan of the latest versions does (property)', () => {
    const effect = fc.constantFrom<TaintEffect>('NoSchedule', 'PreferNoSchedule', 'NoExecute');
    const event = fc.record({
      name: fc.constantFrom('a', 'b', 'c', 'd'),
      effects: fc.array(effect, { maxLength: 3 }),
      deleted: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(event, { maxLength: 40 }), (events) => {
        const index = new NoExecuteNodes();
        const latest = new Map<string, Node>();
        for (const e of events) {
          const base = makeNode(e.name, 0);
          const node: Node = { ...base, spec: { ...base.spec, taints: e.effects.map((effect, i) => ({ key: `k${i}`, effect })) } };
          index.seen(node, e.deleted);
          if (e.deleted) latest.delete(e.name);
          else latest.set(e.name, node);
          expect(index.size).toBe([...latest.values()].filter(hasNoExecute).length);
        }
      }),
      { numRuns: 300 },
    );
  });
});
