/**
 * The scale view's words in English and Korean. Node states stay kubectl's words (Ready,
 * NotReady, Unknown) in both languages, as the captions write them.
 */
import type { Lang } from '../../model/localized.ts';

const nf = (n: number): string => n.toLocaleString('en');

export const scaleWords = {
  /** A zone group's first header line: "zone-c · 50 nodes". */
  zoneTitle(lang: Lang, zone: string, nodes: number): string {
    const name = zone === '' ? (lang === 'ko' ? '영역 없음' : 'no zone') : zone;
    return lang === 'ko' ? `${name} · 노드 ${nf(nodes)}대` : `${name} · ${nf(nodes)} node${nodes === 1 ? '' : 's'}`;
  },
  /** Pods on a group's nodes: "1,000 pods". */
  pods(lang: Lang, n: number): string {
    return lang === 'ko' ? `파드 ${nf(n)}개` : `${nf(n)} pod${n === 1 ? '' : 's'}`;
  },
  /**
   * Pods deleted but still there: evicted from a node nobody hears from, they stay Terminating
   * (no kubelet confirms) until it comes back or its Node is deleted. kubectl's word in both languages.
   */
  terminating(n: number): string {
    return `Terminating ${nf(n)}`;
  },
  /** A state's count in a header: "Ready 48". */
  stateCount(state: string, n: number): string {
    return `${state} ${nf(n)}`;
  },
  /** The back button over an opened node's ship. */
  back(lang: Lang): string {
    return lang === 'ko' ? '← 전체 노드' : '← All nodes';
  },
  /** Several different messages on one route. */
  messages(lang: Lang, n: number): string {
    return lang === 'ko' ? `메시지 ${nf(n)}개` : `${nf(n)} messages`;
  },
} as const;
