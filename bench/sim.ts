/**
 * Simulation throughput: a ReplicaSet scales to 10,000 pods on 500 nodes, every hop simulated
 * (apiserver chain, etcd writes, watches, scheduling cycles, binds, CRI calls, status patches).
 * Prints wall time, simulated events per second and peak memory. Run: npm run bench:sim
 */
import { makeDeployment } from '../src/sim/builders.ts';
import { Cluster } from '../src/sim/cluster.ts';

const NODES = Number(process.env.NODES ?? 500);
const PODS = Number(process.env.PODS ?? 10_000);
const RECORD_EVENTS = process.env.EVENTS === '1';

let peakRss = 0;
let peakHeap = 0;
const sample = (): void => {
  const m = process.memoryUsage();
  peakRss = Math.max(peakRss, m.rss);
  peakHeap = Math.max(peakHeap, m.heapUsed);
};

const t0 = performance.now();
const cluster = new Cluster({ seed: 1, k8sVersion: '1.33', config: { recordEvents: RECORD_EVENTS, fullDecisions: false } });
for (let i = 0; i < NODES; i++) cluster.addNode(`node-${String(i).padStart(3, '0')}`, { cpu: '32', memory: '128Gi', pods: '110' });
cluster.start();
let running = 0;
cluster.rt.tracer.observe((e) => {
  if (e.kind === 'state' && e.changes.some((c) => c.path === 'status.phase' && c.to === 'Running')) running++;
});
cluster.create(makeDeployment('web', PODS, { requests: { cpu: '100m', memory: '128Mi' } }));
const setupMs = performance.now() - t0;

const clock = cluster.rt.clock;
let callbacks = 0;
while (running < PODS && clock.step()) {
  if (++callbacks % 50_000 === 0) sample();
}
sample();
const wallMs = performance.now() - t0;
const events = cluster.rt.tracer.events.length;
const mb = (b: number): string => `${(b / 1024 / 1024).toFixed(0)} MB`;

console.log(`kubedeck simulation benchmark: ${PODS} pods on ${NODES} nodes (core/v1 Events ${RECORD_EVENTS ? 'on' : 'off'})`);
console.log(`  pods Running           ${running}`);
console.log(`  simulated time         ${(clock.now() / 1000).toFixed(1)} s`);
console.log(`  trace events           ${events}`);
console.log(`  clock callbacks        ${callbacks}`);
console.log(`  wall time              ${(wallMs / 1000).toFixed(2)} s (set-up ${(setupMs / 1000).toFixed(2)} s)`);
console.log(`  events per second      ${Math.round(events / (wallMs / 1000)).toLocaleString('en')}`);
console.log(`  peak RSS / heap        ${mb(peakRss)} / ${mb(peakHeap)}`);
if (running < PODS) {
  console.error(`only ${running} of ${PODS} pods reached Running`);
  process.exitCode = 1;
}
