/** kubectl-get: what the picker, links and `kubedeck list` show before the scenario's code loads (scenes/registry.ts); scenes/kubectl-get.ts spreads it. */
import { text } from '../../src/model/localized.ts';
import type { ScenarioAbout } from './about.ts';

export const kubectlGetAbout: ScenarioAbout = {
  id: 'kubectl-get',
  title: text('kubectl get: the read path', 'kubectl get: 읽기 경로'),
  summary: text('Authentication, authorization, no admission, a read from etcd; then 401 Unauthorized and 403 Forbidden.', '인증, 인가, 어드미션 없음, etcd 읽기; 이어서 401 Unauthorized와 403 Forbidden.'),
  params: [
    {
      id: 'resource',
      label: text('Resource', '리소스'),
      kind: 'choice',
      default: 'pods',
      options: [
        { value: 'pods', label: text('pods (namespaced, core group)', 'pods (네임스페이스 범위, core 그룹)') },
        { value: 'deployments', label: text('deployments (namespaced, group apps)', 'deployments (네임스페이스 범위, apps 그룹)') },
        { value: 'nodes', label: text('nodes (cluster-scoped)', 'nodes (클러스터 범위)') },
      ],
    },
  ],
};
