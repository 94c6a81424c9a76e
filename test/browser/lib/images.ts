/** PNG comparison with pixelmatch: how many pixels differ beyond a per-pixel colour threshold. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import pixelmatch from 'pixelmatch';
import { PNG } from 'pngjs';

export interface Comparison {
  readonly differing: number;
  readonly total: number;
  readonly ratio: number;
  readonly sameSize: boolean;
  readonly diff?: PNG;
}

export function comparePng(a: Buffer, b: Buffer, threshold = 0.1): Comparison {
  const pa = PNG.sync.read(a);
  const pb = PNG.sync.read(b);
  if (pa.width !== pb.width || pa.height !== pb.height) {
    return { differing: Infinity, total: pa.width * pa.height, ratio: 1, sameSize: false };
  }
  const diff = new PNG({ width: pa.width, height: pa.height });
  const differing = pixelmatch(pa.data, pb.data, diff.data, pa.width, pa.height, { threshold });
  return { differing, total: pa.width * pa.height, ratio: differing / (pa.width * pa.height), sameSize: true, diff };
}

export function writePng(path: string, data: Buffer | PNG): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, data instanceof PNG ? PNG.sync.write(data) : data);
}
