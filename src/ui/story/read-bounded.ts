/**
 * Reads a scenario file's text, from a fetch response or a picked/dropped File, refusing anything
 * larger than the format allows before reading it all (a link to a huge file must not stall the
 * page). Decoded as UTF-8; a byte order mark is dropped.
 */
import { STORY_LIMITS } from '../../model/story/limits.ts';

export class FileTooLarge extends Error {
  override readonly name = 'FileTooLarge';
  constructor(readonly bytes: number) {
    super(`the file is larger than ${STORY_LIMITS.fileBytes} bytes`);
  }
}

/** The bytes are not UTF-8 (a binary file, or text saved in another encoding). */
export class NotUtf8 extends Error {
  override readonly name = 'NotUtf8';
  constructor() {
    super('the file is not UTF-8 text');
  }
}

// Fatal: a binary or Latin-1 file is refused with a clear message, not parsed as mojibake.
const decode = (bytes: Uint8Array): string => {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    throw new NotUtf8();
  }
};

/** A File (open dialog, drop): its size is known before reading. */
export async function readFileText(file: Blob, limit = STORY_LIMITS.fileBytes): Promise<string> {
  if (file.size > limit) throw new FileTooLarge(file.size);
  return decode(new Uint8Array(await file.arrayBuffer()));
}

/** A fetch response body, read chunk by chunk and cut off past the limit. */
export async function readResponseText(response: Response, limit = STORY_LIMITS.fileBytes): Promise<string> {
  const declared = Number(response.headers.get('content-length') ?? '0');
  if (declared > limit) throw new FileTooLarge(declared);
  const reader = response.body?.getReader();
  if (!reader) return '';
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      await reader.cancel();
      throw new FileTooLarge(total);
    }
    chunks.push(value);
  }
  const all = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    all.set(c, at);
    at += c.byteLength;
  }
  return decode(all);
}
