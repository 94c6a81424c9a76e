/** `kubedeck schedule`, driven with an in-memory CliIo and the fixtures in test/fixtures/schedule. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CliError, type CliIo } from '../../src/cli/io.ts';
import { scheduleCommand } from '../../src/cli/schedule.ts';

const DIR = 'test/fixtures/schedule/';

function memoryIo(extra: Record<string, string> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    out: (l) => out.push(l),
    err: (l) => err.push(l),
    readFile: (p) => {
      if (p in extra) return extra[p] ?? '';
      try {
        return readFileSync(DIR + p, 'utf8');
      } catch (e) {
        throw Object.assign(new Error('read failed'), { code: (e as NodeJS.ErrnoException).code });
      }
    },
  };
  return { io, out, err };
}

async function run(args: string[], extra: Record<string, string> = {}) {
  const m = memoryIo(extra);
  const code = await scheduleCommand(args, m.io);
  return { code, out: m.out, text: m.out.join('\n') };
}

async function failure(args: string[], extra: Record<string, string> = {}): Promise<string> {
  try {
    await scheduleCommand(args, memoryIo(extra).io);
  } catch (e) {
    if (e instanceof CliError) return e.message;
    throw e;
  }
  throw new Error('expected a CliError');
}

describe('kubedeck schedule', () => {
  it('explains the decision for a kubectl-style node List: reasons, scores, totals, selection', async () => {
    const { code, out } = await run(['--nodes', 'nodes.json', '--pods', 'pods.yaml', '--pod', 'pod.yaml']);
    expect(code).toBe(0);
    expect(out).toEqual([
      'Pod default/api (scheduler default-scheduler, NodeResourcesFit LeastAllocated)',
      '',
      'NODE           FEASIBLE  TaintToleration x3  NodeResourcesFit x1  NodeResourcesBalancedAllocation x1  ImageLocality x1  TOTAL',
      'control-plane  no        node(s) had untolerated taint(s)',
      'worker-1       yes                      100                   60                                  89                 0    449',
      'worker-2       yes                      100                   71                                  91                 0    462',
      'worker-3       no        node(s) were unschedulable',
      '',
      'NodeAffinity: skipped (the pod has no preferred node affinity).',
      'PodTopologySpread: skipped (no ScheduleAnyway constraint, and no system default spreading for this pod).',
      'InterPodAffinity: skipped (no preferred pod (anti-)affinity term, of this pod or of a running pod, applies).',
      'Selected: worker-2, total 462',
    ]);
  });

  it('--json prints exactly selected and nodes', async () => {
    const { text } = await run(['--nodes', 'nodes.json', '--pods', 'pods.yaml', '--pod', 'pod.yaml', '--json']);
    const json: unknown = JSON.parse(text);
    expect(json).toEqual({
      selected: 'worker-2',
      nodes: [
        { name: 'control-plane', feasible: false, reasons: ['node(s) had untolerated taint(s)'], scores: {}, total: 0 },
        { name: 'worker-1', feasible: true, reasons: [], scores: { TaintToleration: 100, NodeResourcesFit: 60, NodeResourcesBalancedAllocation: 89, ImageLocality: 0 }, total: 449 },
        { name: 'worker-2', feasible: true, reasons: [], scores: { TaintToleration: 100, NodeResourcesFit: 71, NodeResourcesBalancedAllocation: 91, ImageLocality: 0 }, total: 462 },
        { name: 'worker-3', feasible: false, reasons: ['node(s) were unschedulable'], scores: {}, total: 0 },
      ],
    });
  });

  it('running pods count where spec.nodeName places them; finished pods and unknown nodes do not', async () => {
    // Without the running pods, worker-1 (4 cpu, empty) beats worker-2 (2 cpu).
    const bare = JSON.parse((await run(['--nodes', 'nodes.json', '--pod', 'pod.yaml', '--json'])).text) as { selected: string };
    expect(bare.selected).toBe('worker-1');
  });

  it('prints the FailedScheduling message when nothing fits (the default, newest wording)', async () => {
    const { code, out } = await run(['--nodes', 'nodes.json', '--pods', 'pods.yaml', '--pod', 'pod-too-big.yaml']);
    expect(code).toBe(0);
    expect(out.at(-1)).toBe(
      'FailedScheduling: 0/4 nodes are available: 1 node(s) had untolerated taint(s), 1 node(s) were unschedulable, 2 Insufficient cpu. no new claims to deallocate, preemption: 0/4 nodes are available: 1 No preemption victims found for incoming pod, 3 Preemption is not helpful for scheduling.',
    );
    expect(out[2]).toBe('NODE           FEASIBLE');
  });

  it.each([
    ['1.33', ' {node-role.kubernetes.io/control-plane: }', ''],
    ['1.34', ' {node-role.kubernetes.io/control-plane: }', ' no new claims to deallocate,'],
    ['1.35', '(s)', ' no new claims to deallocate,'],
    ['v1.37.1', '(s)', ' no new claims to deallocate,'],
  ])('--k8s %s: taint reason and DRA PostFilter wording of that release', async (k8s, taint, dra) => {
    const { out } = await run(['--nodes', 'nodes.json', '--pods', 'pods.yaml', '--pod', 'pod-too-big.yaml', '--k8s', k8s]);
    expect(out.at(-1)).toBe(
      `FailedScheduling: 0/4 nodes are available: 1 node(s) had untolerated taint${taint}, 1 node(s) were unschedulable, 2 Insufficient cpu.${dra} preemption: 0/4 nodes are available: 1 No preemption victims found for incoming pod, 3 Preemption is not helpful for scheduling.`,
    );
  });

  it('--k8s outside the supported releases: one line listing them', async () => {
    expect(await failure(['--nodes', 'nodes.json', '--pod', 'pod.yaml', '--k8s', '1.30'])).toBe(
      'schedule: Kubernetes version "1.30" is not supported; supported versions: 1.31, 1.32, 1.33, 1.34, 1.35, 1.36, 1.37',
    );
  });

  it('--config applies a KubeSchedulerConfiguration (MostAllocated packs onto the busier node)', async () => {
    const json = JSON.parse((await run(['--nodes', 'nodes.json', '--pods', 'pods.yaml', '--pod', 'pod.yaml', '--config', 'most-allocated.yaml', '--json'])).text) as {
      selected: string;
      nodes: { name: string; scores: Record<string, number> }[];
    };
    expect(json.selected).toBe('worker-1');
    expect(json.nodes.map((n) => n.scores.NodeResourcesFit)).toEqual([undefined, 39, 28, undefined]);
  });

  it('ties are drawn by --seed, reproducibly', async () => {
    const twin = (name: string) => `{"kind":"Node","metadata":{"name":"${name}"},"status":{"allocatable":{"cpu":"2","memory":"4Gi","pods":"10"}}}`;
    const extra = { 'twins.yaml': `${twin('a')}\n---\n${twin('b')}\n`, 'triplets.yaml': `${twin('a')}\n---\n${twin('b')}\n---\n${twin('c')}\n` };
    const picks = new Set<string>();
    for (const seed of ['1', '2', '3', '4', '5', '6', '7', '8']) {
      const args = ['--nodes', 'twins.yaml', '--pod', 'pod.yaml', '--seed', seed, '--json'];
      const once = (JSON.parse((await run(args, extra)).text) as { selected: string }).selected;
      const again = (JSON.parse((await run(args, extra)).text) as { selected: string }).selected;
      expect(again).toBe(once);
      picks.add(once);
    }
    expect(picks.size).toBeGreaterThan(1);
    const text = (await run(['--nodes', 'triplets.yaml', '--pod', 'pod.yaml'], extra)).out.at(-1) ?? '';
    expect(text).toMatch(/^Selected: [abc], total \d+ \(tied with [abc], [abc]; drawn by --seed 1\)$/);
  });

  it('bad input: one line naming the file and the field or position', async () => {
    expect(await failure(['--nodes', 'nodes-bad-quantity.json', '--pod', 'pod.yaml'])).toBe('nodes-bad-quantity.json: items[1].status.allocatable.cpu: invalid quantity "2x"');
    expect(await failure(['--nodes', 'nodes.json', '--pod', 'pod-syntax-error.json'])).toMatch(/^pod-syntax-error\.json: line 4 column \d+: invalid JSON: /);
    expect(await failure(['--nodes', 'nodes.json', '--pod', 'missing.yaml'])).toBe('schedule: cannot read missing.yaml: no such file');
    expect(await failure(['--pod', 'pod.yaml'])).toBe('schedule: --nodes FILE is required');
    expect(await failure(['--nodes', 'nodes.json', '--pod', 'pod.yaml', '--seed', 'x'])).toBe('schedule: --seed must be a whole number, got "x"');
    expect(await failure(['--nodes', 'nodes.json', '--pod', 'pod.yaml', '--bogus'])).toMatch(/^schedule: unknown option/);
    expect(await failure(['--nodes', 'nodes.json', '--pod', 'nodes.json'])).toBe('nodes.json: items[0].kind: expected Pod, got "Node"');
    const cfg = { 'bad-config.yaml': 'apiVersion: kubescheduler.config.k8s.io/v1\nkind: KubeSchedulerConfiguration\nprofiles:\n- pluginConfig:\n  - name: NodeResourcesFit\n    args: {scoringStrategy: {type: Fastest}}\n' };
    expect(await failure(['--nodes', 'nodes.json', '--pod', 'pod.yaml', '--config', 'bad-config.yaml'], cfg)).toMatch(
      /^bad-config\.yaml: profiles\[0\]\.pluginConfig\[0\]\.args\.scoringStrategy\.type: /,
    );
    expect(await failure(['--nodes', 'nodes.json', '--pod', 'pod.yaml'], { 'pod.yaml': 'kind: Pod\nmetadata: {name: p}\nspec:\n  containers: [{name: c, resources: {requests: {cpu: 12x}}}]\n' })).toBe(
      'pod.yaml: spec.containers[0].resources.requests.cpu: invalid quantity "12x"',
    );
  });
});

describe('kubedeck schedule notes', () => {
  it('points out nodes without status.allocatable', async () => {
    const extra = { 'bare.yaml': 'kind: Node\nmetadata: {name: bare}\nstatus:\n  capacity: {cpu: "4", memory: 8Gi, pods: "110"}\n' };
    const { out } = await run(['--nodes', 'bare.yaml', '--pod', 'pod.yaml'], extra);
    expect(out.at(-1)).toBe('Note: bare has no status.allocatable, so kube-scheduler sees no cpu, memory or pod room there.');
    expect(out).toContain('bare  no        Too many pods, Insufficient cpu, Insufficient memory');
    expect(out).toContain(
      'FailedScheduling: 0/1 nodes are available: 1 Insufficient cpu, 1 Insufficient memory, 1 Too many pods. no new claims to deallocate, preemption: 0/1 nodes are available: 1 Preemption is not helpful for scheduling.',
    );
  });
});

describe('kubedeck schedule profiles', () => {
  const config = `apiVersion: kubescheduler.config.k8s.io/v1
kind: KubeSchedulerConfiguration
profiles:
- schedulerName: default-scheduler
- schedulerName: bin-packer
  pluginConfig:
  - name: NodeResourcesFit
    args:
      scoringStrategy:
        type: MostAllocated
`;
  const packed = 'kind: Pod\nmetadata: {name: packed, namespace: default}\nspec:\n  schedulerName: bin-packer\n  containers: [{name: c, image: i, resources: {requests: {cpu: 500m, memory: 256Mi}}}]\n';
  it("uses the profile named by the pod's schedulerName", async () => {
    const extra = { 'two-profiles.yaml': config, 'packed.yaml': packed };
    const plain = JSON.parse((await run(['--nodes', 'nodes.json', '--pods', 'pods.yaml', '--pod', 'pod.yaml', '--config', 'two-profiles.yaml', '--json'], extra)).text) as { selected: string };
    const binPacked = JSON.parse((await run(['--nodes', 'nodes.json', '--pods', 'pods.yaml', '--pod', 'packed.yaml', '--config', 'two-profiles.yaml', '--json'], extra)).text) as { selected: string };
    expect([plain.selected, binPacked.selected]).toEqual(['worker-2', 'worker-1']);
  });
  it('a pod for another scheduler needs its profile', async () => {
    expect(await failure(['--nodes', 'nodes.json', '--pod', 'packed.yaml'], { 'packed.yaml': packed })).toBe(
      'schedule: the pod asks for scheduler "bin-packer"; give its KubeSchedulerConfiguration with --config',
    );
    expect(await failure(['--nodes', 'nodes.json', '--pod', 'packed.yaml', '--config', 'most-allocated.yaml'], { 'packed.yaml': packed })).toBe(
      'most-allocated.yaml: no profile has schedulerName "bin-packer" (the pod\'s spec.schedulerName)',
    );
  });
});

describe('kubedeck schedule: node images (ImageLocality)', () => {
  const node = (name: string, images: string) =>
    `{"kind":"Node","metadata":{"name":"${name}"},"status":{"allocatable":{"cpu":"2","memory":"4Gi","pods":"10"},"images":[${images}]}}`;
  const big = '{"names":["registry.example/app:1.0"],"sizeBytes":524288000}';
  it('a node that already holds the pod image scores higher and wins', async () => {
    const extra = {
      'image-nodes.yaml': `${node('a', '')}\n---\n${node('b', big)}\n`,
      'app.yaml': 'kind: Pod\nmetadata: {name: app, namespace: default}\nspec:\n  containers: [{name: c, image: "registry.example/app:1.0", resources: {requests: {cpu: 100m}}}]\n',
    };
    const json = JSON.parse((await run(['--nodes', 'image-nodes.yaml', '--pod', 'app.yaml', '--json'], extra)).text) as {
      selected: string;
      nodes: { name: string; scores: Record<string, number> }[];
    };
    // 500MB on 1 of 2 nodes: 250MB scaled; 100 * (250MB - 23MB) / (1000MB - 23MB) = 23
    expect(json.nodes.map((n) => n.scores.ImageLocality)).toEqual([0, 23]);
    expect(json.selected).toBe('b');
  });
});

describe('kubedeck schedule: host ports (NodePorts)', () => {
  it('a node whose running pod holds the host port is filtered out', async () => {
    const node = (name: string) => `{"kind":"Node","metadata":{"name":"${name}"},"status":{"allocatable":{"cpu":"2","memory":"4Gi","pods":"10"}}}`;
    const web = (name: string, nodeName: string) =>
      `{"kind":"Pod","metadata":{"name":"${name}","namespace":"default"},"spec":{${nodeName === '' ? '' : `"nodeName":"${nodeName}",`}"containers":[{"name":"c","image":"nginx","ports":[{"containerPort":80,"hostPort":8080}]}]}}`;
    const extra = { 'port-nodes.yaml': `${node('a')}\n---\n${node('b')}\n`, 'running.yaml': web('old', 'a'), 'web.yaml': web('new', '') };
    const { out } = await run(['--nodes', 'port-nodes.yaml', '--pods', 'running.yaml', '--pod', 'web.yaml'], extra);
    expect(out).toContain("a     no        node(s) didn't have free ports for the requested pod ports");
    expect(out.at(-1)).toBe('Selected: b');
  });
});

describe('kubedeck schedule: topologySpreadConstraints (PodTopologySpread)', () => {
  const node = (name: string, zone: string) =>
    `{"kind":"Node","metadata":{"name":"${name}","labels":{"kubernetes.io/hostname":"${name}","topology.kubernetes.io/zone":"${zone}"}},"status":{"allocatable":{"cpu":"4","memory":"8Gi","pods":"110"}}}`;
  const web = (name: string, nodeName: string, spread: string) =>
    `{"kind":"Pod","metadata":{"name":"${name}","namespace":"default","labels":{"app":"web"}},"spec":{${nodeName === '' ? '' : `"nodeName":"${nodeName}",`}${spread}"containers":[{"name":"c","image":"nginx","resources":{"requests":{"cpu":"100m"}}}]}}`;
  const constraint = (mode: string) =>
    `"topologySpreadConstraints":[{"maxSkew":1,"topologyKey":"topology.kubernetes.io/zone","whenUnsatisfiable":"${mode}","labelSelector":{"matchLabels":{"app":"web"}}}],`;
  const extra = (mode: string) => ({
    'zones.yaml': [node('a1', 'zone-a'), node('a2', 'zone-a'), node('b1', 'zone-b')].join('\n---\n'),
    'running.yaml': [web('w1', 'a1', ''), web('w2', 'a2', '')].join('\n---\n'),
    'web.yaml': web('w3', '', constraint(mode)),
  });
  it('DoNotSchedule: nodes of the crowded zone are filtered out, with the upstream reason', async () => {
    const { out } = await run(['--nodes', 'zones.yaml', '--pods', 'running.yaml', '--pod', 'web.yaml'], extra('DoNotSchedule'));
    expect(out).toContain("a1    no        node(s) didn't match pod topology spread constraints");
    expect(out.at(-1)).toBe('Selected: b1');
  });
  it('ScheduleAnyway: a PodTopologySpread score column (weight 2) favours the empty zone', async () => {
    const json = JSON.parse((await run(['--nodes', 'zones.yaml', '--pods', 'running.yaml', '--pod', 'web.yaml', '--json'], extra('ScheduleAnyway'))).text) as {
      selected: string;
      nodes: { name: string; scores: Record<string, number> }[];
    };
    // zone-a holds 2 matching pods, zone-b none: raw 2*log(4)=2.77 -> 3 and 0 -> normalized 0 and 100.
    expect(json.nodes.map((n) => n.scores.PodTopologySpread)).toEqual([0, 0, 100]);
    expect(json.selected).toBe('b1');
  });
});

describe('kubedeck schedule: pod (anti-)affinity against --pods (InterPodAffinity)', () => {
  const node = (name: string, zone: string) =>
    `{"kind":"Node","metadata":{"name":"${name}","labels":{"kubernetes.io/hostname":"${name}","topology.kubernetes.io/zone":"${zone}"}},"status":{"allocatable":{"cpu":"4","memory":"8Gi","pods":"110"}}}`;
  const pod = (name: string, app: string, nodeName: string, affinity: string) =>
    `{"kind":"Pod","metadata":{"name":"${name}","namespace":"default","labels":{"app":"${app}"}},"spec":{${nodeName === '' ? '' : `"nodeName":"${nodeName}",`}${affinity}"containers":[{"name":"c","image":"i","resources":{"requests":{"cpu":"100m"}}}]}}`;
  const term = (app: string) => `{"labelSelector":{"matchLabels":{"app":"${app}"}},"topologyKey":"kubernetes.io/hostname"}`;
  const nodes = [node('n1', 'zone-a'), node('n2', 'zone-a'), node('n3', 'zone-b')].join('\n---\n');
  it('required anti-affinity keeps the pod off the node of a matching pod; a running pod\'s anti-affinity works both ways', async () => {
    const extra = {
      'nodes.yaml': nodes,
      'running.yaml': [pod('db-0', 'db', 'n1', ''), pod('cache-0', 'cache', 'n2', `"affinity":{"podAntiAffinity":{"requiredDuringSchedulingIgnoredDuringExecution":[${term('db')}]}},`)].join('\n---\n'),
      'db.yaml': pod('db-1', 'db', '', `"affinity":{"podAntiAffinity":{"requiredDuringSchedulingIgnoredDuringExecution":[${term('db')}]}},`),
    };
    const { out } = await run(['--nodes', 'nodes.yaml', '--pods', 'running.yaml', '--pod', 'db.yaml'], extra);
    expect(out).toContain("n1    no        node(s) didn't match pod anti-affinity rules");
    expect(out).toContain("n2    no        node(s) didn't satisfy existing pods anti-affinity rules");
    expect(out.at(-1)).toBe('Selected: n3');
  });
  it('preferred affinity scores the node of a matching pod highest', async () => {
    const extra = {
      'nodes.yaml': nodes,
      'running.yaml': pod('db-0', 'db', 'n2', ''),
      'web.yaml': pod('web-0', 'web', '', `"affinity":{"podAffinity":{"preferredDuringSchedulingIgnoredDuringExecution":[{"weight":50,"podAffinityTerm":${term('db')}}]}},`),
    };
    const json = JSON.parse((await run(['--nodes', 'nodes.yaml', '--pods', 'running.yaml', '--pod', 'web.yaml', '--json'], extra)).text) as {
      selected: string;
      nodes: { name: string; scores: Record<string, number> }[];
    };
    expect(json.nodes.map((n) => n.scores.InterPodAffinity)).toEqual([0, 100, 0]);
    expect(json.selected).toBe('n2');
  });
});

describe('kubedeck schedule --workloads: system default spreading (PodTopologySpread)', () => {
  const node = (name: string) => `{"kind":"Node","metadata":{"name":"${name}","labels":{"kubernetes.io/hostname":"${name}"}},"status":{"allocatable":{"cpu":"4","memory":"8Gi","pods":"110"}}}`;
  const owner = '"ownerReferences":[{"apiVersion":"apps/v1","kind":"ReplicaSet","name":"web-7d4b9","uid":"u1","controller":true}]';
  const web = (name: string, nodeName: string) =>
    `{"kind":"Pod","metadata":{"name":"${name}","namespace":"default","labels":{"app":"web"},${owner}},"spec":{${nodeName === '' ? '' : `"nodeName":"${nodeName}",`}"containers":[{"name":"c","image":"nginx","resources":{"requests":{"cpu":"100m"}}}]}}`;
  const extra = {
    'hosts.yaml': `${node('n1')}\n---\n${node('n2')}\n`,
    'replicas.yaml': web('web-0', 'n1'),
    'web.yaml': web('web-1', ''),
    'workloads.yaml': '{"kind":"ReplicaSet","apiVersion":"apps/v1","metadata":{"name":"web-7d4b9","namespace":"default"},"spec":{"selector":{"matchLabels":{"app":"web"}}}}\n---\n{"kind":"ConfigMap","metadata":{"name":"x"}}\n',
  };
  it('without --workloads a note says what is missing; with them the replica spreads to the other node', async () => {
    const bare = await run(['--nodes', 'hosts.yaml', '--pods', 'replicas.yaml', '--pod', 'web.yaml'], extra);
    expect(bare.out.at(-1)).toMatch(/^Note: kube-scheduler spreads this ReplicaSet's pods by default .* give them with --workloads/);
    const json = JSON.parse((await run(['--nodes', 'hosts.yaml', '--pods', 'replicas.yaml', '--pod', 'web.yaml', '--workloads', 'workloads.yaml', '--json'], extra)).text) as {
      selected: string;
      nodes: { name: string; scores: Record<string, number> }[];
    };
    expect(json.nodes.map((n) => n.scores.PodTopologySpread)).toEqual([66, 100]);
    expect(json.selected).toBe('n2');
  });
});
