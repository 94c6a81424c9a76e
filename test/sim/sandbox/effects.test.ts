// Each command's effect on the simulated cluster, read from the trace as the stage would draw it.
import { describe, expect, it } from 'vitest';
import { findScenario } from '../../../scenes/index.ts';
import type { K8sObject, Node, Pod } from '../../../src/model/objects.ts';
import { runScenario } from '../../../src/sim/run.ts';
import type { ScenarioDefinition } from '../../../src/sim/scenario.ts';
import type { Trace } from '../../../src/sim/trace.ts';
import { stateAt } from '../../../src/timeline/state.ts';
import { finalObjects, msg, indexOf } from '../helpers.ts';

const scenario = (id: string): ScenarioDefinition => {
  const def = findScenario(id);
  if (!def) throw new Error(`no scenario ${id}`);
  return def;
};
const whatIf = (id: string, ...commands: readonly (readonly [number, string])[]): Trace => runScenario(scenario(id), { actions: commands.map(([at, command]) => ({ at, command })) });
const objectsAt = (trace: Trace, simTime: number): K8sObject[] => [...stateAt(trace, { simTime }).objects.values()];
const pods = (objects: Iterable<K8sObject>): Pod[] => [...objects].filter((o): o is Pod => o.kind === 'Pod');
const ready = (p: Pod): boolean => p.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ?? false;
const nodeReady = (n: Node | undefined): string | undefined => n?.status?.conditions?.find((c) => c.type === 'Ready')?.status;
const output = (trace: Trace): string[][] => (trace.commands ?? []).map((c) => [...c.output]);

describe('workload commands', () => {
  it('kubectl run: a pod with run=NAME, scheduled and Ready', () => {
    const t = whatIf('node-drain', [1000, 'kubectl run probe --image=busybox:1.36 --port=8080']);
    const probe = finalObjects(t).get('Pod/default/probe');
    expect(probe?.kind === 'Pod' && probe.metadata.labels).toEqual({ run: 'probe' });
    expect(probe?.kind === 'Pod' && probe.spec.containers[0]?.ports).toEqual([{ containerPort: 8080 }]);
    expect(probe?.kind === 'Pod' && ready(probe)).toBe(true);
    expect(indexOf(t, msg('kubectl', 'kube-apiserver', 'POST pod'))).toBeGreaterThan(-1);
    expect(output(t)).toEqual([['pod/probe created']]);
  });

  it('kubectl create deployment: N Ready pods, one container per image named after it', () => {
    const t = whatIf('node-drain', [1000, 'kubectl create deployment api --image=nginx:1.27 --image=registry.k8s.io/redis:7 --replicas=3']);
    const api = pods(finalObjects(t).values()).filter((p) => p.metadata.labels?.['app'] === 'api');
    expect(api).toHaveLength(3);
    expect(api.every(ready)).toBe(true);
    expect(api[0]?.spec.containers.map((c) => c.name)).toEqual(['nginx', 'redis']);
  });

  it('kubectl scale: the ReplicaSet controller makes the pods match', () => {
    const t = whatIf('replicaset-self-healing', [1000, 'kubectl scale deploy web --replicas=5']);
    // Before the story's own next move (it deletes a pod, then scales on its own): the story goes
    // on after a what-if, so later the count is the story's.
    const at = t.events.find((e) => e.kind === 'step' && e.id === 'kubectl-delete')?.t ?? 0;
    expect(at).toBeGreaterThan(2000);
    expect(pods(objectsAt(t, at)).filter((p) => p.metadata.name.startsWith('web-') && ready(p))).toHaveLength(5);
    expect(output(t)).toEqual([['deployment.apps/web scaled']]);
  });

  it('kubectl set image starts a rollout; rollout undo brings the old template back', () => {
    const t = whatIf('node-drain', [1000, 'kubectl set image deployment/web web=nginx:1.28'], [40_000, 'kubectl rollout undo deployment/web']);
    const images = (simTime: number) => new Set(pods(objectsAt(t, simTime)).filter((p) => p.metadata.name.startsWith('web-') && !p.metadata.deletionTimestamp).map((p) => p.spec.containers[0]?.image));
    expect(images(39_000)).toEqual(new Set(['nginx:1.28']));
    expect(images(t.endTime)).toEqual(new Set(['nginx:1.27']));
    expect(output(t)).toEqual([['deployment.apps/web image updated'], ['deployment.apps/web rolled back']]);
  });

  it('kubectl delete pod: the ReplicaSet creates a replacement; --force says it did not wait', () => {
    const plain = runScenario(scenario('replicaset-self-healing'));
    const victim = pods(objectsAt(plain, 1000)).find((p) => p.metadata.name.startsWith('web-'))?.metadata.name ?? '';
    const t = whatIf('replicaset-self-healing', [1000, `kubectl delete pod ${victim} --force`]);
    expect(output(t)[0]?.at(-1)).toBe(`pod "${victim}" force deleted`);
    expect(output(t)[0]?.[0]).toMatch(/^Warning: Immediate deletion/);
    // Before the story's own delete at 3.5 s: three Ready pods again, the victim not among them.
    expect(pods(objectsAt(t, 3000)).filter((p) => p.metadata.name.startsWith('web-') && ready(p))).toHaveLength(3);
    expect(objectsAt(t, 3000).some((o) => o.metadata.name === victim)).toBe(false);
  });

  it('kubectl expose: a Service selecting the pods, whose EndpointSlice lists them', () => {
    const t = whatIf('node-drain', [1000, 'kubectl expose deployment web --port=80 --target-port=8080 --name=web-svc']);
    const objects = finalObjects(t);
    const svc = objects.get('Service/default/web-svc');
    expect(svc?.kind === 'Service' && svc.spec.selector).toEqual({ app: 'web' });
    expect(svc?.kind === 'Service' && svc.spec.ports).toEqual([{ port: 80, targetPort: 8080, protocol: 'TCP' }]);
    const slice = [...objects.values()].find((o) => o.kind === 'EndpointSlice' && o.metadata.labels?.['kubernetes.io/service-name'] === 'web-svc');
    expect(slice?.kind === 'EndpointSlice' && slice.endpoints.length).toBe(4);
  });

  it('kubectl expose of a pod with no port says so, as kubectl does', () => {
    const t = whatIf('node-drain', [1000, 'kubectl run lone --image=busybox'], [5000, 'kubectl expose pod lone']);
    expect(output(t)[1]).toEqual(["error: couldn't find port via --port flag or introspection"]);
    expect(t.commands?.[1]?.ok).toBe(false);
  });

  it('kubectl apply -f -: created, then configured, then unchanged', () => {
    const manifest = (replicas: number) => `kubectl apply -f - <<EOF\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: cache\nspec:\n  replicas: ${replicas}\n  selector:\n    matchLabels: {app: cache}\n  template:\n    metadata:\n      labels: {app: cache}\n    spec:\n      containers:\n      - name: redis\n        image: redis:7\nEOF`;
    const t = whatIf('node-drain', [1000, manifest(1)], [10_000, manifest(2)], [20_000, manifest(2)]);
    expect(output(t)).toEqual([['deployment.apps/cache created'], ['deployment.apps/cache configured'], ['deployment.apps/cache unchanged']]);
    expect(pods(finalObjects(t).values()).filter((p) => p.metadata.labels?.['app'] === 'cache' && ready(p))).toHaveLength(2);
  });

  it('kubectl apply of a broken manifest prints the error and changes nothing', () => {
    const t = whatIf('node-drain', [1000, 'kubectl apply -f -\napiVersion: v1\nkind: Deployment\nmetadata:\n  name: x']);
    expect(t.commands?.[0]?.ok).toBe(false);
    expect(output(t)[0]?.[0]).toContain('no matches for kind "Deployment" in version "v1"');
  });
});

describe('node commands', () => {
  it('kubectl cordon and taint keep new pods away; the scheduler says why', () => {
    const t = whatIf('node-drain', [1000, 'kubectl cordon worker-1'], [1000, 'kubectl taint nodes worker-3 dedicated=db:NoSchedule'], [2000, 'kubectl scale deployment web --replicas=6']);
    expect(output(t).slice(0, 2)).toEqual([['node/worker-1 cordoned'], ['node/worker-3 tainted']]);
    const node3 = finalObjects(t).get('Node/worker-3');
    expect(node3?.kind === 'Node' && node3.spec.taints).toContainEqual({ key: 'dedicated', value: 'db', effect: 'NoSchedule' });
    // The two new pods could only go to worker-2 (until the story's own cordon of it at 3.5 s).
    const placed = t.events.filter((e) => e.kind === 'decision' && e.t < 3500);
    expect(placed.length).toBeGreaterThanOrEqual(2);
    for (const d of placed) expect(d.kind === 'decision' && d.decision.selected).toBe('worker-2');
  });

  it('kubectl drain evicts through the Eviction API and leaves the DaemonSet pod', () => {
    const t = whatIf('node-drain', [1000, 'kubectl drain worker-3 --ignore-daemonsets']);
    expect(indexOf(t, msg('kubectl', 'kube-apiserver', 'POST pod/eviction'))).toBeGreaterThan(-1);
    const left = pods(objectsAt(t, 3000 + 20_000)).filter((p) => p.spec.nodeName === 'worker-3' && !p.metadata.deletionTimestamp);
    expect(left.map((p) => p.metadata.name.replace(/-[a-z0-9]+$/, ''))).toEqual(['kube-proxy']);
    expect(output(t)[0]?.at(-1)).toBe('node/worker-3 drained');
  });

  it('kubectl drain without --ignore-daemonsets stops after the cordon, and a step says nothing was evicted', () => {
    const t = whatIf('node-drain', [1000, 'kubectl drain worker-3']);
    expect(t.commands?.[0]?.ok).toBe(false);
    expect(output(t)[0]?.at(-1)).toMatch(/^error: unable to drain node "worker-3" due to error: cannot delete DaemonSet-managed Pods/);
    // (The story drains worker-2 on its own later: look at worker-3's pods only.)
    const onWorker3 = (at: number): string[] => pods(objectsAt(t, at)).filter((p) => p.spec.nodeName === 'worker-3' && !p.metadata.deletionTimestamp).map((p) => p.metadata.name);
    expect(onWorker3(1000).length).toBeGreaterThan(1);
    expect(onWorker3(15_000)).toEqual(onWorker3(1000));
    const steps = t.events.filter((e) => e.kind === 'step' && e.id.startsWith('you-'));
    expect(steps.map((e) => (e.kind === 'step' ? e.id : ''))).toEqual(['you-1', 'you-2']);
    const stopped = steps[1];
    expect(stopped?.kind === 'step' ? stopped.caption.en : '').toMatch(/^kubectl drain stops after the cordon: `error: unable to drain node "worker-3"[^`]*`\. No pod is evicted; worker-3 stays cordoned/);
    expect(stopped?.kind === 'step' ? stopped.caption.ko : '').toMatch(/^kubectl drain이 코든까지만 하고 멈춥니다: .*축출된 파드는 없고 worker-3은 코든된 채로 남습니다/);
    // When kubectl had its answer, after the cordon's PATCH and the LIST.
    expect(stopped?.t).toBe(t.commands?.[0]?.doneAt);
  });

  it('kubectl label refuses to overwrite without --overwrite', () => {
    const t = whatIf('node-drain', [1000, 'kubectl label nodes worker-1 disk=ssd'], [2000, 'kubectl label nodes worker-1 disk=hdd'], [3000, 'kubectl label nodes worker-1 disk=hdd --overwrite']);
    expect(output(t)).toEqual([['node/worker-1 labeled'], ["error: 'disk' already has a value (ssd), and --overwrite is false"], ['node/worker-1 labeled']]);
    const n = finalObjects(t).get('Node/worker-1');
    expect(n?.metadata.labels?.['disk']).toBe('hdd');
  });
});

describe('faults', () => {
  it('node power-off: the Lease stops, the node goes NotReady after the grace period, power-on brings it back', () => {
    const t = whatIf('replicaset-self-healing', [1000, 'node power-off worker-1'], [90_000, 'node power-on worker-1']);
    const grace = 50_000;
    const node = (simTime: number) => objectsAt(t, simTime).find((o): o is Node => o.kind === 'Node' && o.metadata.name === 'worker-1');
    expect(nodeReady(node(grace - 5_000))).toBe('True');
    expect(nodeReady(node(80_000))).toBe('Unknown');
    expect(nodeReady(node(t.endTime))).toBe('True');
    expect(output(t)).toEqual([['node/worker-1 powered off'], ['node/worker-1 powered on']]);
  });

  it('kubelet stop: NotReady, but the containers were running all along: nothing restarts on start', () => {
    const t = whatIf('replicaset-self-healing', [1000, 'kubelet stop worker-2'], [70_000, 'kubelet start worker-2']);
    const node = (simTime: number) => objectsAt(t, simTime).find((o): o is Node => o.kind === 'Node' && o.metadata.name === 'worker-2');
    expect(nodeReady(node(65_000))).toBe('Unknown');
    expect(nodeReady(node(t.endTime))).toBe('True');
    // The pods that ran there before the stop get no new sandbox when the kubelet comes back.
    const before = new Set(pods(objectsAt(t, 1000)).filter((p) => p.spec.nodeName === 'worker-2').map((p) => `Pod/default/${p.metadata.name}`));
    expect(before.size).toBeGreaterThan(0);
    const restarted = t.events.filter((e) => e.kind === 'message' && e.action === 'RunPodSandbox' && e.t > 70_000 && before.has(e.object ?? ''));
    expect(restarted).toHaveLength(0);
  });

  it('node disconnect: the control plane hears nothing from the node until it reconnects', () => {
    const t = whatIf('replicaset-self-healing', [1000, 'node disconnect worker-3'], [70_000, 'node reconnect worker-3']);
    const fromNode = t.events.filter((e) => e.kind === 'message' && e.from === 'kubelet/worker-3' && e.t > 1000 && e.t < 70_000);
    expect(fromNode).toHaveLength(0);
    const node = (simTime: number) => objectsAt(t, simTime).find((o): o is Node => o.kind === 'Node' && o.metadata.name === 'worker-3');
    expect(nodeReady(node(65_000))).toBe('Unknown');
    expect(nodeReady(node(t.endTime))).toBe('True');
    expect(output(t)).toEqual([['node/worker-3 disconnected from the control plane'], ['node/worker-3 reconnected']]);
  });

  it('a fault that would change nothing is refused', () => {
    const t = whatIf('node-drain', [1000, 'node power-on worker-1'], [2000, 'node power-off worker-1'], [3000, 'kubelet stop worker-1']);
    expect(output(t)).toEqual([['node/worker-1 is already powered on'], ['node/worker-1 powered off'], ['node/worker-1 is powered off']]);
    expect(t.commands?.map((c) => c.ok)).toEqual([false, true, false]);
  });

  it('etcd stop on an HA cluster: the member goes down, writes go on with quorum', () => {
    const plain = runScenario(scenario('etcd-ha'));
    const members = plain.topology.components.filter((c) => c.startsWith('etcd/'));
    const t = whatIf('etcd-ha', [500, `etcd stop ${members.at(-1)?.slice(5) ?? ''}`]);
    expect(output(t)).toEqual([[`etcd member ${members.at(-1)?.slice(5) ?? ''} stopped`]]);
    expect(t.events.some((e) => e.kind === 'component' && e.component === members.at(-1) && e.status === 'down' && e.t === 500)).toBe(true);
  });

  it('etcd stop names the single etcd member after its control-plane node', () => {
    const t = whatIf('pod-creation', [200, 'etcd stop controlplane'], [400, 'kubectl run x --image=nginx']);
    expect(output(t)[0]).toEqual(['etcd member controlplane stopped']);
    // With its only etcd down, kube-apiserver never answers the write: kubectl waits.
    expect(t.commands?.[1]).toEqual({ at: 400, command: 'kubectl run x --image=nginx', ok: false, output: ['(kubectl is still waiting for an answer)'] });
    // It holds the end back two minutes at most (plus the cluster's next timer).
    expect(t.endTime).toBeLessThanOrEqual(400 + 2 * 60_000 + 10_000);
  });
});
