/**
 * The colours that carry state on the stage, as pure functions of a look and a palette (no
 * PixiJS): pod cards and node tiles draw with them, and the legend's samples (DOM) use the same.
 */
import type { NodeReadiness, PodLook } from './looks.ts';
import type { Palette } from './theme.ts';

/**
 * A pod's look, the same on a ship's deck and as a dot on a node tile: amber while it is not ready
 * (Pending, or Running without Ready: starting up behind a readiness probe, or marked not ready
 * when its node went silent; kubectl prints 0/1), blue ContainerCreating, green Ready and
 * Succeeded, red Failed, grey Terminating and Unknown.
 */
export function lookColour(look: PodLook, p: Palette): number {
  switch (look) {
    case 'Pending':
    case 'Running':
      return p.warning;
    case 'ContainerCreating':
      return p.info;
    case 'Ready':
    case 'Succeeded':
      return p.success;
    case 'Failed':
      return p.error;
    case 'Terminating':
    case 'Unknown':
      return p.neutral;
  }
}

/** A node tile's edge: green Ready, red NotReady, grey Unknown (or not registered). */
export function readinessColour(readiness: NodeReadiness, p: Palette): number {
  return readiness === 'Ready' ? p.success : readiness === 'NotReady' ? p.error : p.neutral;
}
