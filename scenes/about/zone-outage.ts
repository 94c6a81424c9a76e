/** zone-outage: what the picker, links and `kubedeck list` show before the scenario's code loads (scenes/registry.ts); scenes/zone-outage.ts spreads it. */
import { text } from '../../src/model/localized.ts';
import type { ScenarioAbout } from './about.ts';

/** From about a thousand replicas a run takes a second or more (3,000 by default: 2-4 s on a laptop-class core). */
const LONG_RUN_REPLICAS = 1000;
const NODES_DEFAULT = 150;
const PER_NODE_DEFAULT = 20;

export const zoneOutageAbout: ScenarioAbout = {
  id: 'zone-outage',
  title: text('A zone goes dark, at scale', '대규모 클러스터의 영역 장애'),
  summary: text(
    'Thousands of replicas on hundreds of nodes in three zones; one zone loses power. The node lifecycle controller\'s eviction rate limits decide how fast pods move.',
    '세 영역, 수백 대 노드에 레플리카 수천 개. 한 영역의 전원이 나가면 노드 라이프사이클 컨트롤러의 축출 속도 제한이 파드가 옮겨 가는 속도를 정합니다.',
  ),
  params: [
    { id: 'nodes', label: text('Nodes (three zones)', '노드 수 (세 영역)'), kind: 'int', default: NODES_DEFAULT, min: 30, max: 210 },
    // Per node rather than in all, so that any choice fits on the nodes left after a zone goes dark (110 pods a node).
    // The maxima keep a run within seconds: 210 nodes still make a zone of 70 (above the large-cluster threshold).
    { id: 'perNode', label: text('Replicas of "web" per node', '노드당 "web" 레플리카 수'), kind: 'int', default: PER_NODE_DEFAULT, min: 1, max: 30 },
    {
      id: 'outage',
      label: text('What goes dark', '꺼지는 범위'),
      kind: 'choice',
      default: 'zone',
      options: [
        { value: 'zone', label: text('All of zone-c', 'zone-c 전체') },
        { value: 'part', label: text('60% of zone-c', 'zone-c의 60%') },
      ],
    },
  ],
  runsLong: (p) => Number(p['nodes'] ?? NODES_DEFAULT) * Number(p['perNode'] ?? PER_NODE_DEFAULT) >= LONG_RUN_REPLICAS,
};
