/** pod-spreading: what the picker, links and `kubedeck list` show before the scenario's code loads (scenes/registry.ts); scenes/pod-spreading.ts spreads it. */
import { text } from '../../src/model/localized.ts';
import type { ScenarioAbout } from './about.ts';

export const podSpreadingAbout: ScenarioAbout = {
  id: 'pod-spreading',
  title: text('Spreading pods: zones and anti-affinity', '파드 분산: 영역과 안티어피니티'),
  summary: text(
    'A zone spread constraint and a required pod anti-affinity decide where replicas go, and why the fourth cache pod stays Pending until a node joins.',
    '영역 분산 제약과 필수 파드 안티어피니티가 레플리카의 자리를 정합니다. 네 번째 cache 파드가 노드가 합류할 때까지 Pending인 이유도 봅니다.',
  ),
  params: [{ id: 'replicas', label: text('Replicas of "web"', '"web" 레플리카 수'), kind: 'int', default: 4, min: 2, max: 6 }],
};
