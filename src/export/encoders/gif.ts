/**
 * Animated GIF with gifenc: a 256-colour palette per frame (the stage's colours change as tokens
 * move), loops forever. Delays are whole centiseconds that add up to the exact duration.
 */
import { applyPalette, GIFEncoder, quantize } from 'gifenc';
import { gifDelayCs } from '../options.ts';
import type { FrameSink } from './sink.ts';

export function gifSink(canvas: HTMLCanvasElement, fps: number): FrameSink {
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  if (!ctx) throw new Error('no 2D canvas');
  const { width, height } = canvas;
  const gif = GIFEncoder();
  return {
    codec: 'gif',
    add(index) {
      const { data } = ctx.getImageData(0, 0, width, height);
      const palette = quantize(data, 256, { format: 'rgb565' });
      gif.writeFrame(applyPalette(data, palette, 'rgb565'), width, height, { palette, delay: gifDelayCs(fps, index) * 10, repeat: 0 });
      return Promise.resolve();
    },
    finish() {
      gif.finish();
      return Promise.resolve(gif.bytes());
    },
    cancel: () => Promise.resolve(),
  };
}
