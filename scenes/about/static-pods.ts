/** static-pods: what the picker, links and `kubedeck list` show before the scenario's code loads (scenes/registry.ts); scenes/static-pods.ts spreads it. */
import { text } from '../../src/model/localized.ts';
import type { ScenarioAbout } from './about.ts';

export const staticPodsAbout: ScenarioAbout = {
  id: 'static-pods',
  title: text('Static pods and mirror pods', '정적 파드와 미러 파드'),
  summary: text(
    'A control-plane node boots: its kubelet starts etcd, kube-apiserver, controller-manager and scheduler from /etc/kubernetes/manifests, then mirror pods appear.',
    '컨트롤 플레인 노드 부팅: kubelet이 /etc/kubernetes/manifests로 etcd, kube-apiserver, 컨트롤러 매니저, 스케줄러를 띄우고 미러 파드가 생깁니다.',
  ),
  params: [
    {
      id: 'component',
      label: text('Static pod to delete and remove', '삭제·제거해 볼 정적 파드'),
      kind: 'choice',
      default: 'kube-scheduler',
      options: [
        { value: 'kube-scheduler', label: text('kube-scheduler', 'kube-scheduler') },
        { value: 'kube-controller-manager', label: text('kube-controller-manager', 'kube-controller-manager') },
      ],
    },
  ],
};
