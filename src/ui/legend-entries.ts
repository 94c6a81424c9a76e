/**
 * What the legend explains, as data: every token shape (one entry per message type, plus the etcd
 * write, an error answer and background traffic), every pod look and the stage's marks. Kept in
 * step with the stage's shapes (src/render/tokens.ts, pods.ts) and tested against MessageType.
 */
import type { Localized } from '../model/localized.ts';
import type { MessageType } from '../sim/trace.ts';

export type TokenSample = MessageType | 'write' | 'error' | 'background';
export type PodSample = 'Pending' | 'ContainerCreating' | 'Running' | 'Ready' | 'Terminating' | 'Unknown' | 'Unlisted';
export type MarkSample = 'quay' | 'glow' | 'dimmed' | 'trail' | 'click';
/** The big-cluster view's node tiles (src/render/scale/tile-view.ts) and its message flows. */
export type TileSample = 'ready' | 'notReady' | 'unknown' | 'kubeletDown' | 'terminating' | 'noSchedule' | 'noExecute' | 'filter' | 'flow';

export interface LegendEntry<K extends string> {
  readonly key: K;
  readonly text: Localized;
}

/** One entry per MessageType (the Record makes a new type a compile error here). */
const BY_TYPE: Readonly<Record<MessageType, Localized>> = {
  request: {
    en: "request: a solid dot from the caller, in its colour (kube-controller-manager's leaves above the controller's chip)",
    ko: '요청: 호출하는 쪽 색의 속이 찬 점 (kube-controller-manager의 요청은 보내는 컨트롤러 칩 위에서 출발)',
  },
  response: { en: 'response: a smaller dot travelling back', ko: '응답: 되돌아가는 작은 점' },
  watch: { en: 'watch event: a ring pushed by kube-apiserver to a watcher', ko: '워치 이벤트: kube-apiserver가 구독자에게 밀어 주는 고리' },
  signal: { en: 'signal: a diamond, one way with no answer (a packet, a raft heartbeat)', ko: '신호: 답이 없는 한 방향 마름모(패킷, raft 하트비트)' },
};

export const TOKEN_ENTRIES: readonly LegendEntry<TokenSample>[] = [
  ...(Object.keys(BY_TYPE) as MessageType[]).map((key) => ({ key, text: BY_TYPE[key] })),
  { key: 'write', text: { en: 'etcd write: a square in etcd’s colour; etcd flashes as it lands', ko: 'etcd 쓰기: etcd 색의 사각형, 도착하면 etcd가 번쩍임' } },
  { key: 'error', text: { en: 'error answer (4xx/5xx): drawn in red', ko: '오류 응답(4xx/5xx): 빨간색' } },
  { key: 'background', text: { en: 'background traffic (lease renewals, heartbeats): small and faint', ko: '백그라운드 트래픽(리스 갱신, 하트비트): 작고 흐리게' } },
];

export const POD_ENTRIES: readonly LegendEntry<PodSample>[] = [
  { key: 'Pending', text: { en: 'Pending: amber', ko: 'Pending: 주황' } },
  { key: 'ContainerCreating', text: { en: 'ContainerCreating: pulsing blue', ko: 'ContainerCreating: 깜박이는 파랑' } },
  { key: 'Running', text: { en: 'Running, not Ready (kubectl: 0/1): amber, no check', ko: 'Running이지만 Ready 아님(kubectl: 0/1): 주황, 체크 없음' } },
  { key: 'Ready', text: { en: 'Ready: green with a check', ko: 'Ready: 초록에 체크 표시' } },
  { key: 'Terminating', text: { en: 'Terminating: grey', ko: 'Terminating: 회색' } },
  { key: 'Unknown', text: { en: 'Unknown: dashed outline (node not heard from)', ko: 'Unknown: 점선 테두리(노드에서 소식 없음)' } },
  {
    key: 'Unlisted',
    text: {
      en: 'dashed outline in its phase’s colour: a static pod that the kubelet runs from a file and the API does not list (no mirror pod yet, or its mirror being deleted)',
      ko: '상태 색의 점선 테두리: kubelet이 파일로 실행하지만 API에는 없는 정적 파드(아직 미러 파드가 없거나 미러 파드가 지워지는 중)',
    },
  },
];

export const MARK_ENTRIES: readonly LegendEntry<MarkSample>[] = [
  { key: 'quay', text: { en: 'quay: where you stand with kubectl, sending orders to the flagship (the control plane)', ko: '부두(사용자): kubectl을 든 내가 서서 기함(컨트롤 플레인)에 지시를 보내는 곳' } },
  { key: 'glow', text: { en: 'glow: the component is working', ko: '빛남: 컴포넌트가 일하는 중' } },
  { key: 'dimmed', text: { en: 'dimmed: not part of this step (faded card, name in grey)', ko: '흐림: 이번 단계와 관계없음(흐린 카드, 회색 이름)' } },
  { key: 'trail', text: { en: 'numbered trail: the step’s hops in order (shown when paused at a step’s start or end)', ko: '번호 경로: 이번 단계의 메시지 순서(단계의 시작과 끝에서 보임)' } },
  { key: 'click', text: { en: 'click: a pod, a node’s name or an object card on the left shows its real fields at this moment', ko: '클릭: 파드, 노드 이름, 왼쪽의 오브젝트 카드를 누르면 지금 이 순간의 실제 필드를 보여 줍니다' } },
];

/** Shown while the stage draws a big cluster as tiles (zone-outage). */
export const TILE_ENTRIES: readonly LegendEntry<TileSample>[] = [
  { key: 'ready', text: { en: 'a node, Ready: green edge; its dots are its pods (by phase), its bar its pods against what it can hold', ko: '노드 하나, Ready: 초록 테두리. 점은 그 노드의 파드(단계별 색), 막대는 받을 수 있는 수 대비 파드 수' } },
  { key: 'notReady', text: { en: 'NotReady: red edge', ko: 'NotReady: 빨간 테두리' } },
  { key: 'unknown', text: { en: 'Unknown (its Ready condition, after no heartbeat for the grace period; kubectl get nodes prints NotReady): dashed and dark; its pods, Running but no longer Ready, turn amber (as when the node is opened)', ko: 'Unknown(유예 기간 동안 하트비트가 없어 Ready 컨디션이 Unknown. kubectl get nodes에는 NotReady로 표시): 점선에 어두운 바탕. 더는 Ready가 아닌 Running 파드는 주황(노드를 열어 볼 때와 같은 색)' } },
  { key: 'kubeletDown', text: { en: 'kubelet down (a node without power): dark, its lights out, though the API says Ready until the grace period ends; the zone’s header counts them', ko: 'kubelet 다운(전원이 꺼진 노드): 불이 꺼진 듯 어둡게. 유예 기간이 끝날 때까지 API에는 아직 Ready이고, 영역 머리글에 그 수가 나옴' } },
  { key: 'terminating', text: { en: 'Terminating pods: hollow squares, drawn clear even on a dark node (deleted, but kept until a kubelet confirms they stopped)', ko: 'Terminating 파드: 속이 빈 사각형. 어두운 노드 위에서도 또렷하게 그림(삭제되었지만 kubelet이 멈췄다고 확인할 때까지 남음)' } },
  { key: 'noSchedule', text: { en: 'NoSchedule taint or cordon: an amber slash in the corner (no new pods)', ko: 'NoSchedule 테인트나 cordon: 모서리의 주황 사선(새 파드를 받지 않음)' } },
  { key: 'noExecute', text: { en: 'NoExecute taint: a red wedge in the corner (its pods are evicted once their toleration runs out: 300 s by default); the amber slash beside it when the node has NoSchedule too', ko: 'NoExecute 테인트: 모서리의 빨간 삼각형(톨러레이션 시간이 지나면 파드가 축출됨, 기본 300초). NoSchedule도 있으면 옆에 주황 사선' } },
  {
    key: 'filter',
    text: {
      en: "kube-scheduler's decision, while it is on stage: a red cross on each node Filter rejected, a violet outline on each that passed, a veil on those it never looked at (past 100 nodes it stops once it has found enough: percentageOfNodesToScore), a violet ring round the chosen node",
      ko: 'kube-scheduler의 결정(화면에 있는 동안): 필터에서 탈락한 노드에는 빨간 X, 통과한 노드에는 보라색 테두리, 아예 확인하지 않은 노드에는 흐린 막(노드가 100대를 넘으면 충분히 찾은 뒤 멈춤: percentageOfNodesToScore), 선택된 노드에는 보라색 고리',
    },
  },
  { key: 'flow', text: { en: 'messages on one route: one token with their count (PUT lease ×15)', ko: '같은 경로의 메시지: 개수를 붙인 토큰 하나(PUT lease ×15)' } },
];
