/** Narration of one scheduling decision: each node's Filter verdict and Score, then the winner. */
import type { Localized } from '../../src/model/localized.ts';
import { text } from '../../src/model/localized.ts';
import { withParticle } from '../../src/model/josa.ts';
import { ERR_REASON_UNTOLERATED_GENERIC } from '../../src/model/scheduler/plugins/taint-toleration.ts';
import { DEFAULT_SCORES } from '../../src/model/scheduler/profile.ts';
import type { NodeVerdict, ScheduleDecision, ScorePluginName } from '../../src/model/scheduler/types.ts';

const SHORT: Readonly<Record<ScorePluginName, string>> = {
  TaintToleration: 'TaintToleration',
  NodeAffinity: 'NodeAffinity',
  NodeResourcesFit: 'NodeResourcesFit',
  NodeResourcesBalancedAllocation: 'BalancedAllocation',
  PodTopologySpread: 'PodTopologySpread',
  InterPodAffinity: 'InterPodAffinity',
  ImageLocality: 'ImageLocality',
};

/** "TaintToleration 100×3 + NodeResourcesFit 59×1 + ... = 449" */
export function scoreSum(v: NodeVerdict): string {
  const parts: string[] = [];
  for (const { name, weight } of DEFAULT_SCORES) {
    const score = v.scores[name];
    if (score !== undefined) parts.push(`${SHORT[name]} ${score}×${weight}`);
  }
  return `${parts.join(' + ')} = ${v.total}`;
}

export function verdictCaption(v: NodeVerdict, d: ScheduleDecision): Localized {
  if (!v.feasible) {
    const why = v.reasons.map((r) => `"${r}"`).join(', ');
    const plugin = v.failedPlugin ?? 'PreFilter';
    // v1.35 dropped the taint from this reason (kubernetes#134740): say where to find it.
    const generic = v.reasons.includes(ERR_REASON_UNTOLERATED_GENERIC);
    const hint = generic ? ` Since v1.35 the reason does not name the taint; \`kubectl describe node ${v.name}\` shows it.` : '';
    const hintKo = generic ? ` v1.35부터는 이 사유에 테인트 이름이 나오지 않으니 \`kubectl describe node ${v.name}\`로 확인합니다.` : '';
    return text(
      `${v.name}: Filter fails at ${plugin} — ${why}. Filter stops at the first plugin that fails, and the node is not scored.${hint}`,
      `${v.name}: ${plugin} 필터에서 탈락: ${why}. 필터는 처음 실패한 플러그인에서 멈추고, 이 노드는 점수를 받지 않습니다.${hintKo}`,
    );
  }
  if (!d.scored) return text(`${v.name} passes every filter. It is the only feasible node, so kube-scheduler skips scoring.`, `${withParticle(v.name, '은/는')} 모든 필터를 통과합니다. 통과한 노드가 하나뿐이라 kube-scheduler는 스코어 단계를 건너뜁니다.`);
  const skipped = (d.skippedScorePlugins ?? []).map((p) => SHORT[p]);
  const note = skipped.length > 0 ? ` (${skipped.join(', ')} skipped at PreScore: nothing to prefer)` : '';
  const noteKo = skipped.length > 0 ? ` (${withParticle(skipped.join(', '), '은/는')} PreScore에서 제외: 선호 조건 없음)` : '';
  return text(`${v.name} passes every filter. Scores 0–100 per plugin, times its weight: ${scoreSum(v)}${note}.`, `${withParticle(v.name, '은/는')} 모든 필터를 통과합니다. 플러그인별 0–100점 × 가중치: ${scoreSum(v)}${noteKo}.`);
}

export function winnerCaption(d: ScheduleDecision): Localized {
  const winner = d.nodes.find((n) => n.name === d.selected);
  if (!winner) return text('No node fits.', '맞는 노드가 없습니다.');
  if (!d.scored) return text(`${winner.name} is the only node left after Filter, so it is selected without scoring.`, `필터 뒤 남은 노드가 ${winner.name}뿐이라 점수 계산 없이 선택됩니다.`);
  const others = d.nodes.filter((n) => n.feasible && n.name !== winner.name).map((n) => `${n.name} ${n.total}`);
  const vs = others.length > 0 ? ` (vs ${others.join(', ')})` : '';
  const vsKo = others.length > 0 ? ` (다른 노드: ${others.join(', ')})` : '';
  const tie = d.tied.length > 1 ? ` ${d.tied.join(' and ')} tied; selectHost drew one at random (reservoir sampling).` : '';
  const tieKo = d.tied.length > 1 ? ` ${d.tied.map((n, i) => (i < d.tied.length - 1 ? withParticle(n, '와/과') : n)).join(' ')} 동점이라 selectHost가 무작위로(저수지 샘플링) 골랐습니다.` : '';
  return text(
    `${winner.name} has the highest weighted total, ${winner.total}${vs}: selectHost picks it.${tie} Scores run 0–100 since v1.17; older course notes show 0–10 per priority function.`,
    `${winner.name}의 가중 합계 ${withParticle(winner.total, '이/가')} 가장 높아${vsKo} selectHost가 선택합니다.${tieKo} 점수는 v1.17부터 0–100이며, 예전 강의 자료의 0–10점은 그 이전 방식입니다.`,
  );
}
