/**
 * WebM and MP4 through WebCodecs, muxed by mediabunny. WebM prefers VP9 (then VP8, AV1); MP4
 * prefers H.264 (then VP9, AV1, which MP4 also carries). Constant bitrate per size and frame rate,
 * a key frame every 2 s, software encoders preferred so files do not depend on the GPU.
 */
import { BufferTarget, CanvasSource, getFirstEncodableVideoCodec, Mp4OutputFormat, Output, Quality, WebMOutputFormat, type VideoCodec } from 'mediabunny';
import { clearMp4Times } from './mp4-times.ts';
import { ExportError, type FrameSink } from './sink.ts';

export const VIDEO_CODECS: Readonly<Record<'webm' | 'mp4', readonly VideoCodec[]>> = {
  webm: ['vp9', 'vp8', 'av1'],
  mp4: ['avc', 'vp9', 'av1'],
};

/** About 0.1 bits per pixel per frame: sharp text and lines at 720p30 is ~2.8 Mbit/s. */
export const videoBitrate = (width: number, height: number, fps: number): number => Math.round(Math.max(200_000, width * height * fps * 0.1));

export async function videoSink(format: 'webm' | 'mp4', canvas: HTMLCanvasElement, fps: number): Promise<FrameSink> {
  if (typeof VideoEncoder === 'undefined') {
    throw new ExportError('no-encoder', `This browser has no WebCodecs video encoder, so it cannot write ${format.toUpperCase()}: use PNG or GIF, or a current Chromium, Chrome, Edge or Firefox.`);
  }
  const { width, height } = canvas;
  const quality = new Quality({ bitrate: videoBitrate(width, height, fps), bitrateMode: 'variable' });
  const codec = await getFirstEncodableVideoCodec([...VIDEO_CODECS[format]], { width, height, quality });
  if (!codec) {
    throw new ExportError('no-encoder', `This browser cannot encode any video codec ${format.toUpperCase()} takes (${VIDEO_CODECS[format].join(', ')}) at ${width}x${height}: use PNG or GIF, or another size.`);
  }
  const output = new Output({
    format: format === 'mp4' ? new Mp4OutputFormat({ fastStart: 'in-memory' }) : new WebMOutputFormat(),
    target: new BufferTarget(),
  });
  const source = new CanvasSource(canvas, { codec, quality, keyFrameInterval: 2, latencyMode: 'quality', hardwareAcceleration: 'prefer-software' });
  output.addVideoTrack(source, { frameRate: fps });
  await output.start();
  return {
    codec,
    add: (index) => source.add(index / fps, 1 / fps),
    async finish() {
      await output.finalize();
      const buffer = output.target.buffer;
      if (!buffer) throw new Error('the muxer wrote nothing');
      const bytes = new Uint8Array(buffer);
      return format === 'mp4' ? clearMp4Times(bytes) : bytes;
    },
    async cancel() {
      if (output.state !== 'finalized' && output.state !== 'canceled') await output.cancel();
    },
  };
}
