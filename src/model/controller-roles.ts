/**
 * The ClusterRoles kube-controller-manager's controllers act under
 * (`--use-service-account-credentials`: each runs as system:serviceaccount:kube-system:<name>,
 * bound to ClusterRole system:controller:<name>). Abridged to the resources this simulation touches;
 * API groups are left out. Source: kubernetes/kubernetes
 * plugin/pkg/auth/authorizer/rbac/bootstrappolicy/controller_policy.go (buildControllerRoles).
 *
 * There is no taint-eviction-controller role: the taint eviction controller runs with the
 * node-controller's client and role (cmd/kube-controller-manager/app/core.go,
 * startTaintEvictionController: "taint-manager uses existing cluster role from node-controller").
 */
import type { Verb } from './access.ts';

export type Rule = readonly [resources: readonly string[], verbs: readonly Verb[]];

const READ: readonly Verb[] = ['get', 'list', 'watch'];
const ALL: readonly Verb[] = ['get', 'list', 'watch', 'create', 'update', 'patch', 'delete'];
/** eventsRule(): create, update, patch on events. */
const EVENTS: Rule = [['events'], ['create', 'update', 'patch']];

export const CONTROLLER_ROLES: Readonly<Record<string, readonly Rule[]>> = {
  'deployment-controller': [
    [['deployments'], [...READ, 'update']],
    [['deployments/status', 'deployments/finalizers'], ['update']],
    [['replicasets'], ALL],
    [['pods'], [...READ, 'update']],
    EVENTS,
  ],
  'replicaset-controller': [
    [['replicasets'], [...READ, 'update']],
    [['replicasets/status', 'replicasets/finalizers'], ['update']],
    [['pods'], ['list', 'watch', 'patch', 'create', 'delete']],
    EVENTS,
  ],
  'daemon-set-controller': [
    [['daemonsets'], READ],
    [['daemonsets/status', 'daemonsets/finalizers'], ['update']],
    [['nodes'], ['list', 'watch']],
    [['pods'], ['list', 'watch', 'create', 'delete', 'patch']],
    [['pods/binding'], ['create']],
    [['controllerrevisions'], ALL],
    EVENTS,
  ],
  'disruption-controller': [
    [['deployments', 'replicasets', 'replicationcontrollers', 'poddisruptionbudgets', 'statefulsets'], READ],
    [['poddisruptionbudgets/status'], ['update']],
    [['pods/status'], ['patch', 'update']],
    EVENTS,
  ],
  'endpointslice-controller': [
    [['services', 'pods', 'nodes'], READ],
    [['services/finalizers'], ['update']],
    [['endpointslices'], ['get', 'list', 'watch', 'create', 'update', 'delete']],
    EVENTS,
  ],
  'generic-garbage-collector': [[['*'], ['get', 'list', 'watch', 'patch', 'update', 'delete']], EVENTS],
  // Used by the node lifecycle controller and the taint eviction controller alike.
  'node-controller': [
    [['nodes'], ['get', 'list', 'watch', 'update', 'delete', 'patch']],
    [['nodes/status', 'pods/status'], ['patch', 'update']],
    [['pods'], ['list', 'watch', 'get', 'delete']],
    EVENTS,
  ],
};

/** Whether ClusterRole system:controller:<account> allows the verb on the resource; undefined = no such role. */
export function controllerAllows(account: string, verb: Verb, resource: string): boolean | undefined {
  const rules = CONTROLLER_ROLES[account];
  if (!rules) return undefined;
  return rules.some(([resources, verbs]) => (resources.includes('*') || resources.includes(resource)) && verbs.includes(verb));
}
