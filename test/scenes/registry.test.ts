import { describe, expect, it } from 'vitest';
import { DEFAULT_SCENARIO, SCENARIOS } from '../../scenes/index.ts';
import { REGISTRY } from '../../scenes/registry.ts';

describe('scenes/registry.ts (what the app lists and loads) and scenes/index.ts (every definition)', () => {
  it('list the same scenarios in the same order', () => {
    expect(REGISTRY.map((e) => e.id)).toEqual(SCENARIOS.map((s) => s.id));
    expect(REGISTRY.some((e) => e.id === DEFAULT_SCENARIO)).toBe(true);
  });

  it.each(SCENARIOS.map((s, i) => [s.id, i] as const))('%s: the entry shows what the definition says, and loads that very definition', async (_id, i) => {
    const def = SCENARIOS[i];
    const entry = REGISTRY[i];
    if (!def || !entry) throw new Error('lists differ');
    expect({ id: entry.id, title: entry.title, summary: entry.summary, params: entry.params }).toEqual({ id: def.id, title: def.title, summary: def.summary, params: def.params });
    expect(entry.loaded()).toBeUndefined();
    const loaded = await entry.load();
    expect(loaded).toBe(def);
    expect(entry.loaded()).toBe(def);
    expect(await entry.load()).toBe(def);
  });
});
