/** service-routing: what the picker, links and `kubedeck list` show before the scenario's code loads (scenes/registry.ts); scenes/service-routing.ts spreads it. */
import { text } from '../../src/model/localized.ts';
import type { ScenarioAbout } from './about.ts';

export const serviceRoutingAbout: ScenarioAbout = {
  id: 'service-routing',
  title: text('A Service routes to pods', '서비스가 파드로 라우팅되는 과정'),
  summary: text('ClusterIP, EndpointSlices, kube-proxy rules on every node, CoreDNS, a DNAT to a pod on another node; a backend turns NotReady.', 'ClusterIP, EndpointSlice, 모든 노드의 kube-proxy 규칙, CoreDNS, 다른 노드 파드로의 DNAT; 백엔드가 NotReady가 됩니다.'),
  params: [
    { id: 'replicas', label: text('Replicas of "web"', '"web" 레플리카 수'), kind: 'int', default: 3, min: 2, max: 6 },
    {
      id: 'proxyMode',
      label: text('kube-proxy mode', 'kube-proxy 모드'),
      kind: 'choice',
      default: 'iptables',
      options: [
        { value: 'iptables', label: text('iptables (Linux default)', 'iptables (리눅스 기본값)') },
        { value: 'nftables', label: text('nftables (GA since v1.33)', 'nftables (v1.33부터 GA)') },
        { value: 'ipvs', label: text('ipvs (round robin)', 'ipvs (라운드 로빈)') },
      ],
    },
    { id: 'readinessFailure', label: text('A backend turns NotReady', '백엔드 하나가 NotReady로'), kind: 'boolean', default: true },
  ],
};
