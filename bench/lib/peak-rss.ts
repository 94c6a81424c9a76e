/**
 * This process's peak resident memory, in MB. On Linux from /proc/self/status (VmHWM): the peak
 * of this program alone. getrusage's maxRSS (the fallback elsewhere) carries the parent's size
 * over into a spawned child (Linux keeps the high-water mark of the forked copy across exec), so a
 * child of a big parent (one that has just run vite) read the parent's peak, not its own.
 */
import { readFileSync } from 'node:fs';

export function peakRssMB(): number {
  try {
    const match = /^VmHWM:\s+(\d+)\s+kB$/m.exec(readFileSync('/proc/self/status', 'utf8'));
    if (match?.[1] !== undefined) return Number(match[1]) / 1024;
  } catch {
    // Not Linux: the operating system's account below.
  }
  return process.resourceUsage().maxRSS / 1024;
}
