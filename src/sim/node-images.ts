/**
 * The images a node reports in status.images, as the kubelet writes them from containerd's image
 * list (pkg/kubelet/nodestatus Images: sorted by size, largest first, at most nodeStatusMaxImages
 * = 50). containerd names an image by its fully qualified reference: `nginx:1.27` pulled from
 * Docker Hub is listed as `docker.io/library/nginx:1.27`. The scheduler's ImageLocality compares
 * the pod's image name as written (adding only ":latest"), so a short Docker Hub name never
 * matches what containerd reports (the TODO on normalizedImageName in
 * pkg/scheduler/framework/plugins/imagelocality; kubernetes#112699). Sizes are representative
 * compressed sizes (what containerd's CRI reports), not measured from real registries.
 */
import type { ContainerImage } from '../model/objects.ts';

const MB = 1024 * 1024;
/** nodeStatusMaxImages, the kubelet's default. */
const MAX_IMAGES = 50;

/** Representative sizes of the images the scenarios use, by fully qualified name. */
const SIZES: Readonly<Record<string, number>> = {
  'registry.k8s.io/pause:3.10': 320_368,
  'docker.io/library/nginx:1.27': 72 * MB,
  'docker.io/library/nginx:1.28': 73 * MB,
  'docker.io/library/nginx:1.29': 74 * MB,
  'docker.io/library/redis:7.4': 45 * MB,
  'docker.io/curlimages/curl:8.11.0': 11 * MB,
  'docker.io/fluent/fluent-bit:3.2': 38 * MB,
  'registry.example/api:2.1': 120 * MB,
  'registry.k8s.io/etcd:3.5.21-0': 57 * MB,
};
/** An image not in the table (kube-proxy and the control plane's release tags among them): a typical size. */
const DEFAULT_SIZE = 30 * MB;

/**
 * The reference as containerd names it (docker/distribution's normalisation): no registry means
 * docker.io, a single path component on docker.io means library/, no tag means :latest.
 */
export function criImageName(ref: string): string {
  const slash = ref.indexOf('/');
  const first = slash < 0 ? '' : ref.slice(0, slash);
  const hasRegistry = slash >= 0 && (first.includes('.') || first.includes(':') || first === 'localhost');
  let name = hasRegistry ? ref : slash < 0 ? `docker.io/library/${ref}` : `docker.io/${ref}`;
  const lastSlash = name.lastIndexOf('/');
  if (!name.includes('@') && name.lastIndexOf(':') <= lastSlash) name = `${name}:latest`;
  return name;
}

export const imageSize = (ref: string): number => SIZES[criImageName(ref)] ?? DEFAULT_SIZE;

/** status.images for these references: one entry per image, largest first, at most 50. */
export function nodeImages(refs: Iterable<string>): ContainerImage[] {
  const names = [...new Set([...refs].map(criImageName))];
  return names
    .map((name) => ({ names: [name], sizeBytes: SIZES[name] ?? DEFAULT_SIZE }))
    .sort((a, b) => b.sizeBytes - a.sizeBytes || (a.names[0] ?? '').localeCompare(b.names[0] ?? ''))
    .slice(0, MAX_IMAGES);
}
