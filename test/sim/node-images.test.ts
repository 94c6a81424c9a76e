import { describe, expect, it } from 'vitest';
import { replicasetSelfHealing } from '../../scenes/replicaset-self-healing.ts';
import { rollingUpdate } from '../../scenes/rolling-update.ts';
import type { Node } from '../../src/model/objects.ts';
import { criImageName, nodeImages } from '../../src/sim/node-images.ts';
import { runScenario } from '../../src/sim/run.ts';
import type { DecisionEvent, StateEvent } from '../../src/sim/trace.ts';
import { messages } from './helpers.ts';

describe('node.status.images: what the kubelet reports from containerd', () => {
  it('names images as containerd does: Docker Hub short names in full, a tag added when missing', () => {
    expect(criImageName('nginx:1.27')).toBe('docker.io/library/nginx:1.27');
    expect(criImageName('nginx')).toBe('docker.io/library/nginx:latest');
    expect(criImageName('curlimages/curl:8.11.0')).toBe('docker.io/curlimages/curl:8.11.0');
    expect(criImageName('registry.k8s.io/pause:3.10')).toBe('registry.k8s.io/pause:3.10');
    expect(criImageName('registry.example/api:2.1')).toBe('registry.example/api:2.1');
    expect(criImageName('localhost:5000/tools')).toBe('localhost:5000/tools:latest');
    expect(criImageName('nginx@sha256:0123')).toBe('docker.io/library/nginx@sha256:0123');
  });

  it('lists each image once, largest first, at most 50 (nodeStatusMaxImages)', () => {
    const list = nodeImages(['registry.k8s.io/pause:3.10', 'nginx:1.27', 'docker.io/library/nginx:1.27', 'redis:7.4']);
    expect(list.map((i) => i.names?.[0])).toEqual(['docker.io/library/nginx:1.27', 'docker.io/library/redis:7.4', 'registry.k8s.io/pause:3.10']);
    expect(nodeImages(Array.from({ length: 60 }, (_, i) => `app-${i}:1`))).toHaveLength(50);
  });

  const nodeAt0 = (trace: ReturnType<typeof runScenario>, name: string): Node | undefined => trace.snapshots[0]?.objects[`Node/${name}`] as Node | undefined;

  it('a node running pods when the scenario starts reports their images from the start', () => {
    const trace = runScenario(replicasetSelfHealing);
    const names = nodeAt0(trace, 'worker-1')?.status?.images?.flatMap((i) => i.names ?? []);
    expect(names).toEqual(['docker.io/library/nginx:1.27', 'registry.k8s.io/pause:3.10']);
  });

  it('a pulled image reaches status.images at the kubelet’s next status tick (10 s), by a PATCH node/status', () => {
    const trace = runScenario(rollingUpdate);
    const pulled = trace.events.find((e) => e.kind === 'message' && e.action === 'PullImage' && e.type === 'request');
    expect(pulled).toBeDefined();
    const node = pulled?.kind === 'message' ? pulled.to.replace('containerd/', '') : '';
    const reported = trace.events.find(
      (e): e is StateEvent => e.kind === 'state' && e.object === `Node/${node}` && e.t > (pulled?.t ?? 0) && e.changes.some((c) => c.path.startsWith('status.images')),
    );
    expect(reported).toBeDefined();
    expect((reported?.t ?? Infinity) - (pulled?.t ?? 0)).toBeLessThan(15_000);
    const patch = messages(trace).find((m) => m.from === `kubelet/${node}` && m.action === 'PATCH node/status' && m.t > (pulled?.t ?? 0));
    expect(patch).toBeDefined();
  });

  it('ImageLocality gives nginx:1.27 nothing although every node holds docker.io/library/nginx:1.27: upstream compares the name as written', () => {
    const trace = runScenario(replicasetSelfHealing);
    const decisions = trace.events.filter((e): e is DecisionEvent => e.kind === 'decision');
    expect(decisions.length).toBeGreaterThan(0);
    for (const d of decisions) for (const v of d.decision.nodes.filter((n) => n.feasible)) expect(v.scores.ImageLocality).toBe(0);
  });
});
