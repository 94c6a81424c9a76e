import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { profileFromConfig, SchedulerConfigError } from '../../../src/model/scheduler/config.ts';
import { DEFAULT_PROFILE } from '../../../src/model/scheduler/profile.ts';

const cfg = (yaml: string) => profileFromConfig(parse(yaml));

describe('profileFromConfig (KubeSchedulerConfiguration v1)', () => {
  it('an empty configuration is the default profile', () => {
    const p = cfg('apiVersion: kubescheduler.config.k8s.io/v1\nkind: KubeSchedulerConfiguration\n');
    expect(p.scores).toEqual(DEFAULT_PROFILE.scores);
    expect(p.fit.scoringStrategy).toEqual({ type: 'LeastAllocated', resources: [{ name: 'cpu', weight: 1 }, { name: 'memory', weight: 1 }] });
    expect(p.preemption).toBe(true);
  });
  it('MostAllocated with resource weights; weight 0 defaults to 1', () => {
    const p = cfg(`
apiVersion: kubescheduler.config.k8s.io/v1
kind: KubeSchedulerConfiguration
profiles:
- schedulerName: bin-packing
  pluginConfig:
  - name: NodeResourcesFit
    args:
      scoringStrategy:
        type: MostAllocated
        resources:
        - name: cpu
          weight: 3
        - name: memory
        - name: nvidia.com/gpu
          weight: 5
`);
    expect(p.schedulerName).toBe('bin-packing');
    expect(p.fit.scoringStrategy).toEqual({
      type: 'MostAllocated',
      resources: [
        { name: 'cpu', weight: 3 },
        { name: 'memory', weight: 1 },
        { name: 'nvidia.com/gpu', weight: 5 },
      ],
    });
  });
  it('RequestedToCapacityRatio needs a shape', () => {
    const base = `
apiVersion: kubescheduler.config.k8s.io/v1
kind: KubeSchedulerConfiguration
profiles:
- pluginConfig:
  - name: NodeResourcesFit
    args:
      scoringStrategy:
        type: RequestedToCapacityRatio
`;
    expect(() => cfg(base)).toThrow('profiles[0].pluginConfig[0].args.scoringStrategy.requestedToCapacityRatio.shape: at least one point is required');
    const p = cfg(`${base}        requestedToCapacityRatio:\n          shape:\n          - {utilization: 0, score: 0}\n          - {utilization: 100, score: 10}\n`);
    expect(p.fit.scoringStrategy).toMatchObject({ type: 'RequestedToCapacityRatio', shape: [{ utilization: 0, score: 0 }, { utilization: 100, score: 10 }] });
  });
  it('score plugin weights, disabling, unmodelled plugins and DefaultPreemption', () => {
    const p = cfg(`
apiVersion: kubescheduler.config.k8s.io/v1
kind: KubeSchedulerConfiguration
profiles:
- plugins:
    score:
      enabled:
      - name: NodeResourcesFit
        weight: 5
      - name: ImageLocality
        weight: 4
      - name: VolumeBinding
        weight: 1
      disabled:
      - name: NodeResourcesBalancedAllocation
    postFilter:
      disabled:
      - name: DefaultPreemption
`);
    expect(p.scores).toEqual([
      { name: 'NodeResourcesFit', weight: 5 },
      { name: 'ImageLocality', weight: 4 },
      { name: 'TaintToleration', weight: 3 },
      { name: 'NodeAffinity', weight: 2 },
      { name: 'PodTopologySpread', weight: 2 },
      { name: 'InterPodAffinity', weight: 2 },
    ]);
    expect(p.unmodelledPlugins).toEqual(['VolumeBinding']);
    expect(p.preemption).toBe(false);
  });
  it('Filter plugins disabled in multiPoint or filter stop filtering (PodTopologySpread, InterPodAffinity...)', () => {
    const p = cfg(`
apiVersion: kubescheduler.config.k8s.io/v1
kind: KubeSchedulerConfiguration
profiles:
- plugins:
    multiPoint:
      disabled:
      - name: PodTopologySpread
    filter:
      disabled:
      - name: InterPodAffinity
`);
    expect(p.filters).toEqual(['NodeUnschedulable', 'NodeName', 'TaintToleration', 'NodeAffinity', 'NodePorts', 'NodeResourcesFit']);
    expect(p.scores.map((s) => s.name)).not.toContain('PodTopologySpread');
    expect(p.scores.map((s) => s.name)).toContain('InterPodAffinity');
  });
  it('"*" disables every default score plugin', () => {
    const p = cfg(`
apiVersion: kubescheduler.config.k8s.io/v1
kind: KubeSchedulerConfiguration
profiles:
- plugins:
    score:
      disabled: [{name: "*"}]
      enabled: [{name: TaintToleration}]
`);
    expect(p.scores).toEqual([{ name: 'TaintToleration', weight: 1 }]);
  });
  it('errors name the field', () => {
    const bad = `
apiVersion: kubescheduler.config.k8s.io/v1
kind: KubeSchedulerConfiguration
profiles:
- pluginConfig:
  - name: NodeResourcesFit
    args:
      scoringStrategy:
        type: Fastest
`;
    expect(() => cfg(bad)).toThrow(SchedulerConfigError);
    expect(() => cfg(bad)).toThrow(/^profiles\[0\]\.pluginConfig\[0\]\.args\.scoringStrategy\.type: /);
    expect(() => cfg('apiVersion: v1\nkind: Pod\n')).toThrow(/^apiVersion: /);
    expect(() =>
      cfg('apiVersion: kubescheduler.config.k8s.io/v1\nkind: KubeSchedulerConfiguration\nprofiles:\n- pluginConfig:\n  - name: NodeResourcesFit\n    args:\n      scoringStrategy:\n        resources: [{name: cpu, weight: 101}]\n'),
    ).toThrow('profiles[0].pluginConfig[0].args.scoringStrategy.resources[0].weight: must be in the range [1, 100], got 101');
  });
});
