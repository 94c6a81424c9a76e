import { describe, expect, it } from 'vitest';
import { inWrittenOrder } from '../../../src/model/story/written-order.ts';

describe('inWrittenOrder', () => {
  it('keeps the written key order and unmodelled fields, and appends the defaults', () => {
    const written = { spec: { hostNetwork: true, containers: [{ image: 'a', name: 'c' }] }, kind: 'DaemonSet' };
    const parsed = { kind: 'DaemonSet', spec: { containers: [{ name: 'c', image: 'a' }], updateStrategy: { type: 'RollingUpdate' } } };
    const out = inWrittenOrder(written, parsed);
    expect(JSON.stringify(out)).toBe('{"spec":{"hostNetwork":true,"containers":[{"image":"a","name":"c"}],"updateStrategy":{"type":"RollingUpdate"}},"kind":"DaemonSet"}');
  });

  it('a "__proto__" key stays a key and changes no prototype', () => {
    const written = JSON.parse('{"labels":{"__proto__":{"polluted":true}}}') as unknown;
    const out = inWrittenOrder(written, { labels: {} }) as { labels: Record<string, unknown> };
    expect(Object.getPrototypeOf(out.labels)).toBe(Object.prototype);
    expect(Object.keys(out.labels)).toEqual(['__proto__']);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });
});
