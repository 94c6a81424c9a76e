/** etcd-ha: what the picker, links and `kubedeck list` show before the scenario's code loads (scenes/registry.ts); scenes/etcd-ha.ts spreads it. */
import { text } from '../../src/model/localized.ts';
import type { ScenarioAbout } from './about.ts';

export const etcdHaAbout: ScenarioAbout = {
  id: 'etcd-ha',
  title: text('etcd high availability (raft)', 'etcd 고가용성 (raft)'),
  summary: text(
    'Leader heartbeats, a leader dies, an election by majority, writes continue; below quorum writes (and kube-apiserver’s reads) fail until a member returns.',
    '리더 하트비트, 리더 장애, 과반 투표로 새 리더 선출, 쓰기 계속; 쿼럼 미만이면 멤버가 돌아올 때까지 쓰기(와 kube-apiserver의 읽기) 실패.',
  ),
  params: [
    {
      id: 'members',
      label: text('etcd members', 'etcd 멤버 수'),
      kind: 'choice',
      default: '3',
      options: [
        { value: '3', label: text('3 (survives 1 failure)', '3개 (장애 1개까지)') },
        { value: '5', label: text('5 (survives 2 failures)', '5개 (장애 2개까지)') },
      ],
    },
  ],
};
