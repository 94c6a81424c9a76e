/** What an action's effect works with: the cluster, kubectl's output, and a way to say it finished. */
import type { ApiAnswer } from '../../components/client.ts';
import type { Cluster } from '../../cluster.ts';
import type { QualifiedResource } from '../../../model/kubectl/errors.ts';
import * as errors from '../../../model/kubectl/errors.ts';
import { resourceInfo, type ResourceType } from '../../../model/kubectl/resources.ts';
import type { ObjectRef } from '../../../model/objects.ts';

export interface EffectContext {
  readonly cluster: Cluster;
  /** One line kubectl prints. */
  readonly print: (line: string) => void;
  /** The command has finished: kubectl returned (ok: its exit code was 0). */
  readonly done: (ok: boolean) => void;
}

/** The namespace of the sandbox's objects. */
export const NAMESPACE = 'default';

/** The stored object a command's `TYPE NAME` names (nodes have no namespace). */
export function refFor(type: ResourceType, name: string): ObjectRef {
  const { kind } = resourceInfo(type);
  return type === 'node' ? `Node/${name}` : `${kind}/${NAMESPACE}/${name}`;
}

/** What kubectl prints for an error answer of kube-apiserver, in kubectl's words. */
export function serverError(answer: ApiAnswer, resource: QualifiedResource, name: string): string {
  if (answer.status === 404) return errors.notFound(resource, name);
  if (answer.status === 409) return errors.alreadyExists(resource, name);
  return `Error from server: ${answer.message}`;
}

export const succeeded = (answer: ApiAnswer): boolean => answer.status < 300;

/** Runs `each` on the items one after another, each calling `next` when its answer is in; `done(true)` after the last. */
export function inTurn<T>(items: readonly T[], each: (item: T, next: (ok: boolean) => void) => void, done: (ok: boolean) => void): void {
  let allOk = true;
  const go = (i: number): void => {
    const item = items[i];
    if (item === undefined) return done(allOk);
    each(item, (ok) => {
      allOk &&= ok;
      go(i + 1);
    });
  };
  go(0);
}
