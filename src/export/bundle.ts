/** Several files (the PNGs of an export) as one ZIP download, with a fixed date so it is byte-identical run to run. */
import { zipSync, type Zippable } from 'fflate';
import type { ExportFile } from './options.ts';

const FIXED_DATE = new Date(Date.UTC(2020, 0, 1));

export function bundleFiles(files: readonly ExportFile[], name: string): ExportFile {
  const only = files[0];
  if (files.length === 1 && only) return only;
  // PNGs are compressed already: store them.
  const entries: Zippable = {};
  for (const file of files) entries[file.name] = [file.bytes, { level: 0, mtime: FIXED_DATE }];
  return { name: `${name}.zip`, mime: 'application/zip', bytes: zipSync(entries) };
}
