import { describe, expect, it } from 'vitest';
import { SCENARIOS } from '../../scenes/index.ts';
import { main } from '../../src/cli/main.ts';
import type { CliIo } from '../../src/cli/io.ts';

function run(args: string[]): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { out: (l) => out.push(l), err: (l) => err.push(l), readFile: () => '' };
  return main(args, io).then((code) => ({ code, out, err }));
}

describe('kubedeck list', () => {
  it('lists the scenarios in the picker order, one line each, in either language', async () => {
    const en = await run(['list']);
    expect(en.code).toBe(0);
    expect(en.out.map((l) => l.trim().split(/\s+/)[1])).toEqual(SCENARIOS.map((s) => s.id));
    const ko = await run(['list', '--lang', 'ko']);
    expect(ko.out[0]).toContain('쓰기 경로');
  });
});

describe('kubedeck trace', () => {
  it('prints JSON lines with t, kind and, for messages, from/to/action/object', async () => {
    const { code, out } = await run(['trace', 'pod-creation', '--json']);
    expect(code).toBe(0);
    const events = out.map((l) => JSON.parse(l) as Record<string, unknown>);
    for (const e of events) {
      expect(typeof e.t).toBe('number');
      expect(typeof e.kind).toBe('string');
    }
    const post = events.find((e) => e.kind === 'message' && e.action === 'POST pod');
    expect(post).toMatchObject({ from: 'kubectl', to: 'kube-apiserver', object: 'Pod/default/nginx' });
    const bound = events.find((e) => e.kind === 'state' && Array.isArray(e.changes) && (e.changes as { path: string }[]).some((c) => c.path === 'spec.nodeName'));
    expect(bound).toMatchObject({ object: 'Pod/default/nginx', op: 'modified' });
    expect(bound).not.toHaveProperty('value');
  });

  it('prints a numbered, readable list with the step captions in the chosen language', async () => {
    const { out } = await run(['trace', 'node-failure', '--lang', 'ko', '--k8s', '1.31']);
    const text = out.join('\n');
    expect(text).toContain('[step 1]');
    expect(text).toContain('40초');
    expect(text).toMatch(/kube-controller-manager -> kube-apiserver {2}PATCH node \(taint\) {2}Node\/worker-2/);
  });

  it('lists what the kubelet runs from its manifests before the API can know it, in either language', async () => {
    const en = (await run(['trace', 'static-pods'])).out.join('\n');
    expect(en).toMatch(/\[controlplane\] static pod etcd-controlplane starting\n[\s\S]*\[controlplane\] static pod etcd-controlplane running\n[\s\S]*\[controlplane\] static pod etcd-controlplane ready/);
    const ko = (await run(['trace', 'static-pods', '--lang', 'ko'])).out.join('\n');
    expect(ko).toContain('[controlplane] 정적 파드 kube-scheduler-controlplane 없어짐');
  });

  it('runs the newest release by default and reads v1.35 or 1.35.2 as 1.35', async () => {
    expect((await run(['trace', 'pod-creation'])).out[0]).toContain('Kubernetes 1.37,');
    expect((await run(['trace', 'pod-creation', '--k8s', 'v1.35'])).out[0]).toContain('Kubernetes 1.35,');
    expect((await run(['trace', 'pod-creation', '--k8s', '1.35.2'])).out[0]).toContain('Kubernetes 1.35,');
  });

  it('is reproducible with --seed and differs between seeds', async () => {
    const a = await run(['trace', 'pod-creation', '--json', '--seed', '5']);
    const b = await run(['trace', 'pod-creation', '--json', '--seed', '5']);
    const c = await run(['trace', 'pod-creation', '--json', '--seed', '6']);
    expect(a.out).toEqual(b.out);
    expect(a.out).not.toEqual(c.out);
  });

  it.each([
    [['trace', 'nope'], /unknown scenario "nope"/],
    [['trace'], /which scenario/],
    [['trace', 'pod-creation', '--seed', 'x'], /--seed must be a whole number/],
    [['trace', 'pod-creation', '--k8s', 'banana'], /^kubedeck: trace: Kubernetes version "banana" is not supported; supported versions: 1\.31, 1\.32, 1\.33, 1\.34, 1\.35, 1\.36, 1\.37$/],
    [['trace', 'pod-creation', '--k8s', '1.30'], /Kubernetes version "1\.30" is not supported; supported versions: 1\.31, .*, 1\.37$/],
    [['trace', 'pod-creation', '--k8s', '1.38'], /Kubernetes version "1\.38" is not supported/],
    [['export', 'pod-creation', '--format', 'png', '--out', 'x', '--k8s', '2.0'], /^kubedeck: export: Kubernetes version "2\.0" is not supported/],
    [['trace', 'pod-creation', '--param', 'variant=helicopter'], /variant: expected one of pod, deployment/],
    [['trace', 'pod-creation', '--frobnicate'], /unknown option/],
    [['warp'], /unknown command "warp"/],
  ])('%j fails with one clear line and exit code 2', async (args, message) => {
    const { code, err } = await run(args);
    expect(code).toBe(2);
    expect(err).toHaveLength(1);
    expect(err[0]).toMatch(/^kubedeck: /);
    expect(err[0]).toMatch(message);
  });
});
