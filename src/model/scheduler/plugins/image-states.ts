/**
 * A node's images as ImageLocality reads them (upstream NodeInfo.ImageStates, built from
 * node.status.images when the snapshot takes the node): image name -> size, the last listed image
 * with a name winning, as upstream's map assignment does. Kept per status.images array: heartbeats
 * replace the Node object but keep the array, so a node's list is read once, not once per pod.
 */
import type { ContainerImage } from '../../objects.ts';

export interface ImageStates {
  /** Name -> size in bytes. */
  readonly sizes: ReadonlyMap<string, number>;
}

const EMPTY: ImageStates = { sizes: new Map() };
const byImages = new WeakMap<readonly ContainerImage[], ImageStates>();

export function imageStatesOf(images: readonly ContainerImage[] | undefined): ImageStates {
  if (images === undefined || images.length === 0) return EMPTY;
  let states = byImages.get(images);
  if (states === undefined) {
    const sizes = new Map<string, number>();
    for (const image of images) for (const name of image.names ?? []) sizes.set(name, image.sizeBytes ?? 0);
    states = { sizes };
    byImages.set(images, states);
  }
  return states;
}
