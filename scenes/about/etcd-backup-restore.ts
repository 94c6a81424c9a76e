/** etcd-backup-restore: what the picker, links and `kubedeck list` show before the scenario's code loads (scenes/registry.ts); scenes/etcd-backup-restore.ts spreads it. */
import { text } from '../../src/model/localized.ts';
import type { ScenarioAbout } from './about.ts';

export const etcdBackupRestoreAbout: ScenarioAbout = {
  id: 'etcd-backup-restore',
  title: text('etcd backup and restore', 'etcd 백업과 복원'),
  summary: text(
    'etcdctl snapshot save, a Deployment deleted by mistake, etcdutl snapshot restore, etcd.yaml pointed at the new data dir: the cluster as it was.',
    'etcdctl snapshot save, 실수로 지운 디플로이먼트, etcdutl snapshot restore, 새 데이터 디렉터리를 가리키는 etcd.yaml: 클러스터가 그때 그대로.',
  ),
  params: [{ id: 'replicas', label: text('Replicas of "web"', '"web" 레플리카 수'), kind: 'int', default: 3, min: 1, max: 6 }],
};
