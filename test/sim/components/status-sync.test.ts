import { describe, expect, it } from 'vitest';
import { podCreation } from '../../../scenes/pod-creation.ts';
import { SCENARIOS } from '../../../scenes/index.ts';
import { main } from '../../../src/cli/main.ts';
import type { CliIo } from '../../../src/cli/io.ts';
import { runScenario } from '../../../src/sim/run.ts';
import type { MessageEvent } from '../../../src/sim/trace.ts';
import { routineOf } from '../../../src/timeline/routine.ts';
import { messages } from '../helpers.ts';

async function cliLines(args: string[]): Promise<string[]> {
  const out: string[] = [];
  const io: CliIo = { out: (l) => out.push(l), err: () => undefined, readFile: () => '' };
  await main(args, io);
  return out;
}

describe('the kubelet status manager GETs the pod before each status PATCH (pkg/kubelet/status/status_manager.go syncPod)', () => {
  const trace = runScenario(podCreation);
  const all = messages(trace);
  const requests = new Map(all.filter((m) => m.replyTo === undefined).map((m) => [m.id, m] as const));
  const requestOf = (id: number): MessageEvent | undefined => requests.get(id);

  it('every kubelet PATCH pod/status follows a GET of the same pod by the same kubelet, answered first', () => {
    const patches = all.filter((m) => m.from.startsWith('kubelet/') && m.action === 'PATCH pod/status');
    expect(patches.length).toBeGreaterThan(0);
    for (const patch of patches) {
      const get = all.filter((m) => m.from === patch.from && m.action === 'GET pod (status sync)' && m.object === patch.object && m.seq < patch.seq).at(-1);
      expect(get).toBeDefined();
      const answer = all.find((m) => m.replyTo === get?.id);
      expect(answer?.status).toBe(200);
      expect(answer?.seq ?? Infinity).toBeLessThan(patch.seq);
    }
  });

  it.each(SCENARIOS.map((s) => [s.id, s] as const))('%s: every kubelet status PATCH (readiness failures and mirror pods included) follows a GET', (_, def) => {
    // One pass in sequence order (zone-outage has thousands of kubelets' messages).
    const msgs = [...messages(runScenario(def))].sort((a, b) => a.seq - b.seq);
    const synced = new Set<string>();
    for (const m of msgs) {
      const key = `${m.from}|${m.object ?? ''}`;
      if (m.action === 'GET pod (status sync)') synced.add(key);
      if (m.from.startsWith('kubelet/') && m.action === 'PATCH pod/status') expect(synced.has(key), `${m.from} ${m.object ?? ''} at ${m.t}`).toBe(true);
    }
  });

  it('is routine traffic, its etcd read and answers included, drawn in the background', () => {
    const sync = all.filter((m) => routineOf(m, requestOf) === 'status-sync');
    expect(sync.some((m) => m.to === 'kube-apiserver')).toBe(true);
    expect(sync.some((m) => m.from === 'kube-apiserver' && m.to === 'etcd')).toBe(true);
    expect(sync.some((m) => m.from === 'etcd' && m.to === 'kube-apiserver')).toBe(true);
    expect(all.filter((m) => m.action === 'PATCH pod/status').every((m) => routineOf(m, requestOf) === undefined)).toBe(true);
  });

  it('kubedeck trace lists it only with --verbose', async () => {
    expect((await cliLines(['trace', 'pod-creation'])).some((l) => l.includes('status sync'))).toBe(false);
    expect((await cliLines(['trace', 'pod-creation', '--verbose'])).some((l) => l.includes('GET pod (status sync)'))).toBe(true);
  });
});
