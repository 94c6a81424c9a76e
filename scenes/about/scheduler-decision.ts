/** scheduler-decision: what the picker, links and `kubedeck list` show before the scenario's code loads (scenes/registry.ts); scenes/scheduler-decision.ts spreads it. */
import { text } from '../../src/model/localized.ts';
import type { ScenarioAbout } from './about.ts';

export const schedulerDecisionAbout: ScenarioAbout = {
  id: 'scheduler-decision',
  title: text('How kube-scheduler decides', 'kube-scheduler의 결정 과정'),
  summary: text('Four nodes: a taint, a cordon, a busy and a roomy node. Every Filter verdict, every Score, the winner; or no fit until a node joins.', '노드 4개: 테인트, cordon, 바쁜 노드와 여유 있는 노드. 모든 필터 판정과 점수, 승자; 또는 새 노드가 합류할 때까지 배치 불가.'),
  params: [
    { id: 'noFit', label: text('No node fits (a new node joins)', '맞는 노드 없음 (새 노드 합류)'), kind: 'boolean', default: false },
    {
      id: 'cpu',
      label: text('CPU request of the pod', '파드의 CPU 요청'),
      kind: 'choice',
      default: '1',
      options: [
        { value: '500m', label: text('500m', '500m') },
        { value: '1', label: text('1 CPU', '1 CPU') },
        { value: '2', label: text('2 CPU (worker-1 has 2 free)', '2 CPU (worker-1 여유 2)') },
        { value: '3', label: text('3 CPU (only worker-2 fits)', '3 CPU (worker-2만 가능)') },
      ],
    },
  ],
};
