/**
 * What a node's rules badge says: "web → 3" (Service → endpoints in its rules), "web → 0 (REJECT)"
 * when it has none (iptables and nftables reject the ClusterIP then), "nft web → 3" in nftables
 * mode (the table ip kube-proxy), "IPVS web → 3" in ipvs mode (a virtual server with that many real
 * servers; with none IPVS itself refuses, no REJECT rule). Service names, counts and upstream words
 * only, so both languages read the same. Pure.
 */
import type { ProxyMode } from '../sim/trace.ts';
import type { HeldRules } from '../timeline/node-rules.ts';

/** The mode's word before the Service: none for iptables, the Linux default. */
const PREFIX: Record<ProxyMode, string> = { iptables: '', nftables: 'nft ', ipvs: 'IPVS ' };

/** The Service's name as the badge shows it: no namespace ("default/web:http" -> "web:http"). */
export function serviceName(service: string): string {
  const slash = service.indexOf('/');
  return slash < 0 ? service : service.slice(slash + 1);
}

function item(r: HeldRules): string {
  const n = r.endpoints.length;
  // ipvs has no REJECT rule: the ClusterIP is bound to kube-ipvs0, a virtual server with no real servers.
  const reject = n === 0 && r.mode !== 'ipvs' ? ' (REJECT)' : '';
  return `${serviceName(r.service)} → ${n}${reject}`;
}

/** One Service's words, e.g. "web → 3". */
export function ruleText(r: HeldRules): string {
  return `${PREFIX[r.mode]}${item(r)}`;
}

/** The short form drawn inside a narrow mast card: "→3". */
export function ruleCount(r: HeldRules): string {
  return `→${r.endpoints.length}`;
}

/**
 * The badge line for a node's rules: all of them ("web → 3 · api → 2"), else as many whole ones
 * as `fits` allows followed by "+N", else "+N" alone; undefined when not even that fits.
 * Never cuts a Service's words.
 */
export function badgeLine(rules: readonly HeldRules[], fits: (text: string) => boolean, short = false): string | undefined {
  const first = rules[0];
  if (first === undefined) return undefined;
  const prefix = short ? '' : PREFIX[first.mode];
  const items = rules.map((r) => (short ? ruleCount(r) : item(r)));
  for (let k = items.length; k >= 1; k--) {
    const rest = items.length - k;
    const text = `${prefix}${items.slice(0, k).join(' · ')}${rest > 0 ? ` +${rest}` : ''}`;
    if (fits(text)) return text;
  }
  const more = `+${items.length}`;
  return fits(more) ? more : undefined;
}
