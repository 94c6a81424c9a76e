// The one vocabulary of actions a learner (or a scenario file, a URL, the CLI) can apply to a
// running simulation. Each action is plain data: `parse.ts` builds it from a command line,
// `format.ts` writes it back, and the simulation (elsewhere) gives it its effect.
//
// kubectl forms follow kubectl itself (see docs/sandbox-commands.md). Faults and time are not
// kubectl commands, so kubedeck gives them a small syntax of its own:
//
//   node power-off NODE     the machine loses power (kubelet, runtime and pods stop at once)
//   node power-on NODE      power comes back
//   kubelet stop NODE       only the kubelet stops; containers keep running
//   kubelet start NODE
//   node disconnect NODE    the node is cut off from the control plane (network partition)
//   node reconnect NODE
//   etcd stop MEMBER        one etcd member stops
//   etcd start MEMBER
//   wait DURATION           let simulated time pass: 30, 30s, 2m, 1m30s, 1h

export type ScalableResource = 'deployment' | 'replicaset';
export type DeletableResource = 'pod' | 'deployment' | 'replicaset' | 'service';
export type ExposableResource = 'deployment' | 'replicaset' | 'pod' | 'service';
export type LabelableResource = 'node' | 'pod' | 'deployment';
export type ServiceType = 'ClusterIP' | 'NodePort';
export type TaintEffect = 'NoSchedule' | 'PreferNoSchedule' | 'NoExecute';

/** A label or `--labels` entry, in the order the learner wrote it. */
export interface LabelPair {
  readonly key: string;
  readonly value: string;
}

export interface ResourceRef<Resource extends string> {
  readonly resource: Resource;
  readonly name: string;
}

export interface ContainerImage {
  /** A container name, or `*` for every container (as `kubectl set image` allows). */
  readonly container: string;
  readonly image: string;
}

export interface TaintToAdd {
  readonly key: string;
  /** Empty when the spec was `key:Effect`. */
  readonly value: string;
  readonly effect: TaintEffect;
}

export interface TaintToRemove {
  readonly key: string;
  /** Absent for `key-`, which removes the key whatever its effect. */
  readonly effect?: TaintEffect;
}

export interface RunAction {
  readonly kind: 'run';
  readonly name: string;
  readonly image: string;
  readonly labels: readonly LabelPair[];
  readonly port?: number;
}

export interface CreateDeploymentAction {
  readonly kind: 'create-deployment';
  readonly name: string;
  /** One container per image, as `--image` may be repeated. */
  readonly images: readonly string[];
  readonly replicas: number;
  readonly port?: number;
}

export interface ApplyAction {
  readonly kind: 'apply';
  /** The manifest text as given; parsing it is the caller's job. */
  readonly manifest: string;
}

export interface ScaleAction {
  readonly kind: 'scale';
  readonly target: ResourceRef<ScalableResource>;
  readonly replicas: number;
}

export interface SetImageAction {
  readonly kind: 'set-image';
  readonly deployment: string;
  readonly images: readonly ContainerImage[];
}

export interface RolloutUndoAction {
  readonly kind: 'rollout-undo';
  readonly deployment: string;
  /** Absent means the previous revision (kubectl's default of 0). */
  readonly toRevision?: number;
}

export interface RolloutStatusAction {
  readonly kind: 'rollout-status';
  readonly deployment: string;
}

export interface DeleteAction {
  readonly kind: 'delete';
  readonly targets: readonly ResourceRef<DeletableResource>[];
  /** Seconds; absent means each object's own terminationGracePeriodSeconds. */
  readonly gracePeriod?: number;
  readonly force: boolean;
}

export interface ExposeAction {
  readonly kind: 'expose';
  readonly target: ResourceRef<ExposableResource>;
  /** Absent: the simulation takes the port from the exposed object, as kubectl does. */
  readonly port?: number;
  readonly targetPort?: number;
  /** Absent: the Service takes the exposed object's name. */
  readonly serviceName?: string;
  readonly type: ServiceType;
}

export interface CordonAction {
  readonly kind: 'cordon' | 'uncordon';
  readonly node: string;
}

export interface DrainAction {
  readonly kind: 'drain';
  readonly node: string;
  readonly ignoreDaemonsets: boolean;
  readonly deleteEmptydirData: boolean;
  readonly force: boolean;
  readonly gracePeriod?: number;
}

export interface TaintAction {
  readonly kind: 'taint';
  readonly nodes: readonly string[];
  readonly add: readonly TaintToAdd[];
  readonly remove: readonly TaintToRemove[];
  readonly overwrite: boolean;
}

export interface LabelAction {
  readonly kind: 'label';
  readonly resource: LabelableResource;
  readonly names: readonly string[];
  readonly set: readonly LabelPair[];
  readonly remove: readonly string[];
  readonly overwrite: boolean;
}

export interface NodeFaultAction {
  readonly kind: 'node-power-off' | 'node-power-on' | 'node-disconnect' | 'node-reconnect' | 'kubelet-stop' | 'kubelet-start';
  readonly node: string;
}

export interface EtcdFaultAction {
  readonly kind: 'etcd-stop' | 'etcd-start';
  readonly member: string;
}

export interface WaitAction {
  readonly kind: 'wait';
  readonly seconds: number;
}

export type SandboxAction =
  | RunAction
  | CreateDeploymentAction
  | ApplyAction
  | ScaleAction
  | SetImageAction
  | RolloutUndoAction
  | RolloutStatusAction
  | DeleteAction
  | ExposeAction
  | CordonAction
  | DrainAction
  | TaintAction
  | LabelAction
  | NodeFaultAction
  | EtcdFaultAction
  | WaitAction;

export type SandboxActionKind = SandboxAction['kind'];
