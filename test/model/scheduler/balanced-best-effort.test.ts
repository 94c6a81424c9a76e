import { describe, expect, it } from 'vitest';
import { balancedAllocationSkipsBestEffort } from '../../../src/model/scheduler/balanced-best-effort.ts';
import { DEFAULT_PROFILE } from '../../../src/model/scheduler/profile.ts';
import { schedulePod } from '../../../src/model/scheduler/schedule.ts';
import { scheduleOptionsForVersion } from '../../../src/model/scheduler/versions.ts';
import { infosFor, makeNode, makePod } from './helpers.ts';

const first = { intBelow: (): number => 1 };

describe('BalancedAllocation and best-effort pods, by version (kubernetes#130260, v1.33)', () => {
  it('skips them from v1.33; v1.32 and older score them', () => {
    expect(balancedAllocationSkipsBestEffort(32)).toBe(false);
    expect(balancedAllocationSkipsBestEffort(33)).toBe(true);
    expect(scheduleOptionsForVersion('1.32')?.balancedSkipsBestEffort).toBe(false);
    expect(scheduleOptionsForVersion('v1.33.1')?.balancedSkipsBestEffort).toBe(true);
  });

  it('a v1.32 scheduler gives a best-effort pod BalancedAllocation scores; a v1.33 one lists the plugin as skipped', () => {
    const nodes = [makeNode('a', { cpu: '4', memory: '8Gi' }), makeNode('b', { cpu: '4', memory: '8Gi' })];
    const existing = [makePod([{ cpu: '2', memory: '1Gi' }], { nodeName: 'a' })];
    const old = schedulePod(makePod([]), infosFor(nodes, existing), DEFAULT_PROFILE, first, scheduleOptionsForVersion('1.32'));
    expect(old.skippedScorePlugins ?? []).not.toContain('NodeResourcesBalancedAllocation');
    expect(old.nodes.every((n) => n.scores.NodeResourcesBalancedAllocation !== undefined)).toBe(true);
    const current = schedulePod(makePod([]), infosFor(nodes, existing), DEFAULT_PROFILE, first, scheduleOptionsForVersion('1.33'));
    expect(current.skippedScorePlugins).toContain('NodeResourcesBalancedAllocation');
  });
});
