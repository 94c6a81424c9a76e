/**
 * kubedeck's own messages in Korean. kubectl's and the API server's errors stay as they print (a
 * learner meets them in English on a real cluster), but what kubedeck itself says (its sandbox's
 * limits, its own commands typed after "kubectl") read in English in a Korean page (reviewer).
 * The English texts are made in errors.ts and pod-budget.ts; each pattern here matches one of them.
 * Pure.
 */

interface Note {
  readonly en: RegExp;
  readonly ko: (m: RegExpExecArray) => string;
}

const g = (m: RegExpExecArray, i: number): string => m[i] ?? '';

const NOTES: readonly Note[] = [
  {
    en: /^error: kubedeck's sandbox does not take these arguments to (\S+): (.+)$/,
    ko: (m) => `오류: kubedeck 샌드박스의 ${g(m, 1)} 명령은 다음 인자를 받지 않습니다: ${g(m, 2)}`,
  },
  {
    en: /^error: kubedeck's sandbox cannot run "kubectl wait" \(it waits for a condition on resources\); to let simulated time pass, type "wait 30s"$/,
    ko: () => '오류: kubedeck 샌드박스에서는 "kubectl wait"(리소스의 조건을 기다리는 명령)를 실행할 수 없습니다. 시뮬레이션 시간을 흘려보내려면 "wait 30s"처럼 입력하세요',
  },
  { en: /^error: kubedeck's sandbox (\S+)s one resource at a time$/, ko: (m) => `오류: kubedeck 샌드박스에서 ${g(m, 1)} 명령은 한 번에 리소스 하나에만 쓸 수 있습니다` },
  { en: /^error: kubedeck's sandbox labels objects of one type at a time$/, ko: () => '오류: kubedeck 샌드박스는 한 번에 한 종류의 객체에만 레이블을 붙입니다' },
  {
    en: /^error: kubedeck's sandbox cannot (\S+) (.+)$/,
    ko: (m) => (g(m, 1) === 'run' ? `오류: kubedeck 샌드박스에서는 ${g(m, 2)} 명령을 실행할 수 없습니다` : `오류: kubedeck 샌드박스에서는 ${g(m, 2)}에 kubectl ${g(m, 1)}를 쓸 수 없습니다`),
  },
  {
    en: /^error: "(.+)" is a kubedeck sandbox command, not kubectl's: type it without "kubectl"$/,
    ko: (m) => `오류: "${g(m, 1)}"는 kubectl 명령이 아니라 kubedeck 샌드박스 명령입니다. "kubectl" 없이 입력하세요`,
  },
  {
    en: /^error: invalid duration "(.*)": give seconds \(30\) or units \(30s, 2m, 1m30s, 1h\) greater than zero$/,
    ko: (m) => `오류: 잘못된 시간 "${g(m, 1)}": 초(30)나 단위(30s, 2m, 1m30s, 1h)로 0보다 크게 입력하세요`,
  },
  { en: /^error: no command given$/, ko: () => '오류: 입력한 명령이 없습니다' },
  { en: /^error: unterminated (.) quote$/, ko: (m) => `오류: 닫히지 않은 ${g(m, 1)} 따옴표가 있습니다` },
  { en: /^error: etcd member "(.+)" not found$/, ko: (m) => `오류: etcd 멤버 "${g(m, 1)}"를 찾을 수 없습니다` },
  {
    en: /^kubedeck: the sandbox simulates at most ([\d,]+) pods \(in your browser\); with this the cluster would ask for ([\d,]+) in all$/,
    ko: (m) => `kubedeck: 샌드박스는 브라우저에서 파드를 ${g(m, 1)}개까지만 시뮬레이션합니다. 이 명령을 실행하면 클러스터 전체 파드가 ${g(m, 2)}개가 됩니다`,
  },
];

/** `line` as a Korean page shows it: kubedeck's own messages translated, anything else as it is. */
export function kubedeckLineKo(line: string): string {
  for (const note of NOTES) {
    const m = note.en.exec(line);
    if (m !== null) return note.ko(m);
  }
  return line;
}

/** A message of one or more lines (an error with its usage after it) in the page's language. */
export function kubedeckMessage(message: string, lang: 'en' | 'ko'): string {
  return lang === 'ko' ? message.split('\n').map(kubedeckLineKo).join('\n') : message;
}
