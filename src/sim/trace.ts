/**
 * The trace: what a simulation run produced, and all that the renderer, the CLI and export read.
 * Readonly and JSON-serialisable; events are ordered by (t, seq) and keyed on `kind`.
 * Times are simulated milliseconds since the scenario started.
 */
import type { Localized } from '../model/localized.ts';
import type { FieldChange } from '../model/field-change.ts';
import type { K8sObject, ObjectRef } from '../model/objects.ts';
import type { ScheduleDecision } from '../model/scheduler/types.ts';
import type { CommandOutcome } from './sandbox/timed-command.ts';

/**
 * Component ids: `kubectl`, `kube-apiserver`, `etcd`, `kube-scheduler`, `kube-controller-manager`,
 * and per node `kubelet/<node>`, `containerd/<node>`, `kube-proxy/<node>`.
 * Scenarios may add others with the same shape (`etcd/<member>`, `client/<name>`, `coredns`), and
 * `node/<node>`: the node's Linux kernel, where the rules kube-proxy wrote (netfilter, IPVS) rewrite
 * packets: the data path, which kube-proxy itself is not on.
 */
export type ComponentId =
  | 'kubectl'
  | 'kube-apiserver'
  | 'etcd'
  | 'kube-scheduler'
  | 'kube-controller-manager'
  | `kubelet/${string}`
  | `containerd/${string}`
  | `kube-proxy/${string}`
  | `etcd/${string}`
  | `client/${string}`
  | `node/${string}`
  | 'coredns';

/**
 * request: a call that expects an answer (REST call, etcd txn, CRI call);
 * response: the answer, travelling back (`replyTo` names the request);
 * watch: a watch event pushed by kube-apiserver to a watcher (ADDED / MODIFIED / DELETED);
 * signal: a one-way message with no answer (raft heartbeat, a packet).
 */
export type MessageType = 'request' | 'response' | 'watch' | 'signal';

export interface MessageEvent {
  readonly kind: 'message';
  readonly t: number;
  readonly seq: number;
  /** Unique within the trace; responses point back with replyTo. */
  readonly id: number;
  readonly from: ComponentId;
  readonly to: ComponentId;
  readonly type: MessageType;
  /** Short label riding with the token: "POST pod", "watch: ADDED", "bind", "RunPodSandbox". */
  readonly action: string;
  readonly object?: ObjectRef;
  /** Simulated time the message is delivered. */
  readonly arrive: number;
  readonly replyTo?: number;
  /** HTTP-like status of a response (201, 200, 401, 403, 409, 503...). */
  readonly status?: number;
  /** True when the message writes etcd (an etcd txn put/delete), so it can be drawn as a write. */
  readonly write?: boolean;
  /**
   * The control loop inside the sender that sent it: kube-controller-manager's controllers
   * ("node-lifecycle-controller", "replicaset-controller"), so the picture can show which one
   * talks. Requests only; a response points back with replyTo.
   */
  readonly via?: string;
}

export type { FieldChange } from '../model/field-change.ts';

/** An object as stored in etcd changed (the single source of truth the picture follows). */
export interface StateEvent {
  readonly kind: 'state';
  readonly t: number;
  readonly seq: number;
  readonly object: ObjectRef;
  readonly op: 'added' | 'modified' | 'deleted';
  /** What changed, for people (CLI, captions, tests). Empty for added/deleted. */
  readonly changes: readonly FieldChange[];
  /** The object after the change (absent when deleted). */
  readonly value?: K8sObject;
}

/** A narration step starts here. Steps are numbered from 0 in trace order. */
export interface StepEvent {
  readonly kind: 'step';
  readonly t: number;
  readonly seq: number;
  readonly index: number;
  /** Stable id within the scenario, e.g. "authn", "bind". */
  readonly id: string;
  readonly caption: Localized;
  /** Components this step is about (highlighted; the rest may be dimmed). */
  readonly focus: readonly ComponentId[];
}

/** A long quiet wait compressed: nothing happens between t and `to`. */
export interface SkipEvent {
  readonly kind: 'skip';
  readonly t: number;
  readonly seq: number;
  readonly to: number;
}

/** A component works on something for a while (glows): authenticating, filtering, pulling... */
export interface ActivityEvent {
  readonly kind: 'activity';
  readonly t: number;
  readonly seq: number;
  readonly component: ComponentId;
  /** Machine-readable name: "authenticate", "authorize", "admission:mutating", "validate", "admission:validating", "filter", "score", "reconcile"... */
  readonly action: string;
  readonly until: number;
  readonly object?: ObjectRef;
  readonly label: Localized;
  /** On kube-proxy's `sync-rules`: what it programmed (or removed) for one Service port, for the stage to draw without parsing the label. */
  readonly rules?: ProxyRulesChange;
}

/** kube-proxy's backend: iptables (the Linux default), ipvs, or nftables. */
export type ProxyMode = 'iptables' | 'ipvs' | 'nftables';

export interface ProxyRulesKey {
  readonly mode: ProxyMode;
  /** The Service, `namespace/name` (`:portName` appended when the port is named), as kube-proxy's rule comments name it. */
  readonly service: string;
  readonly clusterIP: string;
  readonly port: number;
}

/**
 * One Service port's rules on one node after a sync. `programmed`: the ready endpoints (`ip:port`,
 * in rule order) it DNATs or balances to; none left means iptables and nftables REJECT the
 * ClusterIP, while ipvs keeps a virtual server with no real servers. `removed`: the Service is
 * gone, and so are its rules.
 */
export type ProxyRulesChange = (ProxyRulesKey & { readonly op: 'programmed'; readonly endpoints: readonly string[] }) | (ProxyRulesKey & { readonly op: 'removed' });

/** A component's own health changed (outside the API objects): a kubelet stops, etcd loses its leader. */
export interface ComponentEvent {
  readonly kind: 'component';
  readonly t: number;
  readonly seq: number;
  readonly component: ComponentId;
  readonly status: ComponentStatus;
}

/** kube-scheduler's filter and score of every node for one pod. */
export interface DecisionEvent {
  readonly kind: 'decision';
  readonly t: number;
  readonly seq: number;
  readonly component: 'kube-scheduler';
  readonly pod: ObjectRef;
  readonly decision: ScheduleDecision;
}

/**
 * A raft member's role as etcd's raft package names it (StatePreCandidate included: with
 * --pre-vote a member first asks whether it would win before it raises its term); `down`: crashed.
 */
export type RaftRole = 'leader' | 'follower' | 'pre-candidate' | 'candidate' | 'down';

/** One etcd member's raft state (its term and log survive a crash: they are on disk). */
export interface RaftState {
  readonly role: RaftRole;
  readonly term: number;
  /** Index of the last entry in its log. */
  readonly lastIndex: number;
  /** Highest index it knows to be committed (held by a quorum). */
  readonly commitIndex: number;
  /** The member it voted for in this term (itself when it campaigns). */
  readonly votedFor?: string;
  /** While (pre-)candidate: the members whose (pre-)vote it has, itself included. */
  readonly votes?: readonly string[];
  /** Members in the cluster; the majority is floor(members/2)+1. */
  readonly members: number;
}

/** An etcd member's raft state changed (recorded only in scenarios that run an etcd cluster). */
export interface RaftEvent extends RaftState {
  readonly kind: 'raft';
  readonly t: number;
  readonly seq: number;
  /** `etcd/<member>`. */
  readonly member: ComponentId;
}

/**
 * A file or directory on a node's disk changed (outside the API): a static pod manifest written or
 * moved away, an etcd snapshot saved, a data directory restored. Files present before the trace
 * starts are listed in Topology.files.
 */
export interface FileEvent {
  readonly kind: 'file';
  readonly t: number;
  readonly seq: number;
  readonly file: NodeFile;
  readonly op: 'added' | 'modified' | 'deleted';
  /** Who wrote it: the kubelet, an operator's shell (etcdctl, etcdutl, mv, vi)... */
  readonly by?: ComponentId;
}

/** A path on a node's disk, with what matters about it (etcd.yaml: the data dir it mounts). */
export interface NodeFile {
  readonly node: string;
  /** Absolute path; a directory ends without a slash and has `dir: true`. */
  readonly path: string;
  readonly dir?: boolean;
  /** A short fact about the content, e.g. "etcd-data hostPath: /var/lib/etcd". */
  readonly note?: string;
}

/**
 * Where a static pod is on its node: its sandbox starting, its container running, ready (the
 * component it runs serves, as its readiness probe would find), stopping.
 */
export type StaticPodPhase = 'starting' | 'running' | 'ready' | 'stopping';

/** A static pod a node's kubelet runs from a manifest file, as its runtime has it. */
export interface StaticPodState {
  /** `Pod/<namespace>/<name>-<node>`: the name its mirror pod has in the API, when it has one. */
  readonly pod: ObjectRef;
  readonly node: string;
  readonly phase: StaticPodPhase;
}

/**
 * A static pod started, runs, stops or is gone from its node (recorded only where a kubelet runs
 * static pods). It runs whether or not the API holds its mirror pod: a kubelet starts etcd and
 * kube-apiserver this way before there is an API to tell. Those running when the trace starts are
 * listed in Topology.staticPods.
 */
export interface StaticPodEvent {
  readonly kind: 'static-pod';
  readonly t: number;
  readonly seq: number;
  readonly pod: ObjectRef;
  readonly node: string;
  readonly phase: StaticPodPhase | 'gone';
}

export type TraceEvent = MessageEvent | StateEvent | StepEvent | SkipEvent | ActivityEvent | ComponentEvent | DecisionEvent | RaftEvent | FileEvent | StaticPodEvent;
export type TraceEventKind = TraceEvent['kind'];

export type ComponentStatus = 'up' | 'down' | 'leader' | 'follower' | 'pre-candidate' | 'candidate';

/** Cluster state at the start of a step: lets a player seek without replaying from zero. */
export interface Snapshot {
  readonly t: number;
  /** Index of the step that starts here (-1 for the initial state before the first step). */
  readonly step: number;
  /** Index into Trace.events of the first event after this snapshot. */
  readonly eventIndex: number;
  readonly objects: Readonly<Record<ObjectRef, K8sObject>>;
  readonly components: Readonly<Record<string, ComponentStatus>>;
  /** Each etcd member's raft state by component id (absent when the scenario has no etcd cluster). */
  readonly raft?: Readonly<Record<string, RaftState>>;
}

export interface Topology {
  readonly nodes: readonly string[];
  readonly components: readonly ComponentId[];
  /** Files on nodes' disks when the trace starts (only scenarios that show files have them). */
  readonly files?: readonly NodeFile[];
  /** Static pods running when the trace starts (only scenarios with a control-plane node have them). */
  readonly staticPods?: readonly StaticPodState[];
}

export interface Trace {
  readonly version: 1;
  readonly scenario: string;
  readonly seed: number;
  readonly k8sVersion: string;
  readonly topology: Topology;
  readonly events: readonly TraceEvent[];
  readonly snapshots: readonly Snapshot[];
  readonly steps: number;
  readonly endTime: number;
  /** The learner's commands inserted into this run (RunOptions.actions) and what each did; absent when none. */
  readonly commands?: readonly CommandOutcome[];
  /**
   * The learner's commands left the story waiting: its machine had not ended when the run did
   * (a powered-off node's pods never finish Terminating, so a rollout never settles). Absent when
   * the story ended, and always in a run without commands (that would be a broken scenario).
   */
  readonly unfinished?: StoryLeftWaiting;
}

/** Where a story was left when a what-if's run ended before it. */
export interface StoryLeftWaiting {
  /** What the story was waiting for (its state's `meta.waitsFor`), when the scenario says. */
  readonly waitsFor?: Localized;
}
