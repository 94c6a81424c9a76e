import { describe, expect, it } from 'vitest';
import { cutsInMiddle } from '../../src/render/pod-name-cut.ts';

describe('where a narrow pod chip cuts the name', () => {
  it('a ReplicaSet’s pod in the middle: its suffix tells it from its siblings', () => {
    expect(cutsInMiddle('web-gbcfdgdgcg-2k7wh')).toBe(true);
    expect(cutsInMiddle('api-fdjdgbkcl-znsdw')).toBe(true);
  });

  it('any other at its end: the head names what runs (reviewer: "kube-…7ck2g" hid kube-proxy)', () => {
    expect(cutsInMiddle('kube-proxy-7ck2g')).toBe(false);
    expect(cutsInMiddle('log-agent-x8k2p')).toBe(false);
    expect(cutsInMiddle('kube-scheduler-controlplane')).toBe(false);
    expect(cutsInMiddle('web-0')).toBe(false);
  });
});
