/**
 * What the legend explains, as data: every token shape (one entry per message type, plus the etcd
 * write, an error answer and background traffic), every pod look and the stage's marks. Kept in
 * step with the stage's shapes (src/render/tokens.ts, pods.ts) and tested against MessageType.
 */
import type { Localized } from '../model/localized.ts';
import type { MessageType } from '../sim/trace.ts';

export type TokenSample = MessageType | 'write' | 'error' | 'background';
export type PodSample = 'Pending' | 'ContainerCreating' | 'Running' | 'Ready' | 'Terminating' | 'Unknown';
export type MarkSample = 'glow' | 'dimmed' | 'trail' | 'click';

export interface LegendEntry<K extends string> {
  readonly key: K;
  readonly text: Localized;
}

/** One entry per MessageType (the Record makes a new type a compile error here). */
const BY_TYPE: Readonly<Record<MessageType, Localized>> = {
  request: { en: 'request: a solid dot from the caller, in its colour', ko: '요청: 호출하는 쪽 색의 속이 찬 점' },
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
  { key: 'Running', text: { en: 'Running: green', ko: 'Running: 초록' } },
  { key: 'Ready', text: { en: 'Ready: green with a check', ko: 'Ready: 초록에 체크 표시' } },
  { key: 'Terminating', text: { en: 'Terminating: grey', ko: 'Terminating: 회색' } },
  { key: 'Unknown', text: { en: 'Unknown: dashed outline (node not heard from)', ko: 'Unknown: 점선 테두리(노드 응답 없음)' } },
];

export const MARK_ENTRIES: readonly LegendEntry<MarkSample>[] = [
  { key: 'glow', text: { en: 'glow: the component is working', ko: '빛남: 컴포넌트가 일하는 중' } },
  { key: 'dimmed', text: { en: 'dimmed: not part of this step', ko: '흐림: 이번 단계와 관계없음' } },
  { key: 'trail', text: { en: 'numbered trail: the step’s hops in order (shown when paused at a step’s start or end)', ko: '번호 경로: 이번 단계의 메시지 순서(단계의 시작과 끝에서 보임)' } },
  { key: 'click', text: { en: 'click: a pod, a node’s name or an object card on the left shows its real fields at this moment', ko: '클릭: 파드, 노드 이름, 왼쪽의 오브젝트 카드를 누르면 지금 이 순간의 실제 필드를 보여 줍니다' } },
];
