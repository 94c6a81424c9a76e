/**
 * Simulation throughput: a ReplicaSet scales to 10,000 pods on 500 nodes, every hop simulated
 * (apiserver chain, etcd writes, watches, scheduling cycles, binds, CRI calls, status patches).
 * Prints wall time, simulated events per second and peak memory, twice: with the trace streamed
 * to a sink (each event seen once, then dropped: how a long run is meant to be consumed) and with
 * the whole trace kept in memory (what runScenario returns), each in its own process so each peak
 * is its own. Ends with one line against the targets (issue #13: under 2 s, under 300 MB).
 *
 * Last, what a learner waits for: zone-outage's default run (3,000 replicas on 150 nodes), as the
 * app simulates it when the scenario is opened, and the presentation schedule the stage builds from
 * it before drawing it (the "Drawing the cluster…" wait's biggest part).
 *
 * Run: npm run bench:sim. The runs use the simulation bundled by vite, as the app ships it
 * (RUNNER=tsx: under tsx, as the CLI runs it). TRACE=stream, TRACE=keep or TRACE=scenario runs
 * only that part (one process, under tsx, no summary).
 * NODES, PODS and EVENTS=1 (core/v1 Events on) change the workload.
 */
import { execFileSync } from 'node:child_process';
import { peakRssMB } from './lib/peak-rss.ts';
import { makeDeployment } from '../src/sim/builders.ts';
import { Cluster } from '../src/sim/cluster.ts';
import type { TraceEvent } from '../src/sim/trace.ts';

const NODES = Number(process.env.NODES ?? 500);
const PODS = Number(process.env.PODS ?? 10_000);
const RECORD_EVENTS = process.env.EVENTS === '1';
const MODE = process.env.TRACE;
const TARGET_WALL_S = 2;
const TARGET_RSS_MB = 300;

interface Figures {
  readonly mode: 'stream' | 'keep';
  readonly wallS: number;
  readonly setupS: number;
  readonly events: number;
  readonly callbacks: number;
  readonly simS: number;
  readonly running: number;
  readonly peakRssMB: number;
  readonly peakHeapMB: number;
}

const MB = 1024 * 1024;

function run(mode: 'stream' | 'keep'): Figures {
  let peakHeap = 0;
  const sample = (): void => {
    peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
  };
  let running = 0;
  // The sink: where a consumer of a long run would write each event (a file, a socket); here it
  // counts the pods that reached Running.
  const sink = (e: TraceEvent): void => {
    if (e.kind !== 'state' || e.op !== 'modified') return;
    for (const c of e.changes) if (c.path === 'status.phase' && c.to === 'Running') running++;
  };

  const t0 = performance.now();
  const cluster = new Cluster({ seed: 1, k8sVersion: '1.33', config: { recordEvents: RECORD_EVENTS, fullDecisions: false }, trace: { keep: mode === 'keep', sink } });
  for (let i = 0; i < NODES; i++) cluster.addNode(`node-${String(i).padStart(3, '0')}`, { cpu: '32', memory: '128Gi', pods: '110' });
  cluster.start();
  cluster.create(makeDeployment('web', PODS, { requests: { cpu: '100m', memory: '128Mi' } }));
  const setupMs = performance.now() - t0;

  const clock = cluster.rt.clock;
  let callbacks = 0;
  while (running < PODS && clock.step()) {
    if (++callbacks % 50_000 === 0) sample();
  }
  sample();
  const wallMs = performance.now() - t0;
  return {
    mode,
    wallS: wallMs / 1000,
    setupS: setupMs / 1000,
    events: cluster.rt.tracer.count,
    callbacks,
    simS: clock.now() / 1000,
    running,
    // The operating system's peak for this process, not a sample.
    peakRssMB: peakRssMB(),
    peakHeapMB: peakHeap / MB,
  };
}

function print(f: Figures): void {
  const label = f.mode === 'stream' ? 'trace streamed to a sink' : 'whole trace kept in memory';
  console.log(`kubedeck simulation benchmark: ${PODS} pods on ${NODES} nodes, ${label} (core/v1 Events ${RECORD_EVENTS ? 'on' : 'off'})`);
  console.log(`  pods Running           ${f.running}`);
  console.log(`  simulated time         ${f.simS.toFixed(1)} s`);
  console.log(`  trace events           ${f.events}`);
  console.log(`  clock callbacks        ${f.callbacks}`);
  console.log(`  wall time              ${f.wallS.toFixed(2)} s (set-up ${f.setupS.toFixed(2)} s)`);
  console.log(`  events per second      ${Math.round(f.events / f.wallS).toLocaleString('en')}`);
  console.log(`  peak RSS / heap        ${f.peakRssMB.toFixed(0)} MB / ${f.peakHeapMB.toFixed(0)} MB`);
}

interface ScenarioFigures {
  readonly wallS: number;
  readonly events: number;
  readonly peakRssMB: number;
  /** buildSchedule on that trace (src/timeline, pure): what the stage lays out before the first frame; best and median of SCHEDULE_RUNS. */
  readonly scheduleBestMs: number;
  readonly scheduleMedianMs: number;
}

const SCHEDULE_RUNS = 5;

/** zone-outage with its default parameters, the whole trace kept: what opening it in the app runs. */
async function runZoneOutage(): Promise<ScenarioFigures> {
  const { SCENARIOS } = await import('../scenes/index.ts');
  const { runScenario } = await import('../src/sim/run.ts');
  const def = SCENARIOS.find((s) => s.id === 'zone-outage');
  if (def === undefined) throw new Error('zone-outage is not among the scenarios');
  const { buildSchedule } = await import('../src/timeline/schedule.ts');
  const t0 = performance.now();
  const trace = runScenario(def);
  const wallS = (performance.now() - t0) / 1000;
  const peakRss = peakRssMB();
  const times: number[] = [];
  for (let i = 0; i < SCHEDULE_RUNS; i++) {
    const s0 = performance.now();
    buildSchedule(trace);
    times.push(performance.now() - s0);
  }
  times.sort((a, b) => a - b);
  return { wallS, events: trace.events.length, peakRssMB: peakRss, scheduleBestMs: times[0] ?? NaN, scheduleMedianMs: times[Math.floor(times.length / 2)] ?? NaN };
}

if (MODE === 'scenario') {
  const f = await runZoneOutage();
  console.log('zone-outage as the app opens it (3,000 replicas, 150 nodes, whole trace kept)');
  console.log(`  wall time              ${f.wallS.toFixed(2)} s for ${f.events.toLocaleString('en')} trace events`);
  console.log(`  peak RSS               ${f.peakRssMB.toFixed(0)} MB (the simulation's)`);
  console.log(`  schedule (laid out before the stage draws it): best ${f.scheduleBestMs.toFixed(0)} ms, median ${f.scheduleMedianMs.toFixed(0)} ms of ${SCHEDULE_RUNS}`);
} else if (MODE === 'stream' || MODE === 'keep') {
  const f = run(MODE);
  print(f);
  // For the parent process: the figures as one JSON line.
  if (process.env.BENCH_JSON === '1') console.log(`@@${JSON.stringify(f)}`);
  if (f.running < PODS) {
    console.error(`only ${f.running} of ${PODS} pods reached Running`);
    process.exitCode = 1;
  }
} else {
  // The runs measure the simulation bundled as the app ships it (bundle-for-node.ts says why);
  // RUNNER=tsx measures it under tsx, as `npx kubedeck` runs it.
  const underTsx = process.env.RUNNER === 'tsx';
  const script = underTsx ? [...process.execArgv, process.argv[1] ?? 'bench/sim.ts'] : [await (await import('./lib/bundle-for-node.ts')).bundleForNode('bench/sim.ts')];
  console.log(underTsx ? 'runner: tsx (TypeScript compiled as it loads, as npx kubedeck runs)' : 'runner: node on the simulation bundled by vite (as the app ships it; RUNNER=tsx for tsx)');
  // Each mode in a fresh process of this script, so one's heap does not raise the other's peak.
  const child = (mode: 'stream' | 'keep'): Figures => {
    const out = execFileSync(process.execPath, script, { env: { ...process.env, TRACE: mode, BENCH_JSON: '1' }, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
    const lines = out.split('\n');
    for (const l of lines) if (l !== '' && !l.startsWith('@@')) console.log(l);
    const json = lines.find((l) => l.startsWith('@@'));
    if (json === undefined) throw new Error(`no figures from the ${mode} run`);
    return JSON.parse(json.slice(2)) as Figures;
  };
  const streamed = child('stream');
  const kept = child('keep');
  execFileSync(process.execPath, script, { env: { ...process.env, TRACE: 'scenario' }, stdio: ['ignore', 'inherit', 'inherit'] });
  const ok = (good: boolean): string => (good ? 'ok' : 'MISSED');
  const wallOk = streamed.wallS < TARGET_WALL_S;
  const rssOk = streamed.peakRssMB < TARGET_RSS_MB;
  console.log(
    `summary: ${PODS} pods/${NODES} nodes, streamed ${streamed.wallS.toFixed(2)} s (target < ${TARGET_WALL_S} s: ${ok(wallOk)}), peak RSS ${streamed.peakRssMB.toFixed(0)} MB (target < ${TARGET_RSS_MB} MB: ${ok(rssOk)}); whole trace kept ${kept.wallS.toFixed(2)} s, ${kept.peakRssMB.toFixed(0)} MB`,
  );
}
