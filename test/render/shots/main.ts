/**
 * Dev/screenshot page for the stage (not part of the app): plays the sample trace, or the real
 * simulation once it lands, at the size, theme and language given in the URL.
 * ?scenario=pod-creation|node-failure|sample&w=1280&h=720&theme=dark&lang=en&nodes=3&renderer=webgl
 */
import { createStage, type Stage, type ThemeName } from '../../../src/render/index.ts';
import type { PlayerApi } from '../../../src/timeline/player-api.ts';
import type { Node } from '../../../src/model/objects.ts';
import type { Trace } from '../../../src/sim/trace.ts';
import { podCreationSample } from '../../fixtures/traces/pod-creation.sample.ts';
import { SCENARIOS } from '../../../scenes/index.ts';
import { runScenario } from '../../../src/sim/run.ts';

declare global {
  interface Window {
    kd?: { stage: Stage; player: PlayerApi; trace: Trace };
    kdError?: string;
  }
}

/** The sample with extra worker nodes (for layout checks with many ships). */
function withNodes(trace: Trace, n: number): Trace {
  if (n <= trace.topology.nodes.length) return { ...trace, topology: { ...trace.topology, nodes: trace.topology.nodes.slice(0, Math.max(1, n)) } };
  const extra = Array.from({ length: n - trace.topology.nodes.length }, (_, i) => `worker-${trace.topology.nodes.length + i + 1}`);
  const nodeObj = (name: string): Node => ({
    apiVersion: 'v1',
    kind: 'Node',
    metadata: { name },
    spec: {},
    status: { conditions: [{ type: 'Ready', status: 'True' }] },
  });
  const add = Object.fromEntries(extra.map((x) => [`Node/${x}`, nodeObj(x)]));
  return {
    ...trace,
    topology: {
      nodes: [...trace.topology.nodes, ...extra],
      components: [...trace.topology.components, ...extra.flatMap((x) => [`kubelet/${x}` as const, `containerd/${x}` as const, `kube-proxy/${x}` as const])],
    },
    snapshots: trace.snapshots.map((s) => ({ ...s, objects: { ...s.objects, ...add } })),
  };
}

async function main(): Promise<void> {
  const q = new URLSearchParams(location.search);
  const w = Number(q.get('w') ?? 1280);
  const h = Number(q.get('h') ?? 720);
  const host = document.getElementById('host');
  if (!host) throw new Error('no host');
  host.style.width = `${w}px`;
  host.style.height = `${h}px`;
  const theme = (q.get('theme') ?? 'dark') as ThemeName;
  const lang = q.get('lang') === 'ko' ? 'ko' : 'en';
  const stage = await createStage(host, {
    theme,
    lang,
    reducedMotion: q.get('reduced') === '1',
    renderer: q.get('renderer') === 'canvas' ? 'canvas' : q.get('renderer') === 'webgl' ? 'webgl' : 'auto',
    antialias: q.get('aa') !== '0',
  });
  const scenario = q.get('scenario') ?? 'pod-creation';
  const def = SCENARIOS.find((d) => d.id === scenario);
  const nodes = q.get('nodes');
  const base = scenario === 'sample' || def === undefined ? podCreationSample : runScenario(def);
  const trace = nodes === null ? base : withNodes(base, Number(nodes));
  const player = stage.load(trace);
  await stage.ready();
  window.kd = { stage, player, trace };
}

main().catch((e: unknown) => {
  window.kdError = String(e instanceof Error ? (e.stack ?? e.message) : e);
});
