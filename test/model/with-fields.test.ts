import { describe, expect, it } from 'vitest';
import { withFields } from '../../src/model/with-fields.ts';

describe('withFields: what the spread { ...base, ...fields } gives', () => {
  it('keeps the fields in the spread order: a replaced field in its place, new ones last', () => {
    const base = { phase: 'Pending', conditions: [1], podIP: undefined };
    const cases = [
      [base, { hostIP: '10.0.0.1', conditions: [2], startTime: 't' }],
      [base, { phase: 'Running' }],
      [{}, { a: 1 }],
      [{ a: 1, b: 2 }, {}],
    ] as const;
    for (const [b, f] of cases) {
      const made = withFields(b, f);
      const spread = { ...b, ...f };
      expect(Object.keys(made)).toEqual(Object.keys(spread));
      expect(JSON.stringify(made)).toBe(JSON.stringify(spread));
    }
  });

  it('copies: neither the base nor the fields change, and the result is a new object', () => {
    const base = { name: 'web', uid: undefined as string | undefined };
    const fields = { uid: 'u-1' };
    const made = withFields(base, fields);
    expect(made).not.toBe(base);
    expect(base).toEqual({ name: 'web', uid: undefined });
    expect(fields).toEqual({ uid: 'u-1' });
    expect(made).toEqual({ name: 'web', uid: 'u-1' });
  });

  it('copies an own field named __proto__ as data, as the spread does: the result keeps its prototype', () => {
    const base: object = JSON.parse('{"name":"web","__proto__":{"polluted":true}}');
    const made = withFields(base, { uid: 'u-1' });
    expect(Object.getPrototypeOf(made)).toBe(Object.prototype);
    expect(Object.hasOwn(made, '__proto__')).toBe(true);
    expect('polluted' in made).toBe(false);
    expect(JSON.stringify(made)).toBe(JSON.stringify({ ...base, uid: 'u-1' }));
  });
});
