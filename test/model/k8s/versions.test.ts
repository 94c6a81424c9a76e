import { describe, expect, it } from 'vitest';
import { nodeMonitorGraceMs, since, VERSION_FACTS, type VersionFactId } from '../../../src/model/k8s/facts.ts';
import { checkK8sVersion, DEFAULT_K8S_VERSION, K8S_VERSIONS, minorOf } from '../../../src/model/k8s/versions.ts';
import { scheduleOptionsForVersion } from '../../../src/model/scheduler/versions.ts';
import { configFor } from '../../../src/sim/core/config.ts';

describe('the supported Kubernetes releases', () => {
  it('are every minor from 1.31 to 1.37, the newest being the default', () => {
    expect(K8S_VERSIONS).toEqual(['1.31', '1.32', '1.33', '1.34', '1.35', '1.36', '1.37']);
    expect(DEFAULT_K8S_VERSION).toBe('1.37');
    expect(K8S_VERSIONS.at(-1)).toBe(DEFAULT_K8S_VERSION);
  });

  it.each([
    ['1.35', '1.35'],
    ['v1.35', '1.35'],
    ['1.35.2', '1.35'],
    [' v1.31.14 ', '1.31'],
  ])('reads %j as %s', (raw, version) => {
    expect(checkK8sVersion(raw)).toEqual({ ok: true, version });
  });

  it.each(['1.30', '1.38', '1.3', '2.31', '1.35.x', 'v', '', 'banana', '1.35-rc.1'])('refuses %j with one line listing the supported releases', (raw) => {
    const r = checkK8sVersion(raw);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toBe(`Kubernetes version "${raw}" is not supported; supported versions: 1.31, 1.32, 1.33, 1.34, 1.35, 1.36, 1.37`);
  });

  it('clips a long value it echoes back', () => {
    const r = checkK8sVersion('x'.repeat(500));
    expect(r).toMatchObject({ ok: false, message: expect.stringContaining(`"${'x'.repeat(19)}…"`) as unknown });
  });
});

describe('version switches', () => {
  it('every fact starts at a supported release', () => {
    for (const fact of Object.values(VERSION_FACTS)) {
      expect(K8S_VERSIONS).toContain(fact.since);
      expect(fact.source).not.toBe('');
    }
  });

  const switches: readonly [VersionFactId, string][] = [
    ['nodeMonitorGrace50s', '1.32'],
    ['nftablesGA', '1.33'],
    ['draGA', '1.34'],
    ['genericTaintReason', '1.35'],
    ['ipvsDeprecated', '1.35'],
    ['ipvsFeatureGate', '1.37'],
  ];
  it.each(switches)('%s holds from %s on, and not before', (fact, first) => {
    for (const v of K8S_VERSIONS) expect(since(fact, v)).toBe(minorOf(v) >= Number(first.slice(2)));
  });

  it('node-monitor-grace-period: 40 s up to 1.31, 50 s from 1.32 (kube-controller-manager default)', () => {
    expect(K8S_VERSIONS.map((v) => nodeMonitorGraceMs(v))).toEqual([40_000, 50_000, 50_000, 50_000, 50_000, 50_000, 50_000]);
    expect(configFor('1.31').nodeMonitorGraceMs).toBe(40_000);
    expect(configFor('1.37').nodeMonitorGraceMs).toBe(50_000);
  });

  it('kube-scheduler wording: DRA PostFilter from 1.34, the generic taint reason from 1.35', () => {
    expect(scheduleOptionsForVersion('1.33')).toEqual({ taintReasons: 'detailed', dynamicResources: false, balancedSkipsBestEffort: true });
    expect(scheduleOptionsForVersion('1.34')).toEqual({ taintReasons: 'detailed', dynamicResources: true, balancedSkipsBestEffort: true });
    expect(scheduleOptionsForVersion('1.35')).toEqual({ taintReasons: 'generic', dynamicResources: true, balancedSkipsBestEffort: true });
    expect(scheduleOptionsForVersion('v1.37.0')).toEqual({ taintReasons: 'generic', dynamicResources: true, balancedSkipsBestEffort: true });
    expect(scheduleOptionsForVersion('1.38')).toBeUndefined();
    // BalancedAllocation skips a best-effort pod from 1.33 (balanced-best-effort.ts).
    expect(scheduleOptionsForVersion('1.32')?.balancedSkipsBestEffort).toBe(false);
  });
});
