/**
 * The flagship is the control-plane node (static-pods, etcd-backup-restore): no cargo ship of its
 * own, its files drawn as the trace holds them step by step; CoreDNS as pods on worker ships.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launch, type Browser } from './lib/chromium.ts';
import { openApp, type AppPage } from './lib/app-page.ts';
import { labelsAt } from './lib/labels.ts';

const base = inject('baseUrl');
let browser: Browser;
let app: AppPage;

beforeAll(async () => {
  browser = await launch({ width: 1280, height: 720, locale: 'en-US' });
  app = await openApp(browser.context, `${base}?scenario=pod-creation&lang=en&theme=dark`);
});
afterAll(async () => {
  await browser.close();
});

interface Seen {
  readonly id: string;
  readonly objects: readonly { kind: string; name: string; x: number; y: number; w: number; h: number }[];
}

/** objects() at the end of every step of a scenario. */
async function everyStep(id: string): Promise<Seen[]> {
  const { page } = app;
  await page.goto(`${base}?scenario=${id}&lang=en&theme=dark`);
  await page.waitForFunction(() => window.__kubedeck?.player() !== undefined, undefined, { timeout: 30_000 });
  return page.evaluate(async () => {
    const k = window.__kubedeck;
    await k?.ready;
    // The debug handle's stage, with the objects() test hook (src/render/drawn.ts).
    const stage = k?.stage() as { ready(): Promise<void>; renderFrameAt(t: number): void; objects(): { kind: string; name: string; x: number; y: number; w: number; h: number }[] } | undefined;
    await stage?.ready();
    const out: { id: string; objects: { kind: string; name: string; x: number; y: number; w: number; h: number }[] }[] = [];
    for (const s of k?.player()?.steps ?? []) {
      stage?.renderFrameAt(s.end - 0.01);
      out.push({ id: s.id, objects: (stage?.objects() ?? []).map((o) => ({ kind: o.kind, name: o.name, x: o.x, y: o.y, w: o.w, h: o.h })) });
    }
    return out;
  });
}

const files = (s: Seen): string[] => s.objects.filter((o) => o.kind === 'file').map((o) => o.name).sort();
const MANIFESTS = ['etcd', 'kube-apiserver', 'kube-controller-manager', 'kube-scheduler'].map((c) => `/etc/kubernetes/manifests/${c}.yaml`);

describe('the flagship is the control-plane node', () => {
  it('static-pods: no cargo ship for controlplane; the manifests on the flagship follow the trace', async () => {
    const steps = await everyStep('static-pods');
    expect(steps.length).toBeGreaterThan(5);
    let removed = false;
    for (const s of steps) {
      expect(s.objects.some((o) => o.kind === 'Node' && o.name === 'controlplane')).toBe(false);
      expect(s.objects.some((o) => o.kind === 'control-plane-node' && o.name === 'controlplane')).toBe(true);
      if (s.id === 'remove-manifest') removed = true;
      if (s.id === 'restore-manifest') removed = false;
      const want = [...(removed ? MANIFESTS.filter((m) => !m.endsWith('kube-scheduler.yaml')) : MANIFESTS), '/etc/kubernetes/manifests', '/var/lib/etcd'].sort();
      expect(files(s), s.id).toEqual(want);
    }
    // The kubelet runs its static pods before any API server can list them: from its CRI calls on,
    // all four stand on the control-plane node (drawn as static pods, dashed, until their mirrors
    // exist), not only once mirrored.
    const drawn = (s: Seen | undefined, kind: string): string[] => (s?.objects ?? []).filter((o) => o.kind === kind).map((o) => o.name).sort();
    const step = (id: string): Seen | undefined => steps.find((s) => s.id === id);
    const staticPods = ['etcd', 'kube-apiserver', 'kube-controller-manager', 'kube-scheduler'].map((c) => `kube-system/${c}-controlplane`);
    expect([...drawn(steps[0], 'Pod'), ...drawn(steps[0], 'static-pod')]).toEqual([]);
    for (const id of ['cri', 'etcd-up', 'apiserver-up', 'register']) {
      expect(drawn(step(id), 'static-pod'), id).toEqual(staticPods);
      expect(drawn(step(id), 'Pod'), id).toEqual([]);
    }
    expect(drawn(step('mirror'), 'Pod')).toEqual(staticPods);
    // A mirror deleted through the API while its static pod runs on: the pod is drawn, not the leaving mirror.
    expect(drawn(steps[steps.findIndex((s) => s.id === 'mirror-deleted') - 1], 'static-pod')).toEqual(['kube-system/kube-scheduler-controlplane']);
    const last = steps.at(-1);
    const node = last?.objects.find((o) => o.kind === 'control-plane-node');
    const mirror = last?.objects.find((o) => o.kind === 'Pod' && o.name === 'kube-system/kube-apiserver-controlplane');
    expect(node && mirror && mirror.y >= node.y && mirror.y + mirror.h <= node.y + node.h + 1).toBe(true);
    expect(app.errors).toEqual([]);
  });

  it('etcd-backup-restore: the snapshot after the save, the restored data dir after the restore', async () => {
    const steps = await everyStep('etcd-backup-restore');
    const at = (id: string): number => steps.findIndex((s) => s.id === id);
    for (const [i, s] of steps.entries()) {
      expect(s.objects.some((o) => o.kind === 'Node' && o.name === 'controlplane')).toBe(false);
      const f = files(s);
      for (const m of MANIFESTS) expect(f).toContain(m);
      expect(f.includes('/opt/snapshot.db'), s.id).toBe(i >= at('saved'));
      expect(f.includes('/var/lib/etcd-from-backup'), s.id).toBe(i >= at('restore'));
    }
    expect(at('saved')).toBeGreaterThan(0);
    expect(at('restore')).toBeGreaterThan(at('saved'));
    expect(app.errors).toEqual([]);
  });
});

describe('CoreDNS', () => {
  /** The stage's words during step `id` (its middle), owner and text. */
  async function wordsInStep(scenario: string, lang: string, id: string): Promise<{ owner: string; text: string }[]> {
    const { page } = app;
    await page.goto(`${base}?scenario=${scenario}&lang=${lang}&theme=dark`);
    await page.waitForFunction(() => window.__kubedeck?.player() !== undefined, undefined, { timeout: 30_000 });
    const span = await page.evaluate(async (stepId) => {
      await window.__kubedeck?.ready;
      const s = window.__kubedeck?.player()?.steps.find((x) => x.id === stepId);
      return s === undefined ? undefined : { start: s.start, end: s.end };
    }, id);
    if (span === undefined) throw new Error(`no step ${id}`);
    const { labels } = await labelsAt(page, span.start + Math.min(0.5, (span.end - span.start) / 2));
    return labels.map((l) => ({ owner: l.owner, text: l.text }));
  }

  it.each([
    ['en', 'shell'],
    ['ko', '셸'],
  ])('static-pods (%s): the operator’s mv is the shell’s, on the quay’s card, not kubectl’s', async (lang, shell) => {
    const words = (await wordsInStep('static-pods', lang, 'remove-manifest')).filter((w) => w.owner === 'kubectl');
    expect(words.map((w) => w.text)).toContain(shell);
    expect(words.map((w) => w.text)).not.toContain('kubectl');
    expect(words.some((w) => w.text.startsWith('mv '))).toBe(true);
  });

  it('pod-creation: the kubelet step labels the watch event the kubelet gets (ADDED) over the others’ at the same moment', async () => {
    const { page } = app;
    await page.goto(`${base}?scenario=pod-creation&lang=en&theme=dark`);
    await page.waitForFunction(() => window.__kubedeck?.player() !== undefined, undefined, { timeout: 30_000 });
    const span = await page.evaluate(async () => {
      await window.__kubedeck?.ready;
      const s = window.__kubedeck?.player()?.steps.find((x) => x.id === 'kubelet-watch');
      return s === undefined ? undefined : { start: s.start, end: s.end };
    });
    if (span === undefined) throw new Error('no kubelet-watch step');
    // Frames through the step: the token passes behind kube-controller-manager's card for a while (no label there).
    const frames: string[][] = [];
    for (let t = span.start; t < span.end; t += 0.05) frames.push((await labelsAt(page, t)).labels.filter((l) => l.owner === 'token').map((l) => l.text));
    const added = frames.filter((f) => f.some((t) => /ADDED/.test(t))).length;
    expect(added, frames.map((f) => f.join(' + ')).join(' | ')).toBeGreaterThan(frames.length / 4);
  });

  it('node-drain: the cordon shows the taint the node lifecycle controller adds for it, once it has', async () => {
    const before = await wordsInStep('node-drain', 'en', 'unschedulable');
    const after = await wordsInStep('node-drain', 'en', 'kubectl-drain');
    const chip = (words: { text: string }[]): string | undefined => words.find((w) => w.text.startsWith('cordoned'))?.text;
    expect(chip(before)).toBe('cordoned');
    expect(chip(after)).toMatch(/^cordoned · (unschedulable:)?NoSchedule$/);
  });

  it('service-routing: runs as pods on worker ships, not as a flagship station', async () => {
    const steps = await everyStep('service-routing');
    const dns = steps.find((s) => s.id === 'dns');
    expect(dns).toBeDefined();
    const pods = dns?.objects.filter((o) => o.kind === 'Pod' && o.name.startsWith('kube-system/coredns-')) ?? [];
    expect(pods.length).toBe(2);
    const ships = dns?.objects.filter((o) => o.kind === 'Node') ?? [];
    for (const p of pods) expect(ships.some((n) => p.x >= n.x && p.x + p.w <= n.x + n.w + 1 && p.y >= n.y && p.y + p.h <= n.y + n.h + 1)).toBe(true);
    const labels = await app.page.evaluate(() => (window.__kubedeck?.stage() as { labels(): { text: string }[] } | undefined)?.labels().map((l) => l.text) ?? []);
    expect(labels).not.toContain('CoreDNS');
  });
});
