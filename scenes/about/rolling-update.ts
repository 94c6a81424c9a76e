/** rolling-update: what the picker, links and `kubedeck list` show before the scenario's code loads (scenes/registry.ts); scenes/rolling-update.ts spreads it. */
import { text } from '../../src/model/localized.ts';
import type { ScenarioAbout } from './about.ts';

export const rollingUpdateAbout: ScenarioAbout = {
  id: 'rolling-update',
  title: text('A rolling update and a rollback', '롤링 업데이트와 롤백'),
  summary: text(
    'A new image: a new ReplicaSet grows as the old one shrinks, within maxSurge and maxUnavailable, gated by readiness; then kubectl rollout undo.',
    '새 이미지: maxSurge·maxUnavailable 범위 안에서 새 레플리카셋은 늘고 이전 것은 줄며, 레디니스가 각 단계를 막습니다. 이어서 kubectl rollout undo.',
  ),
  params: [
    { id: 'replicas', label: text('Replicas of "web"', '"web" 레플리카 수'), kind: 'int', default: 4, min: 1, max: 10 },
    {
      id: 'image',
      label: text('New image', '새 이미지'),
      kind: 'choice',
      default: 'nginx:1.28',
      options: [
        { value: 'nginx:1.28', label: text('nginx:1.28', 'nginx:1.28') },
        { value: 'nginx:1.29', label: text('nginx:1.29', 'nginx:1.29') },
      ],
    },
    {
      id: 'maxSurge',
      label: text('maxSurge', 'maxSurge'),
      kind: 'choice',
      default: '25%',
      options: ['25%', '50%', '100%', '0', '1', '2'].map((v) => ({ value: v, label: text(v, v) })),
    },
    {
      id: 'maxUnavailable',
      label: text('maxUnavailable', 'maxUnavailable'),
      kind: 'choice',
      default: '25%',
      options: ['25%', '50%', '0', '1', '2'].map((v) => ({ value: v, label: text(v, v) })),
    },
    { id: 'readinessDelay', label: text('Readiness probe initialDelaySeconds', '레디니스 프로브 initialDelaySeconds'), kind: 'int', default: 5, min: 0, max: 30 },
    { id: 'undo', label: text('Then kubectl rollout undo', '이어서 kubectl rollout undo'), kind: 'boolean', default: true },
  ],
};
