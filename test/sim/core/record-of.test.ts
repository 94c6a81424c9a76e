import { describe, expect, it } from 'vitest';
import { recordOf } from '../../../src/sim/core/record-of.ts';

describe('recordOf', () => {
  it('builds what Object.fromEntries builds: the same own keys in the same order, __proto__ an own key', () => {
    const map = new Map<string, number>([['Pod/default/b', 1], ['10', 2], ['kubelet/node-1', 3], ['__proto__', 4], ['2', 5], ['Pod/default/a', 6]]);
    const built = recordOf(map);
    const expected = Object.fromEntries(map);
    expect(Object.keys(built)).toEqual(Object.keys(expected));
    expect(JSON.stringify(built)).toBe(JSON.stringify(expected));
    expect(Object.getPrototypeOf(built)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(built, '__proto__')).toEqual(Object.getOwnPropertyDescriptor(expected, '__proto__'));
  });
});
