/** Reading user-supplied Kubernetes manifests: parseNodes / parsePods / parsePod, errors as ManifestError. */
export { parseNodes, parsePod, parsePods } from './parse.ts';
export { readObjects, type RawObject } from './documents.ts';
export { ManifestError } from './errors.ts';
export { parseWorkloads, type Workload } from './workloads.ts';
export { MAX_BYTES, MAX_OBJECTS, parseObjects } from './objects.ts';
