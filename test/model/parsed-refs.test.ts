import { describe, expect, it } from 'vitest';
import { findScenario } from '../../scenes/index.ts';
import { forgetParsedRefs, parseRef, refNamespace, refOf } from '../../src/model/objects.ts';
import { runScenario } from '../../src/sim/run.ts';

describe('parsed refs are not kept past their run', () => {
  it('parses a ref once while it is in use', () => {
    const a = parseRef('Pod/default/web-1');
    expect(parseRef('Pod/default/web-1')).toBe(a);
    expect(a).toEqual({ kind: 'Pod', namespace: 'default', name: 'web-1' });
    expect(parseRef('Node/a-01')).toEqual({ kind: 'Node', name: 'a-01' });
  });

  it('forgets them when asked, and when a new run starts (a big trace’s names go with it)', () => {
    const before = parseRef('Pod/default/web-2');
    forgetParsedRefs();
    const again = parseRef('Pod/default/web-2');
    expect(again).not.toBe(before);
    expect(again).toEqual(before);
    const def = findScenario('kubectl-get');
    if (def === undefined) throw new Error('kubectl-get');
    runScenario(def);
    expect(parseRef('Pod/default/web-2')).not.toBe(again);
  });
});

describe('refOf', () => {
  it('names an object as "Kind/namespace/name" (or "Kind/name"), one string per ref however often it is asked', () => {
    const pod = { kind: 'Pod', metadata: { name: 'web-1', namespace: 'default' } };
    const a = refOf(pod);
    expect(a).toBe('Pod/default/web-1');
    expect(refOf({ ...pod, metadata: { ...pod.metadata } })).toBe(a);
    expect(refOf({ kind: 'Node', metadata: { name: 'a-01' } })).toBe('Node/a-01');
    expect(refOf({ kind: 'Node', metadata: { name: 'a-01', namespace: '' } })).toBe('Node/a-01');
    forgetParsedRefs();
    expect(refOf(pod)).toBe('Pod/default/web-1');
  });
});

describe('refNamespace', () => {
  it("reads parseRef's namespace off the ref, odd refs included", () => {
    const refs = ['Pod/default/web-1', 'Node/worker-1', 'Lease/kube-node-lease/node-001', 'Pod//x', 'Pod/ns/', 'Pod/default/a/b', 'a/b/c/d', 'noslash', '', '/', '//', '///', 'X/'];
    for (const ref of refs) expect(refNamespace(ref), ref).toBe(parseRef(ref).namespace);
  });
});
