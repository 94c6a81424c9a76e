import { describe, expect, it } from 'vitest';
import { createMachine } from 'xstate';
import { DEFAULT_K8S_VERSION, K8S_VERSIONS } from '../../src/model/k8s/versions.ts';
import { text } from '../../src/model/localized.ts';
import type { ScenarioDefinition } from '../../src/sim/scenario.ts';
import { t } from '../../src/ui/i18n.ts';
import { parseUrl, resolveStep, serializeView } from '../../src/ui/url-state.ts';

const machine = createMachine({});
const scenarios: ScenarioDefinition[] = [
  { id: 'pod-creation', title: text('Pod', '파드'), summary: text('s', 's'), params: [], machine },
  {
    id: 'node-failure',
    title: text('Node', '노드'),
    summary: text('s', 's'),
    params: [
      { id: 'replicas', label: text('Replicas', '레플리카'), kind: 'int', default: 3, min: 1, max: 6 },
      { id: 'returns', label: text('Returns', '복구'), kind: 'boolean', default: false },
      { id: 'mode', label: text('Mode', '모드'), kind: 'choice', default: 'a', options: [{ value: 'a', label: text('A', 'A') }, { value: 'b', label: text('B', 'B') }] },
    ],
    machine,
  },
];
const defaults = { scenarios, scenario: 'pod-creation', lang: 'en', theme: 'dark', k8s: DEFAULT_K8S_VERSION } as const;

describe('parseUrl', () => {
  it('reads every part of a well-formed link', () => {
    const p = parseUrl('?scenario=node-failure&step=3&lang=ko&theme=light&k8s=1.31&replicas=5&returns=true&mode=b', defaults);
    expect(p.scenario.id).toBe('node-failure');
    expect(p.lang).toBe('ko');
    expect(p.theme).toBe('light');
    expect(p.k8s).toBe('1.31');
    expect(p.params).toEqual({ replicas: 5, returns: true, mode: 'b' });
    expect(p.step).toBe('3');
    expect(p.issues).toEqual([]);
    expect(p.openPicker).toBe(false);
  });

  it('uses the defaults for an empty query', () => {
    const p = parseUrl('', defaults);
    expect([p.scenario.id, p.lang, p.theme, p.k8s, p.step]).toEqual(['pod-creation', 'en', 'dark', '1.37', undefined]);
    expect(p.issues).toEqual([]);
  });

  it('turns an unknown scenario into the default plus an issue, and asks for the picker', () => {
    const p = parseUrl('?scenario=%3Cscript%3E&replicas=4', defaults);
    expect(p.scenario.id).toBe('pod-creation');
    expect(p.openPicker).toBe(true);
    expect(p.issues.map((i) => i.key)).toEqual(['unknownScenario']);
    expect(p.issues[0]?.vars['value']).toBe('<script>');
  });

  it('reports each bad value and keeps the default', () => {
    const p = parseUrl('?scenario=node-failure&lang=fr&theme=pink&k8s=1.20&replicas=99&returns=maybe&mode=c', defaults);
    expect(p.issues.map((i) => i.key)).toEqual(['badLang', 'badTheme', 'badVersion', 'badParam', 'badParam', 'badParam']);
    // Each says what the param takes.
    expect(p.issues.slice(3).map((i) => i.vars['allowed'])).toEqual(['1–6', 'true, false', 'a, b']);
    expect([p.lang, p.theme, p.k8s]).toEqual(['en', 'dark', '1.37']);
    expect(p.params).toEqual({ replicas: 3, returns: false, mode: 'a' });
  });

  it('offers every release from 1.31 to 1.37 and reads v1.35 or 1.35.2 as 1.35', () => {
    for (const v of K8S_VERSIONS) expect(parseUrl(`?k8s=${v}`, defaults)).toMatchObject({ k8s: v, issues: [] });
    expect(K8S_VERSIONS).toEqual(['1.31', '1.32', '1.33', '1.34', '1.35', '1.36', '1.37']);
    expect(parseUrl('?k8s=v1.35', defaults)).toMatchObject({ k8s: '1.35', issues: [] });
    expect(parseUrl('?k8s=1.35.2', defaults)).toMatchObject({ k8s: '1.35', issues: [] });
  });

  it.each(['1.30', '1.38', '2.0', 'latest', ''])('k8s=%j is refused: the default stays and the notice lists the supported releases', (raw) => {
    const p = parseUrl(`?k8s=${raw}`, defaults);
    expect(p.k8s).toBe(DEFAULT_K8S_VERSION);
    expect(p.issues.map((i) => i.key)).toEqual(['badVersion']);
    const issue = p.issues[0];
    if (!issue) throw new Error('expected an issue');
    expect(t('en', issue.key, issue.vars)).toBe(`Kubernetes version “${raw}” is not offered (kubedeck has 1.31, 1.32, 1.33, 1.34, 1.35, 1.36, 1.37); using 1.37.`);
    expect(t('ko', issue.key, issue.vars)).toContain('지원 버전: 1.31, 1.32, 1.33, 1.34, 1.35, 1.36, 1.37');
  });

  it('never throws on malformed input', () => {
    for (const q of ['?%', '?scenario=%E0%A4%A', '?step=&lang=', '?' + 'x'.repeat(10_000), '?scenario=a&scenario=b', '?replicas=1e3', '?step=-1']) {
      expect(() => parseUrl(q, defaults)).not.toThrow();
    }
  });

  it('clips long values it echoes back', () => {
    const p = parseUrl(`?lang=${'z'.repeat(500)}`, defaults);
    expect(String(p.issues[0]?.vars['value']).length).toBeLessThanOrEqual(40);
  });
});

describe('resolveStep', () => {
  it('maps a 1-based step to an index', () => {
    expect(resolveStep('1', 10)).toEqual({ step: 0 });
    expect(resolveStep('10', 10)).toEqual({ step: 9 });
    expect(resolveStep(undefined, 10)).toEqual({ step: 0 });
  });
  it('takes a step past the end to the last step, with an issue (a what-if link whose commands changed)', () => {
    expect(resolveStep('11', 10)).toEqual({ step: 9, issue: { key: 'stepPastEnd', vars: { value: '11', max: 10 } } });
  });
  it.each(['0', '-2', '2.5', 'abc', '', '1e1'])('rejects %j with an issue', (raw) => {
    const r = resolveStep(raw, 10);
    expect(r.step).toBe(0);
    expect(r.issue?.key).toBe('badStep');
  });
});

describe('serializeView', () => {
  it('round-trips through parseUrl', () => {
    const view = { scenario: 'node-failure', step: 4, lang: 'ko', theme: 'contrast', k8s: '1.32', params: { replicas: 2, returns: true, mode: 'b' } } as const;
    const p = parseUrl(serializeView(view), defaults);
    expect(p.issues).toEqual([]);
    expect({ scenario: p.scenario.id, step: resolveStep(p.step, 10).step, lang: p.lang, theme: p.theme, k8s: p.k8s, params: p.params }).toEqual(view);
  });
});

describe('the learner’s commands in a link (do=)', () => {
  const q = (...entries: string[]) => `?scenario=pod-creation&${entries.map((e) => `do=${encodeURIComponent(e)}`).join('&')}`;

  it('reads repeated do=<ms>~<command> in order, decoded', () => {
    const p = parseUrl(q('12500~kubectl scale deployment web --replicas=5', '12500~wait 10s', '30000~kubectl label nodes worker-1 "a=b c"'), defaults);
    expect(p.issues).toEqual([]);
    expect(p.actions).toEqual([
      { at: 12500, command: 'kubectl scale deployment web --replicas=5' },
      { at: 12500, command: 'wait 10s' },
      { at: 30000, command: 'kubectl label nodes worker-1 "a=b c"' },
    ]);
  });

  it('keeps a ~ inside the command and a newline (an apply manifest)', () => {
    const p = parseUrl(q('0~kubectl run a --image=x~y', '5~kubectl apply -f - <<EOF\nkind: Pod\nEOF'), defaults);
    expect(p.actions.map((a) => a.command)).toEqual(['kubectl run a --image=x~y', 'kubectl apply -f - <<EOF\nkind: Pod\nEOF']);
  });

  it.each([
    ['-5~wait 1s', 'badAction'],
    ['1.5~wait 1s', 'badAction'],
    ['abc~wait 1s', 'badAction'],
    ['1000', 'badAction'],
    ['1000~', 'badAction'],
    ['1000~   ', 'badAction'],
    ['99999999999999999~wait 1s', 'badAction'],
    [`10~kubectl run ${'x'.repeat(2_000)}`, 'actionTooLong'],
  ])('drops %j with an issue and keeps the rest', (bad, key) => {
    const p = parseUrl(q('1~wait 1s', bad, '2000~wait 2s'), defaults);
    expect(p.issues.map((i) => i.key)).toEqual([key]);
    expect(p.actions).toEqual([
      { at: 1, command: 'wait 1s' },
      { at: 2000, command: 'wait 2s' },
    ]);
    expect(String(p.issues[0]?.vars['value']).length).toBeLessThanOrEqual(40);
  });

  it('drops a command whose time goes back', () => {
    const p = parseUrl(q('5000~wait 1s', '4000~wait 2s', '6000~wait 3s'), defaults);
    expect(p.issues.map((i) => i.key)).toEqual(['actionOutOfOrder']);
    expect(p.actions.map((a) => a.at)).toEqual([5000, 6000]);
  });

  it('takes at most 200 and says how many there were', () => {
    const many = Array.from({ length: 205 }, (_, i) => `${i}~wait 1s`);
    const p = parseUrl(q(...many), defaults);
    expect(p.actions).toHaveLength(200);
    expect(p.actions.at(-1)).toEqual({ at: 199, command: 'wait 1s' });
    expect(p.issues).toEqual([{ key: 'tooManyActions', vars: { count: 205, max: 200 } }]);
    expect(t('ko', 'tooManyActions', p.issues[0]?.vars)).toBe('링크에 명령이 205개 있습니다. 앞의 200개만 실행합니다.');
  });

  it('ignores commands for a scenario the link did not name right', () => {
    const p = parseUrl('?scenario=nope&do=1~wait%201s', defaults);
    expect(p.actions).toEqual([]);
  });

  it('never throws on malformed do values', () => {
    for (const search of ['?do', '?do=', '?do=%', '?do=~', '?do=~~~', `?do=${'9'.repeat(5_000)}~x`, '?do=1~%E0%A4%A']) {
      expect(() => parseUrl(search, defaults)).not.toThrow();
    }
  });

  it('round-trips through serializeView, and a plain view has no do=', () => {
    const actions = [
      { at: 0, command: 'kubectl cordon worker-2' },
      { at: 12500, command: 'kubectl label nodes worker-1 "a=b c" x-' },
      { at: 12500, command: 'node power-off worker-3 & ~ # ?' },
    ];
    const view = { scenario: 'node-failure', step: 2, lang: 'en', theme: 'dark', k8s: '1.32', params: { replicas: 2, returns: true, mode: 'b' }, actions } as const;
    const search = serializeView(view);
    expect(search).toContain('do=0%7Ekubectl+cordon+worker-2');
    const p = parseUrl(search, defaults);
    expect(p.issues).toEqual([]);
    expect(p.actions).toEqual(actions);
    expect(serializeView({ ...view, actions: [] })).not.toContain('do=');
  });
});
