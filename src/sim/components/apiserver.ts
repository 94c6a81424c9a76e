/**
 * kube-apiserver: every component's only door. A write passes authentication, authorization,
 * mutating admission, schema validation and validating admission, then is written to etcd; a
 * read skips admission. After etcd confirms a write, the watch cache pushes the change to every
 * watcher whose watch matches it (reference/kubernetes.md section 1).
 */
import type { Verb } from '../../model/access.ts';
import type { Localized } from '../../model/localized.ts';
import { text } from '../../model/localized.ts';
import type { K8sKind, K8sObject, ObjectRef, Pod, PodStatus } from '../../model/objects.ts';
import { parseRef, refOf } from '../../model/objects.ts';
import { forbiddenMessage } from '../../model/forbidden.ts';
import { etcdKey, REST_RESOURCE, SINGULAR } from '../../model/registry.ts';
import { forbiddenTarget, requestNamespace } from './request-target.ts';
import { AccessLabels } from './access-labels.ts';
import { STATUS_SYNC } from './status-sync.ts';
import { withClusterIP } from './service-ip.ts';
import { timestamp } from '../../model/time.ts';
import { withFields } from '../../model/with-fields.ts';
import type { ApiRequest, Envelope, Payload, WatchEventType } from '../core/messages.ts';
import type { Route } from '../core/network.ts';
import type { Runtime } from '../core/runtime.ts';
import { startService } from '../core/service-machine.ts';
import { nameSuffix, uid } from '../core/runtime.ts';
import type { ComponentId } from '../trace.ts';
import { mutatePod, taintNodeAtCreation, validate } from './admission.ts';
import { budgetLabel, budgetsFor, evictionLabel, ignoresBudget, statusEvicted, takeDisruption, TOO_MANY_REQUESTS } from './eviction.ts';
import { inState } from '../core/in-state.ts';

export interface Watcher {
  readonly id: ComponentId;
  readonly kinds: ReadonlySet<K8sKind>;
  /**
   * The kubelet's field selector spec.nodeName=<node>: only pods bound to that node. The watch
   * cache indexes these by node, as upstream does, so a write is not offered to every kubelet.
   */
  readonly podsOnNode?: string;
  /** A field selector metadata.name: only this object (kubectl rollout status watches one Deployment). */
  readonly only?: ObjectRef;
}

type WatchPayload = Extract<Payload, { readonly kind: 'watch' }>;

/**
 * A watch as the watch cache keeps it: with its route, so a push looks no channel up, and whether
 * its watcher is up as of a version of the status board, so a push asks the board only after a
 * change.
 */
interface Watching {
  readonly watcher: Watcher;
  readonly route: Route;
  up: boolean;
  upAsOf: number;
}

interface Stage {
  readonly action: string;
  readonly ms: number;
  readonly label: Localized;
}

const ID: ComponentId = 'kube-apiserver';

/** Lease renewals and Events are routine traffic: they pass the same chain, but quietly. */
function isRoutine(request: ApiRequest): boolean {
  if (request.verb === 'get' && request.statusSync === true) return true;
  if (request.verb === 'create') return request.object.kind === 'Lease' || request.object.kind === 'Event';
  if (request.verb === 'list') return request.kind === 'Lease' || request.kind === 'Event';
  // The ref's kind without splitting it (this runs for every request).
  return request.ref.startsWith('Lease/') || request.ref.startsWith('Event/');
}

/**
 * The RBAC verb follows the HTTP method (apiserver/pkg/endpoints/request/requestinfo.go):
 * GET get/list (watch), POST create, PUT update, PATCH patch, DELETE delete.
 */
export function verbOf(request: ApiRequest): Verb {
  switch (request.verb) {
    case 'bind':
    case 'evict':
      return 'create';
    case 'update':
      return request.method === 'PUT' ? 'update' : 'patch';
    default:
      return request.verb;
  }
}

/** "Pod/", "Node/"...: the kinds' ref prefixes, the most requested (pods) first. */
const REF_PREFIXES = (Object.keys(REST_RESOURCE) as K8sKind[]).map((kind) => [`${kind}/`, kind] as const);

/**
 * The kind a ref starts with, by its prefix: no slice of the ref and no key string per request,
 * and no lookup in parseRef's memo, a map of every ref (~100 ns a request in a big run, its size
 * missing the caches).
 */
function kindOfRef(ref: ObjectRef): string {
  for (const [prefix, kind] of REF_PREFIXES) if (ref.startsWith(prefix)) return kind;
  return parseRef(ref).kind;
}

function resourceOf(request: ApiRequest): string {
  if (request.verb === 'create') return REST_RESOURCE[request.object.kind];
  if (request.verb === 'list') return REST_RESOURCE[request.kind];
  const kind = kindOfRef(request.ref);
  const sub = request.verb === 'bind' ? 'binding' : request.verb === 'evict' ? 'eviction' : request.verb === 'update' && request.subresource ? request.subresource : '';
  return subresourceName(kind, sub);
}

/** "pods", "pods/status", "pods/binding": one string per kind and subresource (by kind, then subresource), not one per request. */
const RESOURCE_NAMES = new Map<string, Map<string, string>>();
function subresourceName(kind: string, sub: string): string {
  let bySub = RESOURCE_NAMES.get(kind);
  if (bySub === undefined) RESOURCE_NAMES.set(kind, (bySub = new Map()));
  let name = bySub.get(sub);
  if (name === undefined) {
    const base = REST_RESOURCE[kind as K8sKind] ?? kind.toLowerCase();
    name = sub === '' ? base : `${base}/${sub}`;
    bySub.set(sub, name);
  }
  return name;
}

/** A response's action ("201 Created"), built once per status. */
const STATUS_ACTION = new Map<number, string>();
function statusAction(status: number): string {
  let action = STATUS_ACTION.get(status);
  if (action === undefined) STATUS_ACTION.set(status, (action = `${status} ${STATUS_TEXT[status] ?? ''}`.trim()));
  return action;
}

const WATCH_ACTION: Readonly<Record<WatchEventType, string>> = { ADDED: 'watch: ADDED', MODIFIED: 'watch: MODIFIED', DELETED: 'watch: DELETED' };

/** Stands in for the label of a quiet request's stage: never recorded, so never built. */
const QUIET: Localized = { en: '', ko: '' };

const UPDATE_STAGES: readonly Stage[] = [
  { action: 'admission:mutating', ms: 1, label: text('mutating admission', '변경(mutating) 어드미션') },
  { action: 'validate', ms: 1, label: text('schema validation: OK', '스키마 검증: 통과') },
  { action: 'admission:validating', ms: 1, label: text('validating admission: allowed', '검증(validating) 어드미션: 허용') },
];
const VALIDATING_STAGES: readonly Stage[] = [{ action: 'admission:validating', ms: 1, label: text('validating admission: allowed', '검증(validating) 어드미션: 허용') }];

const STATUS_TEXT: Readonly<Record<number, string>> = {
  200: 'OK',
  201: 'Created',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  422: 'Unprocessable Entity',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

export interface ApiServer {
  addWatcher(watcher: Watcher): void;
  /** The watch ends (its client closed it). */
  removeWatcher(watcher: Watcher): void;
  /** The watch cache: what kube-apiserver last confirmed from etcd. */
  cached(ref: ObjectRef): K8sObject | undefined;
  seed(obj: K8sObject): void;
  /** Points the etcd client at an etcd cluster (set-up only); `target` picks the member per request. */
  useEtcd(target: () => ComponentId): void;
  /** etcd came back with other data (a restore): the watch cache re-lists and watchers hear the differences. */
  relist(all: readonly K8sObject[]): void;
  stop(): void;
  start(): void;
}

export function createApiServer(rt: Runtime): ApiServer {
  const cache = new Map<ObjectRef, K8sObject>();
  const access = new AccessLabels();
  /** Where the etcd client sends: the single `etcd`, or an etcd cluster's member (useEtcd). */
  let etcdTarget = (): ComponentId => 'etcd';
  /** The way to the member sent to last: most requests go to the same one (no channel lookup each). */
  let etcdRouteTo: ComponentId | undefined;
  let etcdRoute: Route | undefined;
  const routeTo = (member: ComponentId): Route => {
    if (member !== etcdRouteTo || etcdRoute === undefined) {
      etcdRouteTo = member;
      etcdRoute = rt.net.route(ID, member);
    }
    return etcdRoute;
  };

  const respond = (req: Envelope, status: number, message: string, object?: K8sObject): void => {
    // Two literals, no conditional spread: every request is answered here.
    const payload: Payload = object ? { kind: 'api-response', status, message, object } : { kind: 'api-response', status, message };
    rt.net.answer(req, statusAction(status), payload, status);
  };

  const watchersByKind = new Map<K8sKind, Watching[]>();
  const podWatchersByNode = new Map<string, Watching[]>();

  const addWatcher = (w: Watcher): void => {
    const watching: Watching = { watcher: w, route: rt.net.route(ID, w.id), up: false, upAsOf: -1 };
    if (w.podsOnNode !== undefined) {
      const list = podWatchersByNode.get(w.podsOnNode) ?? [];
      list.push(watching);
      podWatchersByNode.set(w.podsOnNode, list);
      return;
    }
    for (const kind of w.kinds) {
      const list = watchersByKind.get(kind) ?? [];
      list.push(watching);
      watchersByKind.set(kind, list);
    }
  };

  const removeWatcher = (w: Watcher): void => {
    const drop = (list: Watching[]): Watching[] => list.filter((x) => x.watcher !== w);
    if (w.podsOnNode !== undefined) {
      const list = podWatchersByNode.get(w.podsOnNode);
      if (list !== undefined) podWatchersByNode.set(w.podsOnNode, drop(list));
      return;
    }
    for (const [kind, list] of watchersByKind) watchersByKind.set(kind, drop(list));
  };

  const push = (watching: Watching, payload: WatchPayload, ref: ObjectRef): void => {
    const { watcher: w, route } = watching;
    if (watching.upAsOf !== rt.board.version) {
      watching.up = rt.board.isUp(w.id);
      watching.upAsOf = rt.board.version;
    }
    if (!watching.up) return;
    if (w.only !== undefined && w.only !== ref) return;
    rt.net.post(ID, w.id, 'watch', WATCH_ACTION[payload.eventType], ref, payload, undefined, route);
  };

  /** `ref`: the object's (before and after share name and kind), one for every watcher's message. */
  const fanOut = (ref: ObjectRef, type: 'write' | 'delete', before: K8sObject | undefined, after: K8sObject | undefined): void => {
    const obj = after ?? before;
    if (!obj) return;
    const current = type === 'write' ? after : undefined;
    // One payload for every watcher that sees the same event (receivers only read it).
    const event: WatchPayload | undefined = current ? { kind: 'watch', eventType: before ? 'MODIFIED' : 'ADDED', object: current } : before ? { kind: 'watch', eventType: 'DELETED', object: before } : undefined;
    if (event !== undefined) for (const w of watchersByKind.get(obj.kind) ?? []) push(w, event, ref);
    if (obj.kind !== 'Pod') return;
    // A field-selected watch sees ADDED when a pod starts matching (bound to its node), DELETED when it stops.
    const wasOn = before?.kind === 'Pod' ? before.spec.nodeName : undefined;
    const isOn = current?.kind === 'Pod' ? current.spec.nodeName : undefined;
    if (wasOn !== undefined && wasOn !== isOn && before) {
      const gone: WatchPayload = { kind: 'watch', eventType: 'DELETED', object: before };
      for (const w of podWatchersByNode.get(wasOn) ?? []) push(w, gone, ref);
    }
    if (isOn !== undefined && current) {
      const eventType = wasOn === isOn ? 'MODIFIED' : 'ADDED';
      const seen: WatchPayload = event?.eventType === eventType ? event : { kind: 'watch', eventType, object: current };
      for (const w of podWatchersByNode.get(isOn) ?? []) push(w, seen, ref);
    }
  };

  /** One stage of 1 ms (authentication, authorization): what runStages does for one, without a list and a closure per request. */
  const stage = (action: string, label: Localized, quiet: boolean, object: ObjectRef | undefined, done: () => void): void => {
    if (!quiet) rt.tracer.activity(ID, action, 1, label, object);
    rt.clock.after(done, 1);
  };

  /** Runs stages one after another in simulated time, each shown as an activity (unless quiet). */
  const runStages = (stages: readonly Stage[], quiet: boolean, object: ObjectRef | undefined, done: () => void): void => {
    let i = 0;
    const next = (): void => {
      const stage = stages[i++];
      if (!stage) return done();
      if (!quiet) rt.tracer.activity(ID, stage.action, stage.ms, stage.label, object);
      rt.clock.after(next, stage.ms);
    };
    next();
  };

  const writeToEtcd = (ref: ObjectRef, payload: Payload, onStored: (stored: K8sObject) => void, onMissing: () => void, req?: Envelope): void => {
    const op = payload.kind === 'etcd-delete' ? 'delete' : 'put';
    const key = payload.kind === 'etcd-put' || payload.kind === 'etcd-delete' ? payload.key : etcdKey(ref);
    const member = etcdTarget();
    // Concatenated per request: a map of these per key missed the processor's caches (1.4 % of a streamed run).
    rt.net.post(ID, member, 'request', `txn ${op} ${key}`, ref, payload, (answer) => {
      // etcd without a leader or quorum: kube-apiserver passes its client's error on as a 500
      // (kubectl: "Error from server: rpc error: code = DeadlineExceeded desc = context deadline exceeded").
      const failure = answer.payload.kind === 'etcd-response' ? answer.payload.failure : undefined;
      if (req && failure !== undefined) return respond(req, 500, failure);
      if (answer.payload.kind !== 'etcd-response' || !answer.payload.ok || !answer.payload.object) return onMissing();
      const before = cache.get(ref);
      if (op === 'delete') {
        cache.delete(ref);
        onStored(answer.payload.object);
        fanOut(ref, 'delete', before, undefined);
      } else {
        cache.set(ref, answer.payload.object);
        onStored(answer.payload.object);
        fanOut(ref, 'write', before, answer.payload.object);
      }
    }, routeTo(member), undefined, true);
  };

  /** ClusterIPs in use, so a new Service gets a free one (service-ip.ts). */
  const clusterIPs = (): Set<string> => {
    const out = new Set<string>();
    for (const o of cache.values()) if (o.kind === 'Service' && o.spec.clusterIP) out.add(o.spec.clusterIP);
    return out;
  };

  /**
   * The mutating-admission label, one per list of notes (admission.ts shares the notes: every pod
   * of a ReplicaSet gets the same two), not two joined strings per object created.
   */
  const mutatingLabels = new Map<Localized, Map<Localized | undefined, Localized>>();
  const mutatingLabel = (notes: readonly Localized[]): Localized => {
    const [first, second] = notes;
    if (first === undefined) return NO_MUTATION;
    if (notes.length > 2) return mutatingLabelOf(notes);
    let bySecond = mutatingLabels.get(first);
    if (bySecond === undefined) mutatingLabels.set(first, (bySecond = new Map()));
    let label = bySecond.get(second);
    if (label === undefined) bySecond.set(second, (label = mutatingLabelOf(notes)));
    return label;
  };

  const create = (req: Envelope, object: K8sObject, quiet: boolean): void => {
    const name = object.metadata.name === '' && object.metadata.generateName ? object.metadata.generateName + nameSuffix(rt) : object.metadata.name;
    // The fields metadata gains (uid, creationTimestamp): by withFields, not a spread (with-fields.ts says why).
    const base = {
      ...object,
      metadata: withFields(object.metadata, { name, namespace: object.metadata.namespace ?? (object.kind === 'Node' ? undefined : 'default'), uid: uid(rt), creationTimestamp: timestamp(rt.clock.now()) }),
    } as K8sObject;
    // clusterIPs() walks the whole cache: only a Service needs it (with core/v1 Events on, every Event was a walk).
    const mutated = base.kind === 'Pod' ? mutatePod(base, nameSuffix(rt), rt.config.defaultTolerationSeconds) : base.kind === 'Node' ? taintNodeAtCreation(base) : { object: base.kind === 'Service' ? withClusterIP(base, rt.rng, clusterIPs()) : base, notes: [] };
    const ref = refOf(mutated.object);
    const invalid = validate(mutated.object);
    const stages: Stage[] = [
      { action: 'admission:mutating', ms: 2, label: quiet ? QUIET : mutatingLabel(mutated.notes) },
      { action: 'validate', ms: 1, label: quiet ? QUIET : invalid ? text(`validation failed: ${invalid}`, `검증 실패: ${invalid}`) : VALID },
    ];
    runStages(stages, quiet, ref, () => {
      if (invalid) return respond(req, 422, `${SINGULAR[object.kind]} "${name}" is invalid: ${invalid}`);
      runStages(VALIDATING_STAGES, quiet, ref, () => {
        if (cache.has(ref)) return respond(req, 409, `${REST_RESOURCE[object.kind]} "${name}" already exists`);
        writeToEtcd(ref, { kind: 'etcd-put', key: etcdKey(ref), create: mutated.object }, (stored) => respond(req, 201, `${SINGULAR[object.kind]}/${name} created`, stored), () => respond(req, 409, `${REST_RESOURCE[object.kind]} "${name}" already exists`), req);
      });
    });
  };

  const update = (req: Envelope, ref: ObjectRef, mutate: (obj: K8sObject) => K8sObject, quiet: boolean, message: string): void => {
    if (!cache.has(ref)) return respond(req, 404, `${ref} not found`);
    runStages(UPDATE_STAGES, quiet, ref, () => {
      writeToEtcd(ref, { kind: 'etcd-put', key: etcdKey(ref), mutate }, (stored) => respond(req, 200, message, stored), () => respond(req, 404, `${ref} not found`), req);
    });
  };

  const bind = (req: Envelope, ref: ObjectRef, node: string): void => {
    const current = cache.get(ref);
    if (current?.kind !== 'Pod') return respond(req, 404, `${ref} not found`);
    if (current.spec.nodeName) return respond(req, 409, `pod ${current.metadata.name} is already assigned to node "${current.spec.nodeName}"`);
    const now = timestamp(rt.clock.now());
    // pkg/registry/core/pod/storage: nodeName and PodScheduled=True are set in one update.
    const mutate = (obj: K8sObject): K8sObject => {
      if (obj.kind !== 'Pod') return obj;
      const conditions = (obj.status?.conditions ?? []).filter((c) => c.type !== 'PodScheduled');
      // nodeName and the first conditions are new fields: by withFields, not a spread (with-fields.ts says why).
      const status: PodStatus = obj.status ?? { phase: 'Pending' };
      const scheduled: PodStatus['conditions'] = [{ type: 'PodScheduled', status: 'True', lastTransitionTime: now }, ...conditions];
      return { ...obj, spec: withFields(obj.spec, { nodeName: node }), status: withFields(status, { conditions: scheduled }) };
    };
    writeToEtcd(ref, { kind: 'etcd-put', key: etcdKey(ref), mutate }, () => respond(req, 201, `pod/${current.metadata.name} bound to ${node}`), () => respond(req, 404, `${ref} not found`), req);
  };

  const remove = (req: Envelope, ref: ObjectRef, grace: number | undefined): void => {
    const current = cache.get(ref);
    if (!current) return respond(req, 404, `${ref} not found`);
    const name = current.metadata.name;
    const kind = SINGULAR[current.kind];
    // A pod on a node is deleted gracefully: it gets a deletionTimestamp and stays Terminating
    // until its kubelet confirms the containers are gone (a final delete with grace 0).
    if (current.kind === 'Pod' && current.spec.nodeName && (grace ?? rt.config.terminationGracePeriodSeconds) > 0) {
      if (current.metadata.deletionTimestamp) return respond(req, 200, `${kind} "${name}" deleted`, current);
      const seconds = grace ?? rt.config.terminationGracePeriodSeconds;
      const deletionTimestamp = timestamp(rt.clock.now() + seconds * 1000);
      const mutate = (obj: K8sObject): K8sObject => ({ ...obj, metadata: { ...obj.metadata, deletionTimestamp } }) as K8sObject;
      writeToEtcd(ref, { kind: 'etcd-put', key: etcdKey(ref), mutate }, (stored) => respond(req, 200, `${kind} "${name}" deleted`, stored), () => respond(req, 404, `${ref} not found`), req);
      return;
    }
    writeToEtcd(ref, { kind: 'etcd-delete', key: etcdKey(ref) }, (stored) => respond(req, 200, `${kind} "${name}" deleted`, stored), () => respond(req, 404, `${ref} not found`), req);
  };

  /** POST pods/eviction: DisruptionTarget, then a graceful delete; 201 when accepted (eviction.ts). */
  const evict = (req: Envelope, ref: ObjectRef): void => {
    const current = cache.get(ref);
    if (current?.kind !== 'Pod') return respond(req, 404, `pods "${parseRef(ref).name}" not found`);
    const budgets = ignoresBudget(current) ? [] : budgetsFor(current, cache.values());
    const first = budgets[0];
    if (budgets.length > 1) return respond(req, 500, 'This pod has more than one PodDisruptionBudget, which the eviction subresource does not support.');
    if (!first) return runStages([{ action: 'eviction', ms: 1, label: evictionLabel(current) }], false, ref, () => evictNow(req, ref, current));
    // One eviction per budget at a time, each reading the budget the previous one left (upstream: a conflict and a retry).
    inTurn(refOf(first), (release) => {
      const pdb = cache.get(refOf(first));
      if (pdb?.kind !== 'PodDisruptionBudget') {
        release();
        return evictNow(req, ref, current);
      }
      runStages([{ action: 'eviction', ms: 1, label: budgetLabel(current, pdb) }], false, ref, () => {
        if ((pdb.status?.disruptionsAllowed ?? 0) <= 0) {
          release();
          return respond(req, 429, TOO_MANY_REQUESTS);
        }
        const after = (): void => {
          release();
          evictNow(req, ref, current);
        };
        writeToEtcd(refOf(pdb), { kind: 'etcd-put', key: etcdKey(refOf(pdb)), mutate: takeDisruption(current.metadata.name, timestamp(rt.clock.now())) }, after, after, req);
      });
    });
  };

  const budgetTurns = new Map<ObjectRef, ((release: () => void) => void)[]>();
  const inTurn = (key: ObjectRef, work: (release: () => void) => void): void => {
    const waiting = budgetTurns.get(key);
    if (waiting) return void waiting.push(work);
    budgetTurns.set(key, []);
    const run = (w: (release: () => void) => void): void =>
      w(() => {
        const next = budgetTurns.get(key)?.shift();
        if (next) run(next);
        else budgetTurns.delete(key);
      });
    run(work);
  };

  const evictNow = (req: Envelope, ref: ObjectRef, current: Pod): void => {
    if (current.metadata.deletionTimestamp) return respond(req, 201, 'Success');
    const seconds = rt.config.terminationGracePeriodSeconds;
    const graceful = (obj: K8sObject): K8sObject => ({ ...obj, metadata: { ...obj.metadata, deletionTimestamp: timestamp(rt.clock.now() + seconds * 1000) } }) as K8sObject;
    const missing = (): void => respond(req, 404, `pods "${current.metadata.name}" not found`);
    writeToEtcd(ref, { kind: 'etcd-put', key: etcdKey(ref), mutate: statusEvicted(timestamp(rt.clock.now())) }, () => {
      if (!current.spec.nodeName) return writeToEtcd(ref, { kind: 'etcd-delete', key: etcdKey(ref) }, () => respond(req, 201, 'Success'), missing, req);
      writeToEtcd(ref, { kind: 'etcd-put', key: etcdKey(ref), mutate: graceful }, () => respond(req, 201, 'Success'), missing, req);
    }, missing, req);
  };

  const read = (req: Envelope, request: Extract<ApiRequest, { verb: 'get' | 'list' }>): void => {
    const key = request.verb === 'get' ? etcdKey(request.ref) : request.namespace ? etcdKey(`${request.kind}/${request.namespace}/`) : `/registry/${REST_RESOURCE[request.kind] === 'nodes' ? 'minions' : REST_RESOURCE[request.kind]}/`;
    const ref = request.verb === 'get' ? request.ref : undefined;
    const member = etcdTarget();
    rt.net.post(ID, member, 'request', request.verb === 'get' && request.statusSync === true ? `range ${key} ${STATUS_SYNC}` : `range ${key}`, ref, { kind: 'etcd-range', key, prefix: request.verb === 'list' }, (answer) => {
      const all = answer.payload.kind === 'etcd-response' ? (answer.payload.items ?? []) : [];
      const items = request.verb === 'list' && request.nodeName !== undefined ? all.filter((o) => o.kind === 'Pod' && o.spec.nodeName === request.nodeName) : all;
      if (request.verb === 'get') {
        const found = items[0];
        if (!found) return respond(req, 404, `${request.ref} not found`);
        return respond(req, 200, `${SINGULAR[found.kind]}/${found.metadata.name}`, found);
      }
      rt.net.reply(req, { action: `200 OK (${items.length} items)`, status: 200, payload: { kind: 'api-response', status: 200, message: `${items.length} ${REST_RESOURCE[request.kind]}`, items } });
    }, routeTo(member));
  };

  const handle = (req: Envelope): void => {
    if (req.payload.kind !== 'api-request') return;
    const { user, request } = req.payload;
    const quiet = isRoutine(request);
    const ref = request.verb === 'create' ? req.object : request.verb === 'list' ? undefined : request.ref;
    const caller = access.caller(user);
    const identity = caller.identity;
    stage('authenticate', quiet ? QUIET : caller.label, quiet, ref, () => {
      if (!identity) return respond(req, 401, 'Unauthorized');
      const verb = verbOf(request);
      const resource = resourceOf(request);
      const { decision, label } = caller.authorized(identity, verb, resource, requestNamespace(request));
      stage('authorize', quiet ? QUIET : label, quiet, ref, () => {
        if (!decision.allowed) return respond(req, 403, forbiddenMessage({ user: identity.user, verb, ...forbiddenTarget(request) }));
        switch (request.verb) {
          case 'create':
            return create(req, request.object, quiet);
          case 'update':
            return update(req, request.ref, request.mutate, quiet, request.summary);
          case 'bind':
            return bind(req, request.ref, request.node);
          case 'delete':
            return remove(req, request.ref, request.gracePeriodSeconds);
          case 'evict':
            return evict(req, request.ref);
          case 'get':
          case 'list':
            return read(req, request);
        }
      });
    });
  };

  const actor = startService(rt.clock, { onDown: () => rt.board.set(ID, 'down'), onUp: () => rt.board.set(ID, 'up') });
  rt.board.set(ID, 'up', true);
  // Messages go straight to the handler while the actor is serving (XState runs the lifecycle and
  // every timer; routing each delivery through it cost ~50 µs a message in bench:sim).
  rt.net.register(ID, 'control-plane', (envelope) => {
    if (inState(actor, 'serving')) handle(envelope);
  });

  return {
    addWatcher,
    removeWatcher,
    cached: (ref) => cache.get(ref),
    seed: (obj) => cache.set(refOf(obj), obj),
    useEtcd: (target) => {
      etcdTarget = target;
    },
    relist: (all) => {
      const next = new Map(all.map((o) => [refOf(o), o] as const));
      for (const [ref, before] of [...cache]) {
        if (next.has(ref)) continue;
        cache.delete(ref);
        fanOut(ref, 'delete', before, undefined);
      }
      for (const [ref, obj] of next) {
        const before = cache.get(ref);
        if (before === obj) continue;
        cache.set(ref, obj);
        fanOut(ref, 'write', before, obj);
      }
    },
    stop: () => actor.send({ type: 'stop' }),
    start: () => actor.send({ type: 'start' }),
  };
}

const VALID = text('schema validation: OK', '스키마 검증: 통과');
const NO_MUTATION = prefix(text('mutating admission', '변경(mutating) 어드미션'), text('mutating admission: no change', '변경 어드미션: 변경 없음'));
function mutatingLabelOf(notes: readonly Localized[]): Localized {
  return prefix(text('mutating admission', '변경(mutating) 어드미션'), joinLocalized(notes));
}

function prefix(head: Localized, body: Localized): Localized {
  return text(`${head.en}: ${body.en}`, `${head.ko}: ${body.ko}`);
}

function joinLocalized(parts: readonly Localized[]): Localized {
  return text(parts.map((p) => p.en).join('; '), parts.map((p) => p.ko).join('; '));
}

