import { notFound } from './errors.ts';
import { resourceInfo, type ResourceType } from './resources.ts';
/**
 * Thrown inside the parser with the exact text the learner sees; `parseCommand` catches it and
 * returns it as `{ ok: false, error }`, so nothing escapes the parser.
 */
export class CommandError extends Error {
  constructor(
    readonly text: string,
    /** For a NotFound: the object kube-apiserver was asked about (kubectl sends the request; the 404 is the server's). */
    readonly missing?: MissingObject,
  ) {
    super(text);
    this.name = 'CommandError';
  }
}

export interface MissingObject {
  readonly resource: ResourceType;
  readonly name: string;
}

export function fail(text: string): never {
  throw new CommandError(text);
}

/** kube-apiserver's `Error from server (NotFound)` for an object the cluster does not hold. */
export function failNotFound(resource: ResourceType, name: string): never {
  throw new CommandError(notFound(resourceInfo(resource).qualified, name), { resource, name });
}
