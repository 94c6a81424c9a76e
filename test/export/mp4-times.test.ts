/** MP4 creation/modification times are cleared (byte-identical exports), nothing else changes. */
import { describe, expect, it } from 'vitest';
import { clearMp4Times } from '../../src/export/encoders/mp4-times.ts';

const box = (type: string, body: readonly number[]): number[] => {
  const size = 8 + body.length;
  return [(size >>> 24) & 255, (size >>> 16) & 255, (size >>> 8) & 255, size & 255, ...[...type].map((c) => c.charCodeAt(0)), ...body];
};
const stamped = (version: number, width: number): number[] => [version, 0, 0, 0, ...Array<number>(2 * width).fill(0xab), 0x11, 0x22];

describe('clearMp4Times', () => {
  it('zeroes the times in mvhd, tkhd and mdhd (32- and 64-bit), inside moov/trak/mdia only', () => {
    const file = new Uint8Array([
      ...box('ftyp', [1, 2, 3, 4]),
      ...box('moov', [...box('mvhd', stamped(0, 4)), ...box('trak', [...box('tkhd', stamped(1, 8)), ...box('mdia', box('mdhd', stamped(0, 4)))])]),
      ...box('mdat', [0xab, 0xab, 0xab]),
    ]);
    const before = [...file];
    clearMp4Times(file);
    const changed = before.flatMap((b, i) => (b === file[i] ? [] : [i]));
    // 8 + 16 + 8 bytes of times, all 0xab before.
    expect(changed).toHaveLength(32);
    expect(changed.every((i) => before[i] === 0xab && file[i] === 0)).toBe(true);
    // The media data and the bytes after the times stay.
    expect([...file.slice(-3)]).toEqual([0xab, 0xab, 0xab]);
    expect(file.filter((b) => b === 0x22)).toHaveLength(3);
  });

  it('stops at a truncated box instead of reading past the end', () => {
    const file = new Uint8Array([0, 0, 0, 99, ...[...'moov'].map((c) => c.charCodeAt(0)), 1, 2]);
    expect([...clearMp4Times(file)]).toEqual([...file]);
  });
});
