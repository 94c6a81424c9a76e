/**
 * The colours that carry state on the stage, as pure functions of a look and a palette (no
 * PixiJS): pod cards and node tiles draw with them, and the legend's samples (DOM) use the same.
 */
import type { NodeReadiness, PodLook } from './looks.ts';
import type { Palette } from './theme.ts';

/** A pod's look: amber Pending, blue ContainerCreating, green Running/Ready/Succeeded, red Failed, grey otherwise. */
export function lookColour(look: PodLook, p: Palette): number {
  switch (look) {
    case 'Pending':
      return p.warning;
    case 'ContainerCreating':
      return p.info;
    case 'Running':
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

/** A pod sprite on a node tile: like a pod card, but a Running pod that is not Ready (a silent node's) shows as trouble. */
export function dotColour(look: PodLook, p: Palette): number {
  return look === 'Running' ? p.error : lookColour(look, p);
}

/** A node tile's edge: green Ready, red NotReady, grey Unknown (or not registered). */
export function readinessColour(readiness: NodeReadiness, p: Palette): number {
  return readiness === 'Ready' ? p.success : readiness === 'NotReady' ? p.error : p.neutral;
}
