/**
 * Dev-only page (vite dev, /test/ui/dev.html): the real UI shell on a fake stage and the sample
 * trace, to work on the shell without the renderer or the simulation.
 */
import '@fontsource/noto-sans-kr/400.css?faces=first';
import '@fontsource/noto-sans-kr/700.css?faces=first';
import '../../src/render/rest-faces.ts';
import '@fontsource/jetbrains-mono/400.css';
import '../../src/ui/styles.css';
import { createMachine } from 'xstate';
import { text } from '../../src/model/localized.ts';
import type { ScenarioDefinition } from '../../src/sim/scenario.ts';
import { startApp } from '../../src/ui/app.ts';
import { loadedEntry } from '../../src/ui/scenario-entry.ts';
import { exposeHandle } from '../../src/ui/debug-handle.ts';
import { podCreationSample } from '../fixtures/traces/pod-creation.sample.ts';
import { createFakeStage } from './fake-stage.ts';

const scenarios: ScenarioDefinition[] = [
  {
    id: 'pod-creation',
    title: text('Creating a pod', '파드 생성'),
    summary: text('kubectl run: from the API server to a running container.', 'kubectl run: API 서버에서 실행 중인 컨테이너까지.'),
    params: [],
    machine: createMachine({}),
  },
  {
    id: 'node-failure',
    title: text('A node fails', '노드 장애'),
    summary: text('A worker stops heartbeating; its pods are evicted and replaced.', '워커 노드의 하트비트가 끊기고, 파드가 축출되어 다른 노드에 다시 만들어집니다.'),
    params: [
      { id: 'replicas', label: text('Replicas', '레플리카 수'), kind: 'int', default: 3, min: 1, max: 6 },
      { id: 'returns', label: text('Node comes back', '노드 복구'), kind: 'boolean', default: false },
    ],
    machine: createMachine({}),
  },
];

const root = document.getElementById('app');
if (root) {
  const handle = startApp(root, {
    scenarios: scenarios.map(loadedEntry),
    defaultScenario: 'pod-creation',
    defaultK8s: '1.33',
    seed: 1,
    loadSimulation: () => Promise.resolve(),
    simulationLoaded: () => true,
    run: () => podCreationSample,
    startRun: () => ({ now: 0, advance: () => podCreationSample, cancel: () => undefined }),
    createStage: createFakeStage,
  });
  exposeHandle(handle);
}
