/** pod-creation: what the picker, links and `kubedeck list` show before the scenario's code loads (scenes/registry.ts); scenes/pod-creation.ts spreads it. */
import { text } from '../../src/model/localized.ts';
import type { ScenarioAbout } from './about.ts';

export const podCreationAbout: ScenarioAbout = {
  id: 'pod-creation',
  title: text('Creating a pod', '파드 생성'),
  summary: text('kubectl -> kube-apiserver -> etcd -> scheduler -> kubelet -> containerd: every hop of the write path.', 'kubectl -> kube-apiserver -> etcd -> 스케줄러 -> kubelet -> containerd: 쓰기 경로의 모든 단계.'),
  params: [
    {
      id: 'variant',
      label: text('Created by', '생성 방법'),
      kind: 'choice',
      default: 'pod',
      options: [
        { value: 'pod', label: text('kubectl run (a bare pod)', 'kubectl run (단독 파드)') },
        { value: 'deployment', label: text('a Deployment (ReplicaSet controller)', '디플로이먼트 (레플리카셋 컨트롤러)') },
      ],
    },
  ],
};
