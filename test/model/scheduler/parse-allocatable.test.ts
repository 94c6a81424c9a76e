import { describe, expect, it } from 'vitest';
import { parseAllocatable } from '../../../src/model/scheduler/node-info.ts';
import { milliValue, parseQuantity, value } from '../../../src/model/quantity.ts';
import { makeNode } from './helpers.ts';

describe('parseAllocatable (amounts kept by their text)', () => {
  it('answers what parsing each text answers, the same text read as milli-CPU or as a count apart, past the kept limit too', () => {
    for (let round = 0; round < 2; round++) {
      for (let i = 1; i <= 150; i++) {
        // "2" is 2000 millicores as cpu, 2 as pods; "1500m" rounds up to 2 as a count.
        const texts = { cpu: `${i}`, memory: `${i}Gi`, pods: `${i}`, 'ephemeral-storage': `${1500 + i}m`, 'example.com/gpu': `${i % 3}` };
        const got = parseAllocatable(makeNode(`n${i}`, texts, { pods: texts.pods }));
        expect(got.milliCPU).toBe(milliValue(parseQuantity(texts.cpu)));
        expect(got.memory).toBe(value(parseQuantity(texts.memory)));
        expect(got.allowedPodNumber).toBe(value(parseQuantity(texts.pods)));
        expect(got.ephemeralStorage).toBe(value(parseQuantity(texts['ephemeral-storage'])));
        expect(got.scalar.get('example.com/gpu')).toBe(value(parseQuantity(texts['example.com/gpu'])));
      }
    }
  });

  it('throws for a text that does not parse, every time, naming the field', () => {
    for (let i = 0; i < 2; i++) {
      expect(() => parseAllocatable(makeNode('bad', { cpu: '4', memory: 'lots' }))).toThrow(/status\.allocatable\.memory/);
      expect(() => parseAllocatable(makeNode('odd', { cpu: '4', 'vendor-thing': 'x1' }))).toThrow(/status\.allocatable\.vendor-thing/);
    }
  });
});
