// The sandbox simulates at most SANDBOX_MAX_PODS pods in all: a command past it is refused with
// kubedeck's own words (a real cluster would take it), so a link cannot make the page work for minutes.
import { describe, expect, it } from 'vitest';
import { sandbox } from '../../../scenes/sandbox.ts';
import { runScenario } from '../../../src/sim/run.ts';
import { SANDBOX_MAX_PODS } from '../../../src/sim/sandbox/pod-budget.ts';

const run = (...commands: string[]) => runScenario(sandbox, { params: { nodes: 1 }, actions: commands.map((command) => ({ at: 0, command })) });

describe('the sandbox pod budget', () => {
  it('is the size bench:sim measures', () => {
    expect(SANDBOX_MAX_PODS).toBe(10_000);
  });

  it('a Deployment that would take the cluster past it is refused, and says why in both languages; one that fits runs', () => {
    const trace = run('kubectl create deployment a --image=nginx --replicas=3', 'kubectl create deployment b --image=nginx -r 9999');
    expect(trace.commands?.map((c) => [c.ok, c.output])).toEqual([
      [true, ['deployment.apps/a created']],
      // 3 + 9,999 + the node's kube-proxy pod.
      [false, ['kubedeck: the sandbox simulates at most 10,000 pods (in your browser); with this the cluster would ask for 10,003 in all']],
    ]);
    const step = trace.events.find((e) => e.kind === 'step' && e.id === 'you-2');
    expect(step?.kind === 'step' && step.caption.en).toContain('A real cluster would take the command. Nothing changes.');
    expect(step?.kind === 'step' && step.caption.ko).toContain('파드를 10,000개까지만 시뮬레이션하는데, 이 명령을 실행하면 클러스터 전체 파드가 10,003개가 됩니다');
    expect(trace.events.some((e) => e.kind === 'state' && e.object === 'Deployment/default/b')).toBe(false);
  });

  it('scale counts the change: up past it is refused, back down always runs', () => {
    const trace = run('kubectl create deployment a --image=nginx --replicas=3', 'kubectl scale deployment a --replicas=20000', 'kubectl scale deployment a --replicas=9999', 'kubectl scale deployment a --replicas=2');
    expect(trace.commands?.map((c) => c.ok)).toEqual([true, false, true, true]);
    expect(trace.commands?.[1]?.output).toEqual(['kubedeck: the sandbox simulates at most 10,000 pods (in your browser); with this the cluster would ask for 20,001 in all']);
  });

  it('kubectl apply counts the manifest\'s replicas too: a Deployment past it is refused, one scaled down by apply runs', () => {
    const manifest = (replicas: number): string => `kubectl apply -f - <<'EOF'
apiVersion: apps/v1
kind: Deployment
metadata: { name: big }
spec:
  replicas: ${replicas}
  selector: { matchLabels: { app: big } }
  template:
    metadata: { labels: { app: big } }
    spec: { containers: [{ name: web, image: nginx }] }
EOF`;
    const trace = run(manifest(3), manifest(20_000), manifest(2));
    expect(trace.commands?.map((c) => c.ok)).toEqual([true, false, true]);
    expect(trace.commands?.[1]?.output).toEqual(['kubedeck: the sandbox simulates at most 10,000 pods (in your browser); with this the cluster would ask for 20,001 in all']);
  });

  it('a link of many big commands runs the ones that fit and refuses the rest (it used to run for minutes)', () => {
    const commands = Array.from({ length: 20 }, (_, i) => `kubectl create deployment w${i} --image=x -r 3000`);
    const trace = run(...commands);
    expect(trace.commands?.filter((c) => c.ok)).toHaveLength(3);
    expect(trace.commands?.filter((c) => !c.ok)).toHaveLength(17);
  }, 60_000);
});
