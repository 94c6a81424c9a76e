/**
 * Korean particles (josa) after any word the app shows: Hangul, numbers, Latin names and
 * identifiers ("worker-2가", "449가", "pod을", "node를", "10.244.1.5로"). es-hangul picks the
 * particle after Hangul; a word that ends in digits or Latin letters is first turned into the
 * Hangul syllable it is read with (digits in Sino-Korean, English words by their usual
 * loanword reading, acronyms by their letter names), so the particle follows the sound, as a
 * person writes it, and never falls back to "을(를)".
 */
import { josa } from 'es-hangul';

export type JosaPair = Parameters<typeof josa.pick>[1];

/** Sino-Korean reading of each digit (2 이, 3 삼, 6 육). */
const DIGIT = ['영', '일', '이', '삼', '사', '오', '육', '칠', '팔', '구'] as const;
/** Powers of ten read on their own when a number ends in zeros: 10 십, 100 백, 1000 천, 10000 만. */
const TENS = ['십', '백', '천', '만'] as const;

/** Letter names, as acronyms are read: CNI 씨엔아이, URL 유알엘. Only the last syllable matters. */
const LETTER: Readonly<Record<string, string>> = {
  a: '이', b: '비', c: '씨', d: '디', e: '이', f: '프', g: '지', h: '치', i: '이', j: '이', k: '이', l: '엘', m: '엠',
  n: '엔', o: '오', p: '피', q: '큐', r: '알', s: '스', t: '티', u: '유', v: '이', w: '유', x: '스', y: '이', z: '트',
};

/** Words whose usual reading the spelling rules below get wrong. */
const WORDS: Readonly<Record<string, string>> = {
  pod: '팟', // kubectl's "pod" is read 팟 (the Korean docs' 파드 is written in Hangul and handled as such)
  etcd: '디', // 엣시디
  containerd: '디', // 컨테이너디
  kubectl: '엘', // 큐브컨트롤 / 큐브시티엘
  coredns: '스',
  dns: '스',
};

/** The syllable a run of digits ends with when read aloud (449 -> 구, 10 -> 십, 2 -> 이). */
function numberSound(digits: string): string {
  if (/^0+$/.test(digits)) return '영';
  const zeros = /0*$/.exec(digits)?.[0].length ?? 0;
  if (zeros === 0) return DIGIT[Number(digits.at(-1))] ?? '이';
  return TENS[Math.min(zeros, TENS.length) - 1] ?? '만';
}

/** The syllable an English word or acronym ends with when read in Korean. */
function latinSound(run: string): string {
  const word = run.toLowerCase();
  const known = WORDS[word];
  if (known !== undefined) return known;
  const acronym = run.length === 1 || (run === run.toUpperCase() && run.length <= 5) || !/[aeiouy]/.test(word);
  if (acronym) return LETTER[word.at(-1) ?? 'a'] ?? '이';
  // A silent final e after n, m or l keeps the consonant's sound: plane 플레인, time 타임, file 파일.
  if (word.endsWith('ne')) return '안';
  if (word.endsWith('me')) return '암';
  if (word.endsWith('le')) return '일';
  if (word.endsWith('ng')) return '앙';
  if (word.endsWith('ck')) return '악';
  const last = word.at(-1) ?? '';
  if (last === 'l') return '일';
  if (last === 'm' || last === 'n') return '안';
  if (last === 'b' || last === 'k' || last === 'p' || last === 't') return '앗';
  // -d, -g, -s, -x, -e, -r, -y, vowels: the loanword ends in a vowel (노드, 로그, 박스, 서버).
  return '아';
}

/** What a word sounds like at its end, as one Hangul syllable. */
export function finalSyllable(word: string): string {
  // Closing quotes and brackets do not change the sound of what they close.
  const core = word.replace(/[\s"'`”’)\]}»]+$/u, '');
  const last = core.at(-1) ?? '';
  if (/[가-힣]/.test(last)) return last;
  const digits = /[0-9]+$/.exec(core)?.[0];
  if (digits !== undefined) return numberSound(digits);
  const latin = /[A-Za-z]+$/.exec(core)?.[0];
  if (latin !== undefined) {
    // camelCase ends with its last word: ReplicaSet -> Set, CoreDNS -> DNS.
    const words = latin.match(/[A-Z]+(?![a-z])|[A-Z]?[a-z]+/g) ?? [latin];
    const tail = words.length > 1 && WORDS[latin.toLowerCase()] === undefined ? (words.at(-1) ?? latin) : latin;
    return latinSound(tail);
  }
  return '아';
}

/** The particle for `word` ("이" or "가" for '이/가'). */
export function particle(word: string | number, pair: JosaPair): string {
  return josa.pick(finalSyllable(String(word)), pair);
}

/** `word` followed by its particle: withParticle('worker-2', '을/를') === 'worker-2를'. */
export function withParticle(word: string | number, pair: JosaPair): string {
  return `${word}${particle(word, pair)}`;
}
