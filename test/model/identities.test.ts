import { describe, expect, it } from 'vitest';
import { findScenario } from '../../scenes/index.ts';
import { authenticate, forgetIdentities } from '../../src/model/access.ts';
import { runScenario } from '../../src/sim/run.ts';

describe('identities worked out are not kept past their run', () => {
  it('works a user out once while it is in use', () => {
    const a = authenticate('system:node:a-001');
    expect(authenticate('system:node:a-001')).toBe(a);
    expect(a).toEqual({ user: 'system:node:a-001', groups: ['system:nodes', 'system:authenticated'], method: 'x509 client certificate' });
    expect(authenticate('nobody')).toBeUndefined();
  });

  it('forgets them when asked, and when a new run starts (a big run’s node users go with it)', () => {
    const before = authenticate('system:node:b-002');
    forgetIdentities();
    const again = authenticate('system:node:b-002');
    expect(again).not.toBe(before);
    expect(again).toEqual(before);
    const def = findScenario('kubectl-get');
    if (def === undefined) throw new Error('kubectl-get');
    runScenario(def);
    expect(authenticate('system:node:b-002')).not.toBe(again);
  });
});
