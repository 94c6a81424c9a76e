/**
 * Every scenario as the app lists it, in learning-path order (the same as scenes/index.ts): what
 * the picker, links and titles show (scenes/about/<id>.ts), and how to load the rest. A scenario's
 * code (its machine, cues, captions) loads when it is first shown, so the first load carries the
 * default scenario's only. The CLI and tests use scenes/index.ts, which has every definition at
 * hand; test/scenes/registry.test.ts keeps the two lists in step.
 */
import type { ScenarioDefinition } from '../src/sim/scenario.ts';
import type { ScenarioAbout } from './about/about.ts';
import { podCreationAbout } from './about/pod-creation.ts';
import { kubectlGetAbout } from './about/kubectl-get.ts';
import { schedulerDecisionAbout } from './about/scheduler-decision.ts';
import { podSpreadingAbout } from './about/pod-spreading.ts';
import { replicasetSelfHealingAbout } from './about/replicaset-self-healing.ts';
import { daemonsetAbout } from './about/daemonset.ts';
import { rollingUpdateAbout } from './about/rolling-update.ts';
import { serviceRoutingAbout } from './about/service-routing.ts';
import { nodeDrainAbout } from './about/node-drain.ts';
import { nodeFailureAbout } from './about/node-failure.ts';
import { etcdHaAbout } from './about/etcd-ha.ts';
import { etcdBackupRestoreAbout } from './about/etcd-backup-restore.ts';
import { staticPodsAbout } from './about/static-pods.ts';
import { zoneOutageAbout } from './about/zone-outage.ts';
import { sandboxAbout } from './about/sandbox.ts';

export interface ScenarioEntry extends ScenarioAbout {
  /** Loads the scenario's code (once; a failed load is tried again next time). */
  load(): Promise<ScenarioDefinition>;
  /** The definition once load() has resolved, else undefined. */
  loaded(): ScenarioDefinition | undefined;
}

function entry(about: ScenarioAbout, load: () => Promise<ScenarioDefinition>): ScenarioEntry {
  let loading: Promise<ScenarioDefinition> | undefined;
  let definition: ScenarioDefinition | undefined;
  return {
    ...about,
    load: () =>
      (loading ??= load().then(
        (def) => (definition = def),
        (error: unknown) => {
          loading = undefined;
          throw error;
        },
      )),
    loaded: () => definition,
  };
}

export const REGISTRY: readonly ScenarioEntry[] = [
  entry(podCreationAbout, async () => (await import('./pod-creation.ts')).podCreation),
  entry(kubectlGetAbout, async () => (await import('./kubectl-get.ts')).kubectlGet),
  entry(schedulerDecisionAbout, async () => (await import('./scheduler-decision.ts')).schedulerDecision),
  entry(podSpreadingAbout, async () => (await import('./pod-spreading.ts')).podSpreading),
  entry(replicasetSelfHealingAbout, async () => (await import('./replicaset-self-healing.ts')).replicasetSelfHealing),
  entry(daemonsetAbout, async () => (await import('./daemonset.ts')).daemonset),
  entry(rollingUpdateAbout, async () => (await import('./rolling-update.ts')).rollingUpdate),
  entry(serviceRoutingAbout, async () => (await import('./service-routing.ts')).serviceRouting),
  entry(nodeDrainAbout, async () => (await import('./node-drain.ts')).nodeDrain),
  entry(nodeFailureAbout, async () => (await import('./node-failure.ts')).nodeFailure),
  entry(etcdHaAbout, async () => (await import('./etcd-ha.ts')).etcdHa),
  entry(etcdBackupRestoreAbout, async () => (await import('./etcd-backup-restore.ts')).etcdBackupRestore),
  entry(staticPodsAbout, async () => (await import('./static-pods.ts')).staticPods),
  entry(zoneOutageAbout, async () => (await import('./zone-outage.ts')).zoneOutage),
  entry(sandboxAbout, async () => (await import('./sandbox.ts')).sandbox),
];

export const DEFAULT_SCENARIO = 'pod-creation';
