/** replicaset-self-healing: what the picker, links and `kubedeck list` show before the scenario's code loads (scenes/registry.ts); scenes/replicaset-self-healing.ts spreads it. */
import { text } from '../../src/model/localized.ts';
import type { ScenarioAbout } from './about.ts';

export const replicasetSelfHealingAbout: ScenarioAbout = {
  id: 'replicaset-self-healing',
  title: text('A ReplicaSet heals and scales', '레플리카셋의 자가 치유와 스케일링'),
  summary: text(
    'Delete a pod and the ReplicaSet controller replaces it; scale up in slow-start batches, then down: which pods go, and why.',
    '파드를 지우면 레플리카셋 컨트롤러가 대체합니다. 슬로 스타트 묶음으로 스케일 업, 그다음 스케일 다운: 어떤 파드가 왜 지워지는지.',
  ),
  params: [
    { id: 'replicas', label: text('Replicas of "web"', '"web" 레플리카 수'), kind: 'int', default: 3, min: 2, max: 6 },
    { id: 'scaleUp', label: text('Scale up to', '스케일 업 목표'), kind: 'int', default: 6, min: 3, max: 16 },
    { id: 'scaleDown', label: text('Then scale down to', '이어서 스케일 다운 목표'), kind: 'int', default: 2, min: 1, max: 5 },
  ],
};
