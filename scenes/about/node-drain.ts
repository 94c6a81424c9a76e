/** node-drain: what the picker, links and `kubedeck list` show before the scenario's code loads (scenes/registry.ts); scenes/node-drain.ts spreads it. */
import { text } from '../../src/model/localized.ts';
import type { ScenarioAbout } from './about.ts';

export const nodeDrainAbout: ScenarioAbout = {
  id: 'node-drain',
  title: text('Draining a node for maintenance', '유지보수를 위한 노드 드레인'),
  summary: text(
    'kubectl cordon, drain --ignore-daemonsets (evictions, replacements elsewhere, the DaemonSet pod stays), uncordon.',
    'kubectl cordon, drain --ignore-daemonsets(축출, 다른 노드에 대체 파드, 데몬셋 파드는 남음), uncordon.',
  ),
  params: [
    { id: 'replicas', label: text('Replicas of "web"', '"web" 레플리카 수'), kind: 'int', default: 4, min: 2, max: 8 },
    { id: 'cordonFirst', label: text('kubectl cordon before drain', 'drain 전에 kubectl cordon'), kind: 'boolean', default: true },
    { id: 'minAvailable', label: text('PodDisruptionBudget minAvailable (0: none)', 'PodDisruptionBudget minAvailable (0: 없음)'), kind: 'int', default: 0, min: 0, max: 7 },
  ],
};
