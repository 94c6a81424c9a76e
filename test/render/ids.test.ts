import { describe, expect, it } from 'vitest';
import { controllerOf, deckControllers, DECK_SIZE } from '../../src/render/ids.ts';

describe('controller chips', () => {
  it('names the controller by its action first', () => {
    expect(controllerOf('daemon-set-controller/reconcile', 'create pod', 'Pod/default/x')).toBe('daemonset');
    expect(controllerOf('deployment-controller/reconcile', 'scale ReplicaSet web-abc', 'ReplicaSet/default/web-abc')).toBe('deployment');
    expect(controllerOf('replicaset-controller/reconcile', 'create pod', undefined)).toBe('replicaset');
    expect(controllerOf('endpointslice-controller/sync', 'sync', undefined)).toBe('endpointslice');
    expect(controllerOf('generic-garbage-collector/cascade', 'delete dependents', undefined)).toBe('garbagecollector');
    expect(controllerOf('node-lifecycle-controller/taint', 'taint node', undefined)).toBe('nodelifecycle');
    expect(controllerOf('taint-eviction-controller/evict', 'evict pod', undefined)).toBe('tainteviction');
    expect(controllerOf('disruption-controller/reconcile', 'web-pdb: 3 healthy, 2 required -> 1 disruption(s) allowed', 'PodDisruptionBudget/default/web-pdb')).toBe('disruption');
  });

  it('keeps every used controller on the deck, even beyond its default size, and tops up only while there is room', () => {
    const used = new Set(['deployment', 'replicaset', 'daemonset', 'endpointslice', 'disruption'] as const);
    expect(deckControllers(used, 4)).toHaveLength(5);
    for (const c of used) expect(deckControllers(used, 4)).toContain(c);
    expect(deckControllers(new Set(['endpointslice'] as const), 2)).toEqual(['nodelifecycle', 'endpointslice']);
  });

  it('puts the used controllers on the deck, topped up with the defaults', () => {
    expect(deckControllers(new Set())).toEqual(['nodelifecycle', 'replicaset', 'tainteviction', 'endpointslice']);
    const deck = deckControllers(new Set(['deployment', 'replicaset'] as const));
    expect(deck).toHaveLength(DECK_SIZE);
    expect(deck.slice(0, 2)).toEqual(['nodelifecycle', 'deployment']);
    expect(deck).toContain('replicaset');
    expect(deckControllers(new Set(['daemonset', 'nodelifecycle'] as const))).toContain('daemonset');
    expect(deckControllers(new Set(['garbagecollector'] as const))).toContain('garbagecollector');
  });
});
