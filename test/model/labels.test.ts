import { describe, expect, it } from 'vitest';
import { labelSelectorMatches, nodeSelectorTermMatches, nodeSelectorTermsMatch } from '../../src/model/labels.ts';
import type { NodeSelectorRequirement } from '../../src/model/objects.ts';

const labels = { zone: 'a', gpu: 'true', cores: '16' };
const term = (...reqs: NodeSelectorRequirement[]) => ({ matchExpressions: reqs });
const match = (...reqs: NodeSelectorRequirement[]) => nodeSelectorTermMatches(term(...reqs), labels, 'node-1');

describe('node selector requirements (upstream labels.Requirement semantics)', () => {
  it('In / NotIn', () => {
    expect(match({ key: 'zone', operator: 'In', values: ['a', 'b'] })).toBe(true);
    expect(match({ key: 'zone', operator: 'In', values: ['b'] })).toBe(false);
    expect(match({ key: 'missing', operator: 'In', values: ['a'] })).toBe(false);
    expect(match({ key: 'zone', operator: 'NotIn', values: ['b'] })).toBe(true);
    expect(match({ key: 'zone', operator: 'NotIn', values: ['a'] })).toBe(false);
    // NotIn matches a node without the label
    expect(match({ key: 'missing', operator: 'NotIn', values: ['a'] })).toBe(true);
  });
  it('Exists / DoesNotExist', () => {
    expect(match({ key: 'gpu', operator: 'Exists' })).toBe(true);
    expect(match({ key: 'missing', operator: 'Exists' })).toBe(false);
    expect(match({ key: 'missing', operator: 'DoesNotExist' })).toBe(true);
    expect(match({ key: 'gpu', operator: 'DoesNotExist' })).toBe(false);
  });
  it('Gt / Lt compare integers', () => {
    expect(match({ key: 'cores', operator: 'Gt', values: ['8'] })).toBe(true);
    expect(match({ key: 'cores', operator: 'Gt', values: ['16'] })).toBe(false);
    expect(match({ key: 'cores', operator: 'Lt', values: ['32'] })).toBe(true);
    expect(match({ key: 'zone', operator: 'Gt', values: ['1'] })).toBe(false);
    expect(match({ key: 'missing', operator: 'Lt', values: ['1'] })).toBe(false);
  });
  it('malformed requirements make the term match nothing', () => {
    expect(match({ key: 'zone', operator: 'In', values: [] })).toBe(false);
    expect(match({ key: 'gpu', operator: 'Exists', values: ['x'] })).toBe(false);
    expect(match({ key: 'cores', operator: 'Gt', values: ['a'] })).toBe(false);
    expect(match({ key: 'cores', operator: 'Gt', values: ['1', '2'] })).toBe(false);
  });
  it('requirements are ANDed, terms ORed, an empty term matches nothing', () => {
    expect(match({ key: 'zone', operator: 'In', values: ['a'] }, { key: 'gpu', operator: 'DoesNotExist' })).toBe(false);
    expect(nodeSelectorTermsMatch([term({ key: 'zone', operator: 'In', values: ['z'] }), term({ key: 'gpu', operator: 'Exists' })], labels, 'n')).toBe(true);
    expect(nodeSelectorTermsMatch([{}], labels, 'n')).toBe(false);
    expect(nodeSelectorTermsMatch([], labels, 'n')).toBe(false);
  });
  it('matchFields supports metadata.name In / NotIn with one value', () => {
    const f = (req: NodeSelectorRequirement) => nodeSelectorTermMatches({ matchFields: [req] }, labels, 'node-1');
    expect(f({ key: 'metadata.name', operator: 'In', values: ['node-1'] })).toBe(true);
    expect(f({ key: 'metadata.name', operator: 'In', values: ['node-2'] })).toBe(false);
    expect(f({ key: 'metadata.name', operator: 'NotIn', values: ['node-2'] })).toBe(true);
    expect(f({ key: 'metadata.name', operator: 'In', values: ['node-1', 'node-2'] })).toBe(false);
    expect(f({ key: 'metadata.uid', operator: 'In', values: ['node-1'] })).toBe(false);
  });
});

describe('labelSelectorMatches', () => {
  it('matchLabels and matchExpressions; empty selector matches everything', () => {
    expect(labelSelectorMatches({}, labels)).toBe(true);
    expect(labelSelectorMatches({ matchLabels: { zone: 'a' } }, labels)).toBe(true);
    expect(labelSelectorMatches({ matchLabels: { zone: 'b' } }, labels)).toBe(false);
    expect(labelSelectorMatches({ matchLabels: { zone: 'a' }, matchExpressions: [{ key: 'gpu', operator: 'DoesNotExist' }] }, labels)).toBe(false);
  });
});
