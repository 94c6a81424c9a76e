/** What a REST request is about, as authorization sees it: group, resource, namespace and name. */
import type { K8sKind } from '../../model/objects.ts';
import { parseRef, refNamespace } from '../../model/objects.ts';
import { API_GROUP, isKind, REST_RESOURCE } from '../../model/registry.ts';
import type { ApiRequest } from '../core/messages.ts';

export interface RequestTarget {
  readonly resource: string;
  readonly subresource?: string;
  readonly apiGroup: string;
  readonly namespace?: string;
  readonly name?: string;
}

const target = (kind: string, namespace: string | undefined, name: string | undefined, subresource?: string): RequestTarget => {
  const k: K8sKind | undefined = isKind(kind) ? kind : undefined;
  return {
    resource: k ? REST_RESOURCE[k] : kind.toLowerCase(),
    apiGroup: k ? API_GROUP[k] : '',
    ...(subresource ? { subresource } : {}),
    ...(namespace ? { namespace } : {}),
    ...(name ? { name } : {}),
  };
};

export function forbiddenTarget(request: ApiRequest): RequestTarget {
  switch (request.verb) {
    case 'create':
      // A create names no object in its URL: POST /api/v1/namespaces/{ns}/pods.
      return target(request.object.kind, request.object.kind === 'Node' ? undefined : (request.object.metadata.namespace ?? 'default'), undefined);
    case 'list':
      return target(request.kind, request.namespace, undefined);
    case 'bind': {
      const r = parseRef(request.ref);
      return target(r.kind, r.namespace, r.name, 'binding');
    }
    case 'update': {
      const r = parseRef(request.ref);
      return target(r.kind, r.namespace, r.name, request.subresource);
    }
    case 'evict': {
      const r = parseRef(request.ref);
      return target(r.kind, r.namespace, r.name, 'eviction');
    }
    case 'get':
    case 'delete': {
      const r = parseRef(request.ref);
      return target(r.kind, r.namespace, r.name);
    }
  }
}

/** forbiddenTarget(request).namespace without building the target: authorization asks it of every request. */
export function requestNamespace(request: ApiRequest): string | undefined {
  let namespace: string | undefined;
  switch (request.verb) {
    case 'create':
      namespace = request.object.kind === 'Node' ? undefined : (request.object.metadata.namespace ?? 'default');
      break;
    case 'list':
      namespace = request.namespace;
      break;
    default:
      namespace = refNamespace(request.ref);
  }
  // As target() keeps it: only a non-empty namespace.
  return namespace ? namespace : undefined;
}
