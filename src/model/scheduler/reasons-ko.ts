/**
 * kube-scheduler's Filter reasons for a Korean reader of kube-scheduler's line on stage: what each
 * means in Korean and how many nodes it ruled out ("2 Too many pods" -> "노드 2대 모두 파드 수 초과").
 * The upstream English stays where kube-scheduler writes it (the pod's PodScheduled condition, the
 * FailedScheduling event: English on every cluster). A reason without a meaning here keeps its
 * English.
 */

const RESOURCES_KO: Readonly<Record<string, string>> = {
  cpu: 'CPU',
  memory: '메모리',
  'ephemeral-storage': '임시 스토리지',
  pods: '파드 수',
};

const GLOSSES: readonly (readonly [RegExp, (m: RegExpExecArray) => string])[] = [
  [/^Too many pods$/, () => '파드 수 초과'],
  [/^Insufficient (\S+)$/, (m) => `${RESOURCES_KO[m[1] ?? ''] ?? m[1] ?? ''} 부족`],
  [/^node\(s\) were unschedulable$/, () => '스케줄 불가로 표시됨(cordon)'],
  [/^node\(s\) had untolerated taint/, () => '허용하지 않은 테인트'],
  [/^node\(s\) didn't match Pod's node affinity\/selector$/, () => '노드 어피니티/셀렉터 불일치'],
  [/^node\(s\) didn't match the requested node name$/, () => '요청한 노드 이름과 다름'],
  [/^node\(s\) didn't match pod affinity rules$/, () => '파드 어피니티 규칙 불일치'],
  [/^node\(s\) didn't match pod anti-affinity rules$/, () => '파드 안티어피니티 규칙 불일치'],
  [/^node\(s\) didn't satisfy existing pods anti-affinity rules$/, () => '기존 파드의 안티어피니티 규칙 위반'],
  [/^node\(s\) didn't match pod topology spread constraints/, () => '토폴로지 분산 제약 불일치'],
  [/^node\(s\) didn't have free ports for the requested pod ports$/, () => '요청한 포트가 이미 사용 중'],
];

/** One reason's Korean meaning, or undefined when there is none here. */
export function reasonKo(reason: string): string | undefined {
  for (const [pattern, gloss] of GLOSSES) {
    const m = pattern.exec(reason);
    if (m !== null) return gloss(m);
  }
  return undefined;
}

/**
 * The reasons part of a FailedScheduling message ("1 node(s) had untolerated taint {a: b}, 2 Too
 * many pods") for a Korean reader, counting nodes first as a Korean writer would: "노드 1대 허용하지
 * 않은 테인트, 노드 2대 파드 수 초과"; one reason that ruled out all `of` nodes reads "노드
 * 2대 모두 파드 수 초과" ("파드 수 초과 2대" read as "exceeded by 2"). No brackets: the
 * line's aside is its last bracket, which a narrow card drops first (short-label.ts).
 */
export function reasonsKo(reasons: string, of: number): string {
  // Reasons are "<count> <reason>", joined by ", "; a taint's braces may hold ", " too.
  const parts = reasons.split(/, (?=\d+ )/).map((part) => {
    const m = /^(\d+) (.+)$/.exec(part);
    return m === null ? { count: undefined, text: part } : { count: Number(m[1]), text: reasonKo(m[2] ?? '') ?? m[2] ?? '' };
  });
  const [only] = parts;
  if (parts.length === 1 && only?.count === of) return `노드 ${of}대 모두 ${only.text}`;
  return parts.map((p) => (p.count === undefined ? p.text : `노드 ${p.count}대 ${p.text}`)).join(', ');
}
