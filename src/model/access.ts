/**
 * Who may do what: kube-apiserver's authentication and authorization (Node authorizer, then
 * RBAC), reduced to the identities and default roles a kubeadm cluster has.
 */
import type { Rule } from './controller-roles.ts';
import { controllerAllows } from './controller-roles.ts';

export interface Identity {
  readonly user: string;
  readonly groups: readonly string[];
  /** How the request proved who it is. */
  readonly method: 'x509 client certificate' | 'service account token';
}

export type Verb = 'get' | 'list' | 'watch' | 'create' | 'update' | 'patch' | 'delete';

export interface Decision {
  readonly allowed: boolean;
  /** Which authorizer or role decided: "RBAC: ClusterRole system:kube-scheduler". */
  readonly by: string;
}

const KNOWN_USERS: Readonly<Record<string, Identity>> = {
  'kubernetes-admin': { user: 'kubernetes-admin', groups: ['kubeadm:cluster-admins', 'system:authenticated'], method: 'x509 client certificate' },
  'system:kube-scheduler': { user: 'system:kube-scheduler', groups: ['system:authenticated'], method: 'x509 client certificate' },
  'system:kube-controller-manager': { user: 'system:kube-controller-manager', groups: ['system:authenticated'], method: 'x509 client certificate' },
  developer: { user: 'developer', groups: ['system:authenticated'], method: 'x509 client certificate' },
};

/**
 * Identities already worked out, by user (null: unknown). Every request is authenticated, and
 * node and service-account users were matched against their patterns each time. Read-only
 * identities, so one is shared; bounded like parseRef's memo.
 */
const AUTHENTICATED = new Map<string, Identity | null>();

/** Returns the identity behind a request, or undefined (401 Unauthorized). */
export function authenticate(user: string): Identity | undefined {
  const known = AUTHENTICATED.get(user);
  if (known !== undefined) return known ?? undefined;
  const identity = identify(user);
  if (AUTHENTICATED.size >= 10_000) AUTHENTICATED.clear();
  AUTHENTICATED.set(user, identity ?? null);
  return identity;
}

/**
 * Drop the identities worked out: a new run starts with none, so a 500-node run's node users
 * are not kept once another scenario replaced it (as parseRef's memo, forgetParsedRefs).
 */
export function forgetIdentities(): void {
  AUTHENTICATED.clear();
}

function identify(user: string): Identity | undefined {
  const known = KNOWN_USERS[user];
  if (known) return known;
  if (/^system:node:[a-z0-9.-]+$/.test(user)) return { user, groups: ['system:nodes', 'system:authenticated'], method: 'x509 client certificate' };
  if (/^system:serviceaccount:[a-z0-9-]+:[a-z0-9-]+$/.test(user)) {
    const ns = user.split(':')[2] ?? '';
    return { user, groups: ['system:serviceaccounts', `system:serviceaccounts:${ns}`, 'system:authenticated'], method: 'service account token' };
  }
  return undefined;
}


/** Where a role applies: a RoleBinding grants it in one namespace only; absent = cluster-wide. */
interface Grant {
  readonly role: string;
  readonly namespace?: string;
  readonly rules: readonly Rule[];
}

const READ: readonly Verb[] = ['get', 'list', 'watch'];
const WRITE: readonly Verb[] = ['get', 'list', 'watch', 'create', 'update', 'patch', 'delete'];

/** Default ClusterRoles (abridged) bound to the users above. */
const ROLES: Readonly<Record<string, Grant>> = {
  'system:kube-scheduler': {
    role: 'ClusterRole system:kube-scheduler',
    rules: [
      [['pods', 'nodes', 'services', 'replicasets'], READ],
      [['pods/binding', 'bindings'], ['create']],
      [['pods/status'], ['patch', 'update']],
      [['events', 'leases'], WRITE],
    ],
  },
  'system:kube-controller-manager': { role: 'ClusterRole system:kube-controller-manager', rules: [[['*'], WRITE]] },
  // A RoleBinding in the team's own namespace "dev" to ClusterRole view: reads there, nowhere else.
  developer: { role: 'RoleBinding dev/developer-view -> ClusterRole view', namespace: 'dev', rules: [[['pods', 'services', 'deployments', 'replicasets'], READ]] },
};

/**
 * Decides like `--authorization-mode=Node,RBAC`: the Node authorizer first, then RBAC.
 * `namespace`: the request's namespace (absent for cluster-scoped resources).
 */
export function authorize(identity: Identity, verb: Verb, resource: string, namespace?: string): Decision {
  if (identity.groups.includes('system:nodes')) {
    return { allowed: true, by: 'Node authorizer' };
  }
  if (identity.groups.includes('kubeadm:cluster-admins') || identity.groups.includes('system:masters')) {
    return { allowed: true, by: 'RBAC: ClusterRole cluster-admin' };
  }
  if (identity.user.startsWith('system:serviceaccount:kube-system:')) {
    const controller = identity.user.split(':')[3] ?? '';
    const allowed = controllerAllows(controller, verb, resource) === true;
    return { allowed, by: allowed ? `RBAC: ClusterRole system:controller:${controller}` : 'RBAC: no rule allows it' };
  }
  const entry = ROLES[identity.user];
  if (entry && (entry.namespace === undefined || entry.namespace === namespace)) {
    const allowed = entry.rules.some(([resources, verbs]) => (resources.includes('*') || resources.includes(resource)) && verbs.includes(verb));
    return { allowed, by: allowed ? `RBAC: ${entry.role}` : 'RBAC: no rule allows it' };
  }
  return { allowed: false, by: 'RBAC: no rule allows it' };
}
