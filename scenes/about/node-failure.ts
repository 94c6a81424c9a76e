/** node-failure: what the picker, links and `kubedeck list` show before the scenario's code loads (scenes/registry.ts); scenes/node-failure.ts spreads it. */
import { text } from '../../src/model/localized.ts';
import type { ScenarioAbout } from './about.ts';

export const nodeFailureAbout: ScenarioAbout = {
  id: 'node-failure',
  title: text('A node fails', '노드 장애'),
  summary: text('A worker stops heartbeating: Unknown after the grace period, unreachable taint, eviction after 300 s, replacements on healthy nodes.', '워커가 하트비트를 멈춥니다: 유예 시간 뒤 Unknown, unreachable 테인트, 300초 뒤 축출, 정상 노드에 대체 파드.'),
  params: [
    { id: 'replicas', label: text('Replicas of "web"', '"web" 레플리카 수'), kind: 'int', default: 3, min: 2, max: 9 },
    { id: 'nodeReturns', label: text('The node comes back', '노드 복귀'), kind: 'boolean', default: false },
  ],
};
