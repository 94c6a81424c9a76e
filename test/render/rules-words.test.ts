import { describe, expect, it } from 'vitest';
import { badgeLine, ruleCount, ruleText, serviceName } from '../../src/render/rules-words.ts';
import type { HeldRules } from '../../src/timeline/node-rules.ts';
import type { ProxyMode } from '../../src/sim/trace.ts';

const held = (service: string, n: number, mode: ProxyMode = 'iptables'): HeldRules => ({ mode, service, clusterIP: '10.96.0.20', port: 80, endpoints: Array.from({ length: n }, (_, i) => `10.244.1.${i + 2}:80`) });

describe('rules badge words', () => {
  it('Service → endpoints in its rules, without the namespace', () => {
    expect(serviceName('default/web')).toBe('web');
    expect(serviceName('kube-system/kube-dns:dns')).toBe('kube-dns:dns');
    expect(ruleText(held('default/web', 3))).toBe('web → 3');
    expect(ruleCount(held('default/web', 3))).toBe('→3');
  });

  it('no endpoints: iptables and nftables REJECT; ipvs keeps a virtual server without real servers (no REJECT)', () => {
    expect(ruleText(held('default/web', 0))).toBe('web → 0 (REJECT)');
    expect(ruleText(held('default/web', 0, 'nftables'))).toBe('nft web → 0 (REJECT)');
    expect(ruleText(held('default/web', 0, 'ipvs'))).toBe('IPVS web → 0');
    expect(ruleText(held('default/web', 2, 'ipvs'))).toBe('IPVS web → 2');
  });

  it('nftables names its mode like ipvs does ("nft", the command that lists the table)', () => {
    expect(ruleText(held('default/web', 3, 'nftables'))).toBe('nft web → 3');
    expect(badgeLine([held('default/web', 3, 'nftables'), held('default/db', 0, 'nftables')], () => true)).toBe('nft web → 3 · db → 0 (REJECT)');
    expect(badgeLine([held('default/web', 3, 'nftables')], () => true, true)).toBe('→3');
  });

  it('several Services: all when they fit, else whole ones and "+N", never a cut word', () => {
    const rules = [held('default/api', 2), held('default/web', 3), held('default/db', 0)];
    expect(badgeLine(rules, () => true)).toBe('api → 2 · web → 3 · db → 0 (REJECT)');
    expect(badgeLine(rules, (t) => t.length <= 20)).toBe('api → 2 · web → 3 +1');
    expect(badgeLine(rules, (t) => t.length <= 10)).toBe('api → 2 +2');
    expect(badgeLine(rules, (t) => t.length <= 3)).toBe('+3');
    expect(badgeLine(rules, () => false)).toBeUndefined();
    expect(badgeLine([], () => true)).toBeUndefined();
    expect(badgeLine([held('default/web', 3, 'ipvs'), held('default/api', 1, 'ipvs')], () => true)).toBe('IPVS web → 3 · api → 1');
    expect(badgeLine(rules, () => true, true)).toBe('→2 · →3 · →0');
  });
});
