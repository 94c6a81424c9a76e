/** How a trace reads in a terminal, and as JSON lines. */
import type { Lang } from '../model/localized.ts';
import { formatClock, formatDuration, formatDurationKo } from '../model/time.ts';
import { raftLine } from '../sim/raft-words.ts';
import type { StaticPodEvent, TraceEvent } from '../sim/trace.ts';

/** One JSON object per event; state events carry what changed (not the whole object). */
export function eventJson(e: TraceEvent): string {
  if (e.kind === 'state') {
    const { value: _value, ...rest } = e;
    return JSON.stringify(rest);
  }
  return JSON.stringify(e);
}

const short = (v: unknown): string => {
  const s = JSON.stringify(v) ?? 'undefined';
  return s.length > 60 ? `${s.slice(0, 57)}...` : s;
};

const STATIC_POD_KO: Readonly<Record<StaticPodEvent['phase'], string>> = { starting: '시작 중', running: '실행 중', ready: '준비됨', stopping: '멈추는 중', gone: '없어짐' };

/** A readable line, or undefined for events the list leaves out (routine ones unless verbose). */
export function eventLine(e: TraceEvent, n: number, lang: Lang, verbose: boolean): string | undefined {
  const time = formatClock(e.t);
  switch (e.kind) {
    case 'step':
      return `\n[step ${e.index + 1}] ${e.caption[lang]}`;
    case 'skip':
      return `${' '.repeat(5)} ${time}  ... ${lang === 'ko' ? `대기 +${formatDurationKo(e.to - e.t)}` : `quiet +${formatDuration(e.to - e.t)}`} ...`;
    case 'message': {
      if (!verbose && /lease|^POST event|^watch: .*Lease/i.test(`${e.action} ${e.object ?? ''}`)) return undefined;
      const route = e.type === 'response' ? `${e.to} <- ${e.from}` : `${e.from} ${e.type === 'watch' ? '~>' : '->'} ${e.to}`;
      return `${String(n).padStart(5)} ${time}  ${route}  ${e.action}${e.object ? `  ${e.object}` : ''}`;
    }
    case 'state': {
      if (!verbose && /^(Lease|Event)\//.test(e.object)) return undefined;
      // Condition reasons and messages follow their status: shown only with --verbose.
      const shown = verbose ? e.changes : e.changes.filter((c) => !/^status\.conditions\.\w+\.(reason|message)$/.test(c.path));
      const listed = shown.slice(0, verbose ? shown.length : 4).map((c) => `${c.path}: ${short(c.from)} -> ${short(c.to)}`);
      if (shown.length > listed.length) listed.push(`+${shown.length - listed.length} more`);
      const what = e.op === 'modified' ? listed.join('; ') : e.op;
      return `${String(n).padStart(5)} ${time}  [etcd] ${e.object}  ${what}`;
    }
    case 'activity':
      if (!verbose && e.component === 'kube-apiserver' && !e.object) return undefined;
      return `${String(n).padStart(5)} ${time}  (${e.component}) ${e.label[lang]}`;
    case 'file': {
      const what = e.op === 'added' ? (lang === 'ko' ? '생김' : 'created') : e.op === 'modified' ? (lang === 'ko' ? '바뀜' : 'changed') : lang === 'ko' ? '없어짐' : 'removed';
      return `${String(n).padStart(5)} ${time}  [${e.file.node}] ${e.file.path} ${what}${e.file.note ? ` (${e.file.note})` : ''}${e.by ? ` by ${e.by}` : ''}`;
    }
    case 'component':
      return `${String(n).padStart(5)} ${time}  ${e.component} is ${e.status}`;
    case 'static-pod': {
      const name = e.pod.split('/').at(-1) ?? e.pod;
      const what = lang === 'ko' ? STATIC_POD_KO[e.phase] : e.phase;
      return `${String(n).padStart(5)} ${time}  [${e.node}] ${lang === 'ko' ? '정적 파드' : 'static pod'} ${name} ${what}`;
    }
    case 'raft':
      return `${String(n).padStart(5)} ${time}  {raft} ${e.member}: ${raftLine(e, lang)}`;
    case 'decision': {
      const d = e.decision;
      const rows = d.nodes.map((v) => {
        const plugins = Object.entries(v.scores).map(([k, x]) => `${k} ${String(x)}`).join(', ');
        return `        ${v.name}: ${v.feasible ? `total ${v.total}${plugins ? ` (${plugins})` : ''}` : v.reasons.join(', ')}`;
      });
      const verdict = d.selected ? `-> ${d.selected}` : `-> none: ${d.failureMessage ?? ''}`;
      return [`${String(n).padStart(5)} ${time}  kube-scheduler decides ${e.pod} ${verdict}`, ...rows].join('\n');
    }
  }
}
