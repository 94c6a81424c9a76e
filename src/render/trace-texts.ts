/**
 * The texts a trace brings that the stage's sources do not hold (names a scenario makes up, its
 * activity labels, labels with numbers filled in), for preloading their font subsets. The words
 * of the stage itself are covered by loadStageFonts. The English labels always (a switch to
 * English draws them at once), the Korean ones only for Korean: an English first frame fetches no
 * Korean subsets.
 */
import type { Lang } from '../model/localized.ts';
import type { Trace } from '../sim/trace.ts';

/**
 * Per trace and language: the app asks before a trace's first draw (Stage.glyphsFor) and the stage
 * again once it is loaded; a 6,300-replica trace's scan took ~40 ms each time.
 */
const made = new WeakMap<Trace, Map<Lang, readonly string[]>>();

export function traceTexts(trace: Trace, lang: Lang): readonly string[] {
  let byLang = made.get(trace);
  if (byLang === undefined) made.set(trace, (byLang = new Map()));
  let texts = byLang.get(lang);
  if (texts === undefined) byLang.set(lang, (texts = scan(trace, lang)));
  return texts;
}

function scan(trace: Trace, lang: Lang): string[] {
  // Each distinct text once: a big trace repeats its ends and actions hundreds of thousands of times.
  const out = new Set<string>();
  for (const e of trace.events) {
    if (e.kind === 'activity') {
      out.add(e.label.en);
      if (lang === 'ko') out.add(e.label.ko);
    } else if (e.kind === 'message') out.add(e.action).add(e.from).add(e.to);
    else if (e.kind === 'state') out.add(e.object);
  }
  return [...out];
}
