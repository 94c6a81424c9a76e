/** helper.DefaultSelector (upstream pkg/scheduler/framework/plugins/helper/spread.go) and the system default spreading it enables in schedulePod. */
import { describe, expect, it } from 'vitest';
import type { Service } from '../../../../src/model/objects.ts';
import { defaultSpreadSelector } from '../../../../src/model/scheduler/plugins/topology-spread/default-selector.ts';
import { DEFAULT_PROFILE } from '../../../../src/model/scheduler/profile.ts';
import { schedulePod } from '../../../../src/model/scheduler/schedule.ts';
import { infos, node, pod } from './spread-helpers.ts';

const svc = (name: string, selector: Record<string, string> | undefined, namespace = 'default'): Service => ({
  apiVersion: 'v1',
  kind: 'Service',
  metadata: { name, namespace },
  spec: { ...(selector ? { selector } : {}), ports: [{ port: 80 }] },
});

describe('defaultSpreadSelector', () => {
  const web = pod('web-1', { labels: { app: 'web', tier: 'front', 'pod-template-hash': 'abc' } });
  it('merges the selectors of the Services that select the pod, in its namespace', () => {
    expect(defaultSpreadSelector(web, [svc('web', { app: 'web' }), svc('front', { tier: 'front' }), svc('db', { app: 'db' }), svc('other-ns', { app: 'web' }, 'prod'), svc('headless', undefined)], undefined)).toEqual({
      matchLabels: { app: 'web', tier: 'front' },
    });
  });
  it("ANDs the controller's selector", () => {
    expect(defaultSpreadSelector(web, [], { matchLabels: { app: 'web', 'pod-template-hash': 'abc' } })).toEqual({
      matchExpressions: [
        { key: 'app', operator: 'In', values: ['web'] },
        { key: 'pod-template-hash', operator: 'In', values: ['abc'] },
      ],
    });
  });
  it('nothing selects the pod: no default spreading', () => {
    expect(defaultSpreadSelector(web, [svc('db', { app: 'db' })], undefined)).toBeUndefined();
  });
  it('schedulePod spreads by it: the system defaults (hostname maxSkew 3) favour the node without a replica', () => {
    const nodes = [node('n1', { 'kubernetes.io/hostname': 'n1' }), node('n2', { 'kubernetes.io/hostname': 'n2' })];
    const replicas = [pod('web-0', { node: 'n1', labels: { app: 'web' } })];
    const tie = { intBelow: () => 0 };
    const plain = schedulePod(pod('web-1', { labels: { app: 'web' } }), infos(nodes, replicas), DEFAULT_PROFILE, tie);
    expect(plain.skippedScorePlugins).toContain('PodTopologySpread');
    const spread = schedulePod(pod('web-1', { labels: { app: 'web' } }), infos(nodes, replicas), DEFAULT_PROFILE, tie, { defaultSpreadSelector: { matchLabels: { app: 'web' } } });
    // n1: 1 * log(2 + 2) + (3 - 1) = 3.39 -> 3; n2: 2 -> normalized 100 * (3 + 2 - s) / 3: 66 and 100.
    expect(spread.nodes.map((n) => n.scores.PodTopologySpread)).toEqual([66, 100]);
    expect(spread.selected).toBe('n2');
  });
});
