/**
 * The 403 message kube-apiserver returns when authorization denies a request, worded as upstream
 * (k8s.io/apiserver endpoints/handlers/responsewriters forbiddenMessage + apierrors.NewForbidden):
 *   pods is forbidden: User "developer" cannot list resource "pods" in API group "" in the namespace "default"
 *   nodes "worker-1" is forbidden: User "x" cannot get resource "nodes" in API group "" at the cluster scope
 */
export interface ForbiddenAttributes {
  readonly user: string;
  readonly verb: string;
  /** Plural resource, without the subresource ("pods"). */
  readonly resource: string;
  readonly subresource?: string;
  /** "" for the core group, "apps", "discovery.k8s.io"... */
  readonly apiGroup: string;
  readonly namespace?: string;
  /** The object's name when the URL names one (get, update, delete); absent for list and create. */
  readonly name?: string;
}

export function forbiddenMessage(a: ForbiddenAttributes): string {
  const resource = a.subresource ? `${a.resource}/${a.subresource}` : a.resource;
  const scope = a.namespace ? `in the namespace "${a.namespace}"` : 'at the cluster scope';
  const why = `User "${a.user}" cannot ${a.verb} resource "${resource}" in API group "${a.apiGroup}" ${scope}`;
  // GroupResource.String(): "pods" for the core group, "deployments.apps" otherwise.
  const qualified = a.apiGroup === '' ? a.resource : `${a.resource}.${a.apiGroup}`;
  return a.name ? `${qualified} "${a.name}" is forbidden: ${why}` : `${qualified} is forbidden: ${why}`;
}
