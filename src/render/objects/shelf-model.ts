/**
 * What the API objects shelf shows, derived from the cluster state at a moment: each Deployment
 * with its ReplicaSets (revision, image, desired/current/ready) and, during a rollout, the band of
 * allowed pod counts; each Service with its ClusterIP and its EndpointSlices' rows. Pure.
 */
import type { Deployment, EndpointSlice, K8sObject, ObjectRef, ReplicaSet, Service } from '../../model/objects.ts';
import { maxSurge, maxUnavailable, REVISION, REVISION_HISTORY } from '../../sim/components/controllers/deployment-util.ts';
import type { Trace } from '../../sim/trace.ts';

/** The band a rolling update keeps the pod count in (upstream ResolveFenceposts rounding). */
export interface RolloutBand {
  /** replicas - maxUnavailable: fewer available pods than this and old pods may not be removed. */
  readonly minAvailable: number;
  /** replicas + maxSurge: more pods than this and no new pod may be created. */
  readonly maxTotal: number;
  readonly replicas: number;
  readonly surge: number;
  readonly unavailable: number;
}

export function rolloutBand(d: Deployment): RolloutBand {
  const surge = maxSurge(d);
  const unavailable = maxUnavailable(d);
  return { minAvailable: d.spec.replicas - unavailable, maxTotal: d.spec.replicas + surge, replicas: d.spec.replicas, surge, unavailable };
}

export interface RsCard {
  readonly ref: ObjectRef;
  readonly name: string;
  readonly revision: number;
  /**
   * The revision it was made as: its colour, kept when a rollback gives it a newer revision (its
   * earlier ones are in deployment.kubernetes.io/revision-history), so the same ReplicaSet keeps
   * one colour and reads as the one that ran before.
   */
  readonly firstRevision: number;
  readonly image: string;
  readonly desired: number;
  readonly current: number;
  readonly ready: number;
}

export interface DeployCard {
  readonly ref: ObjectRef;
  readonly name: string;
  readonly rolling: boolean;
  readonly band: RolloutBand;
  /** True while more than one ReplicaSet holds pods or the new one is not complete: the band is drawn. */
  readonly rollingOut: boolean;
  /** Pods the ReplicaSets have (status.replicas) and of them available. */
  readonly total: number;
  readonly available: number;
  /** Newest revision first. */
  readonly sets: readonly RsCard[];
}

export type EndpointState = 'ready' | 'not-ready' | 'terminating';

export interface EndpointRow {
  readonly ip: string;
  readonly state: EndpointState;
  readonly ready: boolean;
  readonly serving: boolean;
  readonly terminating: boolean;
  readonly pod?: string;
}

export interface SliceCard {
  readonly ref: ObjectRef;
  readonly name: string;
  readonly rows: readonly EndpointRow[];
}

export interface ServiceCard {
  readonly ref: ObjectRef;
  readonly name: string;
  readonly clusterIP: string;
  /** "80→8080/TCP" per port. */
  readonly ports: readonly string[];
  readonly slices: readonly SliceCard[];
}

export interface ShelfModel {
  readonly deployments: readonly DeployCard[];
  /** ReplicaSets no Deployment owns (a bare ReplicaSet). */
  readonly sets: readonly RsCard[];
  readonly services: readonly ServiceCard[];
  /** Pod ref -> the first revision of the ReplicaSet that owns it (by ownerReferences): its colour. */
  readonly podRevision: ReadonlyMap<ObjectRef, number>;
  /**
   * The same for pods whose Deployment has more than one ReplicaSet (revision) only: the scale
   * view's band under a pod, which says nothing when every pod would get the same colour.
   */
  readonly podRevisionBand: ReadonlyMap<ObjectRef, number>;
  /** Changes whenever anything drawn changes (the view rebuilds only then). */
  readonly key: string;
}

const nsName = (o: { metadata: { namespace?: string; name: string } }): string => `${o.metadata.namespace ?? 'default'}/${o.metadata.name}`;
const byName = <T extends { metadata: { name: string } }>(a: T, b: T): number => (a.metadata.name < b.metadata.name ? -1 : a.metadata.name > b.metadata.name ? 1 : 0);

function rsCard(rs: ReplicaSet): RsCard {
  const image = rs.spec.template.spec.containers[0]?.image ?? '';
  const revision = Number(rs.metadata.annotations?.[REVISION] ?? '0') || 0;
  const history = (rs.metadata.annotations?.[REVISION_HISTORY] ?? '').split(',').map(Number).filter((n) => Number.isInteger(n) && n > 0);
  return {
    ref: `ReplicaSet/${nsName(rs)}`,
    name: rs.metadata.name,
    revision,
    firstRevision: Math.min(revision, ...history),
    image,
    desired: rs.spec.replicas,
    current: rs.status?.replicas ?? 0,
    ready: rs.status?.readyReplicas ?? 0,
  };
}

function endpointRow(e: EndpointSlice['endpoints'][number]): EndpointRow {
  const ready = e.conditions.ready;
  const serving = e.conditions.serving ?? ready;
  const terminating = e.conditions.terminating ?? false;
  return {
    ip: e.addresses[0] ?? '',
    state: terminating ? 'terminating' : ready ? 'ready' : 'not-ready',
    ready,
    serving,
    terminating,
    ...(e.targetRef ? { pod: e.targetRef.name } : {}),
  };
}

export function buildShelf(objects: ReadonlyMap<ObjectRef, K8sObject>): ShelfModel {
  const deps: Deployment[] = [];
  const sets: ReplicaSet[] = [];
  const svcs: Service[] = [];
  const slices: EndpointSlice[] = [];
  for (const o of objects.values()) {
    if (o.kind === 'Deployment') deps.push(o);
    else if (o.kind === 'ReplicaSet') sets.push(o);
    else if (o.kind === 'Service') svcs.push(o);
    else if (o.kind === 'EndpointSlice') slices.push(o);
  }
  deps.sort(byName);
  sets.sort(byName);
  svcs.sort(byName);
  slices.sort(byName);

  const rsRevision = new Map<string, number>();
  const owned = new Set<ReplicaSet>();
  const ofManyRevisions = new Set<string>();
  const deployments: DeployCard[] = deps.map((d) => {
    const mine = sets.filter((rs) => rs.metadata.namespace === d.metadata.namespace && rs.metadata.ownerReferences?.some((r) => r.kind === 'Deployment' && r.name === d.metadata.name) === true);
    for (const rs of mine) {
      owned.add(rs);
      if (mine.length > 1) ofManyRevisions.add(nsName(rs));
    }
    const cards = mine.map(rsCard).sort((a, b) => b.revision - a.revision);
    const total = mine.reduce((n, rs) => n + (rs.status?.replicas ?? 0), 0);
    const available = mine.reduce((n, rs) => n + (rs.status?.availableReplicas ?? 0), 0);
    const newest = cards[0];
    const holding = cards.filter((c) => c.desired > 0 || c.current > 0).length;
    const rolling = (d.spec.strategy?.type ?? 'RollingUpdate') === 'RollingUpdate';
    // A rollout: pods under more than one ReplicaSet, or the newest not yet at full size. A pod that
    // merely turns unready (a failing probe) is not a rollout: no band then.
    const rollingOut = rolling && (holding > 1 || (newest !== undefined && newest.desired !== d.spec.replicas));
    return { ref: `Deployment/${nsName(d)}`, name: d.metadata.name, rolling, band: rolloutBand(d), rollingOut, total, available, sets: cards };
  });
  for (const rs of sets) rsRevision.set(nsName(rs), rsCard(rs).firstRevision);
  const bare = sets.filter((rs) => !owned.has(rs)).map(rsCard);

  const services: ServiceCard[] = svcs.map((s) => ({
    ref: `Service/${nsName(s)}`,
    name: s.metadata.name,
    clusterIP: s.spec.clusterIP ?? '',
    ports: s.spec.ports.map((p) => `${p.port}→${p.targetPort ?? p.port}/${p.protocol ?? 'TCP'}`),
    slices: slices
      .filter((sl) => sl.metadata.namespace === s.metadata.namespace && sl.metadata.labels?.['kubernetes.io/service-name'] === s.metadata.name)
      .map((sl) => ({ ref: `EndpointSlice/${nsName(sl)}`, name: sl.metadata.name, rows: sl.endpoints.map(endpointRow) })),
  }));

  const podRevision = new Map<ObjectRef, number>();
  const podRevisionBand = new Map<ObjectRef, number>();
  for (const [ref, o] of objects) {
    if (o.kind !== 'Pod') continue;
    const owner = o.metadata.ownerReferences?.find((r) => r.kind === 'ReplicaSet');
    const rsKey = owner === undefined ? '' : `${o.metadata.namespace ?? 'default'}/${owner.name}`;
    const rev = owner === undefined ? undefined : rsRevision.get(rsKey);
    if (rev === undefined || rev <= 0) continue;
    podRevision.set(ref, rev);
    if (ofManyRevisions.has(rsKey)) podRevisionBand.set(ref, rev);
  }

  const key = JSON.stringify([deployments, bare, services]);
  return { deployments, sets: bare, services, podRevision, podRevisionBand, key };
}

const SHELF_KINDS = new Set(['Deployment', 'ReplicaSet', 'Service', 'EndpointSlice']);

/** Whether a trace ever stores an object the shelf shows (then the stage keeps a column for it). */
export function traceHasShelfObjects(trace: Trace): boolean {
  const isShelf = (ref: string): boolean => SHELF_KINDS.has(ref.slice(0, ref.indexOf('/')));
  if (trace.snapshots.some((s) => Object.keys(s.objects).some(isShelf))) return true;
  return trace.events.some((e) => e.kind === 'state' && isShelf(e.object));
}

/** "rev 2 · registry.example.com/team/api:2.1", then without the registry and path: "rev 2 · api:2.1". */
export function imageForms(prefix: string, image: string): string[] {
  const slash = image.lastIndexOf('/');
  return slash < 0 ? [prefix + image] : [prefix + image, prefix + image.slice(slash + 1)];
}
