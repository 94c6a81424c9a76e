/**
 * Where `kubedeck export` writes. Video/GIF: --out is the file (an existing directory gets
 * <scenario>.<ext> inside). PNG: --out is a directory (one <scenario>-step-NN.png per step) or a
 * name pattern with {step} (replaced by the step number, e.g. shots/pod-{step}.png).
 */
import { basename, join } from 'node:path';

export interface OutputPlan {
  /** For each file the page produced (by its name), the path to write. */
  pathFor(name: string): string;
  /** A directory to create first, if any. */
  readonly dir?: string;
}

const STEP_NUMBER = /-step-(\d+)\.png$/;

export function planOutputs(format: string, out: string, isDirectory: (path: string) => boolean): OutputPlan {
  if (format === 'png') {
    if (out.includes('{step}')) {
      return { pathFor: (name) => out.replaceAll('{step}', STEP_NUMBER.exec(name)?.[1] ?? basename(name, '.png')) };
    }
    return { dir: out, pathFor: (name) => join(out, name) };
  }
  if (isDirectory(out)) return { pathFor: (name) => join(out, name) };
  return { pathFor: () => out };
}
