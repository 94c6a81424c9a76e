/**
 * mediabunny stamps MP4s with the wall clock (creation and modification times in mvhd, tkhd and
 * mdhd), so two exports of the same frames differ there. This sets those fields to zero
 * (1904-01-01, "unknown"), in place, so an export is byte-identical run to run.
 */
const CONTAINERS = new Set(['moov', 'trak', 'mdia']);
const STAMPED = new Set(['mvhd', 'tkhd', 'mdhd']);

const boxType = (bytes: Uint8Array, at: number): string => String.fromCharCode(bytes[at + 4] ?? 0, bytes[at + 5] ?? 0, bytes[at + 6] ?? 0, bytes[at + 7] ?? 0);

export function clearMp4Times(bytes: Uint8Array, start = 0, end = bytes.length): Uint8Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let at = start;
  while (at + 8 <= end) {
    let size = view.getUint32(at);
    let header = 8;
    if (size === 1) {
      // 64-bit size (only mdat gets one in practice).
      size = Number(view.getBigUint64(at + 8));
      header = 16;
    } else if (size === 0) size = end - at;
    if (size < header || at + size > end) break;
    const type = boxType(bytes, at);
    if (CONTAINERS.has(type)) clearMp4Times(bytes, at + header, at + size);
    else if (STAMPED.has(type)) {
      // Full box: version (1 byte), flags (3), then creation and modification times (32 or 64 bits each).
      const version = bytes[at + header] ?? 0;
      const width = version === 1 ? 8 : 4;
      bytes.fill(0, at + header + 4, at + header + 4 + 2 * width);
    }
    at += size;
  }
  return bytes;
}
