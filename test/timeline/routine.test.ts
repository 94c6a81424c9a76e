import { describe, expect, it } from 'vitest';
import { routineOf, stepIsAbout } from '../../src/timeline/routine.ts';
import type { MessageEvent, StepEvent } from '../../src/sim/trace.ts';

const message = (over: Partial<MessageEvent>): MessageEvent => ({ kind: 'message', t: 0, seq: 0, id: 1, from: 'kube-controller-manager', to: 'kube-apiserver', type: 'request', action: 'POST pod', arrive: 1, ...over });
const none = (): undefined => undefined;

describe('routine traffic', () => {
  it('Event POSTs (SuccessfulCreate, Scheduled...) and their answers are routine, like Lease renewals', () => {
    const post = message({ action: 'POST event (SuccessfulCreate)', object: 'Event/default/web-abc.123' });
    expect(routineOf(post, none)).toBe('event');
    expect(routineOf(message({ id: 2, from: 'kube-apiserver', to: 'kube-controller-manager', type: 'response', action: '201 Created', replyTo: 1 }), (id) => (id === 1 ? post : undefined))).toBe('event');
    expect(routineOf(message({}), none)).toBeUndefined();
  });

  it('a step that talks about events keeps them in the story', () => {
    const step = (en: string): StepEvent => ({ kind: 'step', t: 0, seq: 0, index: 0, id: 's', caption: { en, ko: '' }, focus: [] });
    expect(stepIsAbout(step('kubectl describe rs lists the SuccessfulCreate events'), 'event')).toBe(true);
    expect(stepIsAbout(step('The ReplicaSet controller creates the missing pod.'), 'event')).toBe(false);
  });
});
