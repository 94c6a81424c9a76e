/** Every scenario, in learning-path order: architecture first, then failures and healing. */
import type { ScenarioDefinition } from '../src/sim/scenario.ts';
import { daemonset } from './daemonset.ts';
import { etcdBackupRestore } from './etcd-backup-restore.ts';
import { etcdHa } from './etcd-ha.ts';
import { kubectlGet } from './kubectl-get.ts';
import { nodeDrain } from './node-drain.ts';
import { nodeFailure } from './node-failure.ts';
import { podCreation } from './pod-creation.ts';
import { podSpreading } from './pod-spreading.ts';
import { schedulerDecision } from './scheduler-decision.ts';
import { serviceRouting } from './service-routing.ts';
import { replicasetSelfHealing } from './replicaset-self-healing.ts';
import { rollingUpdate } from './rolling-update.ts';
import { sandbox } from './sandbox.ts';
import { staticPods } from './static-pods.ts';
import { zoneOutage } from './zone-outage.ts';

export const SCENARIOS: readonly ScenarioDefinition[] = [podCreation, kubectlGet, schedulerDecision, podSpreading, replicasetSelfHealing, daemonset, rollingUpdate, serviceRouting, nodeDrain, nodeFailure, etcdHa, etcdBackupRestore, staticPods, zoneOutage, sandbox];

export { DEFAULT_SCENARIO } from './registry.ts';

export function findScenario(id: string): ScenarioDefinition | undefined {
  return SCENARIOS.find((s) => s.id === id);
}
