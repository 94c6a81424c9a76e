/**
 * Reads a file the user named (--nodes, --pod...), checking what it is before reading it: a
 * regular file no bigger than MAX_INPUT_BYTES. `--nodes /dev/zero` fails at once instead of
 * reading until memory runs out; a FIFO or a directory is refused without blocking.
 */
import { closeSync, fstatSync, openSync, readSync, statSync, type Stats } from 'node:fs';
import { escapeControls, cut } from '../model/shown-value.ts';
import { CliError } from './io.ts';

/** 32 MiB: a `kubectl get nodes -o json` of a few thousand nodes; far more than any lesson needs. */
export const MAX_INPUT_BYTES = 32 * 1024 * 1024;

const shownPath = (path: string): string => escapeControls(cut(path, 200));

function why(e: unknown): string {
  const code = typeof e === 'object' && e !== null && 'code' in e ? String(e.code) : '';
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'is a directory';
  return code === '' ? 'cannot be read' : code;
}

function kindOf(stats: Stats): string | undefined {
  if (stats.isFile()) return undefined;
  if (stats.isDirectory()) return 'is a directory';
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'is a device, not a file';
  if (stats.isFIFO()) return 'is a pipe, not a file';
  return 'is not a regular file';
}

function check(path: string, stats: Stats, limit: number): void {
  const kind = kindOf(stats);
  if (kind !== undefined) throw new CliError(`cannot read ${shownPath(path)}: ${kind}`);
  if (stats.size > limit) throw new CliError(`cannot read ${shownPath(path)}: ${stats.size} bytes is more than the ${limit} bytes kubedeck reads`);
}

/** The file's text (UTF-8), or a one-line CliError naming the file. */
export function readInputFile(path: string, limit = MAX_INPUT_BYTES): string {
  let fd: number;
  try {
    // stat first: opening a FIFO would block until someone writes to it.
    check(path, statSync(path), limit);
    fd = openSync(path, 'r');
  } catch (e) {
    if (e instanceof CliError) throw e;
    throw new CliError(`cannot read ${shownPath(path)}: ${why(e)}`);
  }
  try {
    // Again on the open file: it may have been swapped since the stat. Read at most limit + 1 bytes.
    check(path, fstatSync(fd), limit);
    const buffer = Buffer.alloc(Math.min(limit + 1, fstatSync(fd).size + 1));
    let length = 0;
    for (;;) {
      const n = readSync(fd, buffer, length, buffer.length - length, null);
      if (n === 0) break;
      length += n;
      if (length >= buffer.length) throw new CliError(`cannot read ${shownPath(path)}: it grew while being read`);
    }
    return buffer.subarray(0, length).toString('utf8');
  } catch (e) {
    if (e instanceof CliError) throw e;
    throw new CliError(`cannot read ${shownPath(path)}: ${why(e)}`);
  } finally {
    closeSync(fd);
  }
}
