/**
 * The scale view's words in English and Korean. Node and pod states stay the API's words (Ready,
 * NotReady, Unknown: a node's Ready condition, which `kubectl get nodes` prints NotReady for both;
 * Terminating) in both languages, as the captions and Korean study material write them; what is around them is Korean: a count carries its counter (노드 50대, 파드 20개).
 */
import type { Lang } from '../../model/localized.ts';
// formatCount, not toLocaleString: a first Intl call loads ICU's number data (~13 ms on the first frame).
import { formatCount } from '../../model/count.ts';

const VERDICT_WORDS = {
  rejected: { en: 'rejected by Filter', ko: '필터에서 탈락' },
  unexamined: { en: 'not checked', ko: '확인 안 함' },
  passed: { en: 'passes Filter', ko: '필터 통과' },
  chosen: { en: 'chosen', ko: '선택됨' },
} as const;

export const scaleWords = {
  /** A zone group's first header line: "zone-c · 50 nodes". */
  zoneTitle(lang: Lang, zone: string, nodes: number): string {
    const name = zone === '' ? (lang === 'ko' ? '영역 없음' : 'no zone') : zone;
    return lang === 'ko' ? `${name} · 노드 ${formatCount(nodes)}대` : `${name} · ${formatCount(nodes)} node${nodes === 1 ? '' : 's'}`;
  },
  /** Pods on a group's nodes: "1,000 pods". */
  pods(lang: Lang, n: number): string {
    return lang === 'ko' ? `파드 ${formatCount(n)}개` : `${formatCount(n)} pod${n === 1 ? '' : 's'}`;
  },
  /**
   * Pods deleted but still there: evicted from a node nobody hears from, they stay Terminating
   * (no kubelet confirms) until it comes back or its Node is deleted. kubectl's word in both languages.
   */
  terminating(lang: Lang, n: number): string {
    return lang === 'ko' ? `Terminating ${formatCount(n)}개` : `Terminating ${formatCount(n)}`;
  },
  /** Nodes in a state, in a zone's header: "Ready 48", "Ready 48대". */
  stateCount(lang: Lang, state: string, n: number): string {
    return lang === 'ko' ? `${state} ${formatCount(n)}대` : `${state} ${formatCount(n)}`;
  },
  /**
   * Nodes whose kubelet is down (a zone without power), bracketed after a zone's Ready count: the
   * change the picture shows before the API says anything ("50 kubelets down", "kubelet 50대 다운":
   * the word the opened ship's crew and the legend use).
   */
  kubeletsDown(lang: Lang, n: number): string {
    return lang === 'ko' ? `kubelet ${formatCount(n)}대 다운` : `${formatCount(n)} kubelet${n === 1 ? '' : 's'} down`;
  },
  /** A tile's state and its pods, zoomed in: "Ready · 20", "Ready · 파드 20개". */
  tileState(lang: Lang, state: string, pods: number): string {
    return lang === 'ko' ? `${state} · 파드 ${formatCount(pods)}개` : `${state} · ${formatCount(pods)}`;
  },
  /** The back button over an opened node's ship. */
  back(lang: Lang): string {
    return lang === 'ko' ? '← 전체 노드' : '← All nodes';
  },
  /**
   * Beside the nodes Filter never looked at (past 100 nodes it stops once it has found enough
   * feasible ones): "not checked: 100 fit already", "12 not checked: 100 fit already".
   */
  notChecked(lang: Lang, n: number, fit: number): string {
    if (lang === 'ko') return `${n === 1 ? '' : `${formatCount(n)}대 `}확인 안 함: 이미 ${formatCount(fit)}대 적합`;
    return `${n === 1 ? '' : `${formatCount(n)} `}not checked: ${formatCount(fit)} fit already`;
  },
  /** A hovered tile's part in the decision on stage: "c-12 · Unknown · 20 · rejected by Filter". */
  verdict(lang: Lang, kind: keyof typeof VERDICT_WORDS | undefined): string | undefined {
    return kind === undefined ? undefined : VERDICT_WORDS[kind][lang];
  },
  /** Several different messages on one route. */
  messages(lang: Lang, n: number): string {
    return lang === 'ko' ? `메시지 ${formatCount(n)}개` : `${formatCount(n)} messages`;
  },
} as const;
