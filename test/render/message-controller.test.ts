import { describe, expect, it } from 'vitest';
import { runScenario } from '../../src/sim/run.ts';
import type { MessageEvent } from '../../src/sim/trace.ts';
import { controllerOfMessage, controllerRequests } from '../../src/render/message-controller.ts';
import { nodeFailure } from '../../scenes/node-failure.ts';
import { rollingUpdate } from '../../scenes/rolling-update.ts';

const messages = (def: Parameters<typeof runScenario>[0]): MessageEvent[] => runScenario(def).events.flatMap((e) => (e.kind === 'message' ? [e] : []));

describe("which of kube-controller-manager's controllers a message belongs to", () => {
  it('node-failure: the taint from the node lifecycle controller, the eviction from taint-eviction, the new pod from ReplicaSet; answers go back to the sender', () => {
    const all = messages(nodeFailure);
    const requests = controllerRequests(all);
    const from = all.filter((m) => m.from === 'kube-controller-manager');
    expect(from.length).toBeGreaterThan(5);
    // Every request the process sends names its loop.
    expect(from.filter((m) => controllerOfMessage(m, requests) === undefined)).toEqual([]);
    const of = (action: string): string | undefined => {
      const m = from.find((x) => x.action === action);
      return m === undefined ? 'missing' : controllerOfMessage(m, requests);
    };
    expect(of('PATCH node (taint)')).toBe('nodelifecycle');
    expect(of('PUT node/status')).toBe('nodelifecycle');
    expect(of('PATCH pod/status')).toBe('tainteviction');
    expect(of('POST pod')).toBe('replicaset');
    expect(of('PUT deployment/status')).toBe('deployment');
    for (const m of all.filter((x) => x.to === 'kube-controller-manager' && x.type === 'response')) {
      const request = all.find((x) => x.id === m.replyTo);
      expect(controllerOfMessage(m, requests)).toBe(request === undefined ? undefined : controllerOfMessage(request, requests));
    }
    // A watch event to the process is the informers' (shared by every loop): no controller.
    const watch = all.find((m) => m.to === 'kube-controller-manager' && m.type === 'watch');
    expect(watch && controllerOfMessage(watch, requests)).toBeUndefined();
  });

  it('rolling-update: both controllers of a rollout, each with its own writes', () => {
    const all = messages(rollingUpdate);
    const requests = controllerRequests(all);
    const by = new Set(all.filter((m) => m.from === 'kube-controller-manager').map((m) => `${controllerOfMessage(m, requests) ?? '?'} ${m.action.split(' (')[0] ?? ''}`));
    expect(by).toContain('deployment POST replicaset');
    expect(by).toContain('deployment PUT replicaset');
    expect(by).toContain('replicaset POST pod');
    expect(by).toContain('replicaset DELETE pod');
    expect([...by].some((x) => x.startsWith('?'))).toBe(false);
  });
});
