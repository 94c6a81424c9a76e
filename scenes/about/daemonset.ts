/** daemonset: what the picker, links and `kubedeck list` show before the scenario's code loads (scenes/registry.ts); scenes/daemonset.ts spreads it. */
import { text } from '../../src/model/localized.ts';
import type { ScenarioAbout } from './about.ts';

export const daemonsetAbout: ScenarioAbout = {
  id: 'daemonset',
  title: text('DaemonSet: one pod per node', '데몬셋: 노드마다 파드 하나'),
  summary: text('kube-proxy and a log agent run on every node; the control-plane taint and its toleration; a joining node gets its pods.', 'kube-proxy와 로그 에이전트가 모든 노드에서 실행됩니다. 컨트롤 플레인 테인트와 톨러레이션, 새 노드도 자동으로 파드를 받습니다.'),
  params: [{ id: 'tolerateControlPlane', label: text('Log agent tolerates the control-plane taint', '로그 에이전트가 컨트롤 플레인 테인트 허용'), kind: 'boolean', default: true }],
};
