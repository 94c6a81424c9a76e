/**
 * What kube-proxy's syncs and the node's kernel say about a Service's rules, per mode, in the
 * words a node shows (`iptables-save`, `nft list table ip kube-proxy`, `ipvsadm -Ln`). Pure.
 *
 * No endpoints: iptables writes a REJECT rule (filter table, KUBE-SERVICES, icmp-port-unreachable);
 * nftables puts the ClusterIP . protocol . port in the `no-endpoint-services` map with the verdict
 * `goto reject-chain`; ipvs keeps the virtual server with no real server and writes no REJECT: the
 * kernel's IPVS finds no destination and answers ICMP port unreachable itself (ip_vs_leave). Either
 * way curl reads "connection refused".
 */
import type { Localized } from '../../model/localized.ts';
import { text } from '../../model/localized.ts';
import { withParticle } from '../../model/josa.ts';
import type { ServiceRules } from './proxy-rules.ts';
import { endpointsOf } from './proxy-rules.ts';

const vip = (r: ServiceRules): string => `${r.clusterIP}:${r.port}`;
/** The key of the nftables maps: ClusterIP . protocol . port. */
const nftKey = (r: ServiceRules): string => `${r.clusterIP} . ${r.protocol} . ${r.port}`;

/** A sync that programmed a Service port (its endpoints, or none). */
export function programmedWords(r: ServiceRules): Localized {
  const eps = endpointsOf(r).join(', ');
  const n = r.backends.length;
  const c = r.chains;
  if (c.mode === 'ipvs') {
    return n === 0
      ? text(`ipvs: ${vip(r)} has no real servers (no ready endpoints)`, `ipvs: ${vip(r)} 실제 서버 없음 (준비된 엔드포인트 없음)`)
      : text(`ipvs: virtual server ${vip(r)} rr -> ${eps} (ClusterIP bound to kube-ipvs0)`, `ipvs: 가상 서버 ${vip(r)} rr -> ${eps} (ClusterIP를 kube-ipvs0에 바인딩)`);
  }
  if (c.mode === 'iptables') {
    if (n === 0) return text(`iptables: ${r.service} ${vip(r)} has no endpoints -> REJECT (filter KUBE-SERVICES, icmp-port-unreachable)`, `iptables: ${r.service} ${vip(r)} 엔드포인트 없음 -> REJECT (filter 테이블 KUBE-SERVICES, icmp-port-unreachable)`);
    const chains = `KUBE-SERVICES -> ${c.service} -> ${c.endpoints.join(' | ')}`;
    return text(`iptables: ${vip(r)} ${chains} (DNAT to ${eps}, 1 in ${n} at random)`, `iptables: ${vip(r)} ${chains} (${eps} 중 무작위 1/${withParticle(n, '으로/로')} DNAT)`);
  }
  if (n === 0) return text(`nftables: ${r.service} ${vip(r)} has no endpoints -> no-endpoint-services { ${nftKey(r)} : goto reject-chain } (REJECT)`, `nftables: ${r.service} ${vip(r)} 엔드포인트 없음 -> no-endpoint-services { ${nftKey(r)} : goto reject-chain } (REJECT)`);
  const chains = `service-ips { ${nftKey(r)} : goto ${c.service} } -> numgen random mod ${n} vmap -> ${c.endpoints.join(' | ')}`;
  return text(`nftables: ${vip(r)} ${chains} (table ip kube-proxy; DNAT to ${eps}, 1 in ${n} at random)`, `nftables: ${vip(r)} ${chains} (ip kube-proxy 테이블; ${eps} 중 무작위 1/${withParticle(n, '으로/로')} DNAT)`);
}

/** A sync after the Service was deleted: its rules go. */
export function removedWords(r: ServiceRules): Localized {
  switch (r.chains.mode) {
    case 'ipvs':
      return text(`ipvs: virtual server ${vip(r)} deleted (Service deleted)`, `ipvs: 가상 서버 ${vip(r)} 삭제 (서비스 삭제됨)`);
    case 'iptables':
      return text(`iptables: ${r.service} ${vip(r)} rules removed (Service deleted)`, `iptables: ${r.service} ${vip(r)} 규칙 삭제 (서비스 삭제됨)`);
    case 'nftables':
      return text(`nftables: ${r.service} ${vip(r)} map elements removed, its chains flushed then deleted (Service deleted)`, `nftables: ${r.service} ${vip(r)} 맵 원소 삭제, 체인은 비운 뒤 삭제 (서비스 삭제됨)`);
  }
}

/**
 * The kernel's rewrite of a packet to the ClusterIP. The head (before the first ": ") is what the
 * kernel's strip shows: the rewrite itself, the same in every mode.
 */
export function dnatWords(r: ServiceRules, index: number, node: string): Localized {
  const b = r.backends[index];
  const to = b ? `${b.ip}:${b.port}` : '';
  const head = `DNAT → ${to}`;
  const n = r.backends.length;
  const c = r.chains;
  if (c.mode === 'ipvs') return text(`${head}: IPVS on ${node} sends ${vip(r)} to the next real server, round robin (rr)`, `${head}: ${node}의 IPVS가 ${withParticle(vip(r), '을/를')} 라운드 로빈(rr)으로 다음 실제 서버에 보냅니다`);
  const ep = c.endpoints[index] ?? '';
  if (c.mode === 'iptables') {
    return text(
      `${head}: netfilter on ${node} (rules kube-proxy wrote): ${vip(r)} KUBE-SERVICES -> ${c.service} -> ${ep} (endpoint ${index + 1} of ${n}, random)`,
      `${head}: ${node}의 netfilter (kube-proxy가 쓴 규칙): ${vip(r)} KUBE-SERVICES -> ${c.service} -> ${ep} (엔드포인트 ${n}개 중 ${index + 1}번, 무작위)`,
    );
  }
  return text(
    `${head}: nftables on ${node} (table ip kube-proxy, written by kube-proxy): ${nftKey(r)} @service-ips -> ${c.service} -> numgen random mod ${n} = ${index} -> ${ep}`,
    `${head}: ${node}의 nftables (kube-proxy가 쓴 ip kube-proxy 테이블): ${nftKey(r)} @service-ips -> ${c.service} -> numgen random mod ${n} = ${index} -> ${ep}`,
  );
}

/** A packet to a ClusterIP whose Service has no ready endpoint: refused, by a rule or by IPVS. */
export function refusedWords(r: ServiceRules): Localized {
  switch (r.chains.mode) {
    case 'iptables':
      return text(`${vip(r)} has no ready endpoints: REJECT in filter KUBE-SERVICES, icmp-port-unreachable (connection refused)`, `${vip(r)}에 준비된 엔드포인트 없음: filter KUBE-SERVICES의 REJECT, icmp-port-unreachable (연결 거부)`);
    case 'nftables':
      return text(`${vip(r)} has no ready endpoints: @no-endpoint-services -> goto reject-chain, reject (connection refused)`, `${vip(r)}에 준비된 엔드포인트 없음: @no-endpoint-services -> goto reject-chain, reject (연결 거부)`);
    case 'ipvs':
      return text(
        `${vip(r)} has no real servers: no REJECT rule; IPVS finds no destination and answers ICMP port unreachable itself (connection refused)`,
        `${vip(r)}에 실제 서버 없음: REJECT 규칙은 없고, 목적지를 찾지 못한 IPVS가 직접 ICMP port unreachable로 답합니다 (연결 거부)`,
      );
  }
}

/** A packet to an address kube-proxy wrote no rule for (not synced yet, or no Service): not rewritten. */
export function unruledWords(ip: string, port: number): Localized {
  return text(`${ip}:${port} matches no rule kube-proxy wrote: not rewritten, the connection fails`, `${ip}:${port}에 맞는 kube-proxy 규칙 없음: 주소가 바뀌지 않아 연결이 실패합니다`);
}
