/** sandbox: what the picker, links and `kubedeck list` show before the scenario's code loads (scenes/registry.ts); scenes/sandbox.ts spreads it. */
import { text } from '../../src/model/localized.ts';
import type { ScenarioAbout } from './about.ts';

export const sandboxAbout: ScenarioAbout = {
  id: 'sandbox',
  title: text('Sandbox: your own cluster', '샌드박스: 나만의 클러스터'),
  summary: text(
    'An empty cluster where everything comes from your commands: kubectl, node faults, waiting.',
    '모든 것을 직접 입력한 명령으로 만드는 빈 클러스터: kubectl, 노드 장애, 기다리기.',
  ),
  params: [{ id: 'nodes', label: text('Worker nodes', '워커 노드 수'), kind: 'int', default: 3, min: 1, max: 5 }],
};
