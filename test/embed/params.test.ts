import { describe, expect, it } from 'vitest';
import { createMachine } from 'xstate';
import { validateLoad } from '../../src/embed/load-request.ts';
import { parseEmbedParams } from '../../src/embed/params.ts';
import { wantsEmbed } from '../../src/embed/wants-embed.ts';
import { issueText } from '../../src/embed/strings.ts';
import { DEFAULT_K8S_VERSION } from '../../src/model/k8s/versions.ts';
import { text } from '../../src/model/localized.ts';
import type { ScenarioDefinition } from '../../src/sim/scenario.ts';

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
    ],
    machine,
  },
];
const defaults = { scenarios, scenario: 'pod-creation', lang: 'en', theme: 'dark', k8s: DEFAULT_K8S_VERSION } as const;

describe('embed parameters', () => {
  it('reads every parameter of a well-formed embed link', () => {
    const p = parseEmbedParams('?scenario=node-failure&step=3&lang=ko&theme=light&k8s=1.31&replicas=5&autoplay&controls=minimal&speed=1.5&loop=1&keys=host&origins=https://slides.example.com', defaults);
    expect(p.view.scenario.id).toBe('node-failure');
    expect([p.view.step, p.view.lang, p.view.theme, p.view.k8s, p.view.params['replicas']]).toEqual(['3', 'ko', 'light', '1.31', 5]);
    expect([p.autoplay, p.controls, p.speed, p.loop, p.keys]).toEqual([true, 'minimal', 1.5, true, 'host']);
    expect(p.origins).toEqual(new Set(['https://slides.example.com']));
    expect(p.issues).toEqual([]);
  });

  it('defaults to a still, fully controlled embed that anyone may drive', () => {
    const p = parseEmbedParams('', defaults);
    expect([p.view.scenario.id, p.autoplay, p.controls, p.speed, p.loop, p.keys, p.origins]).toEqual(['pod-creation', false, 'full', 1, false, 'embed', '*']);
    expect(parseEmbedParams('?autoplay=0&loop=false', defaults)).toMatchObject({ autoplay: false, loop: false, issues: [] });
    expect(parseEmbedParams('?speed=2x', defaults).speed).toBe(2);
  });

  it('an unknown k8s version: the newest release runs and the notice lists the supported ones', () => {
    const p = parseEmbedParams('?scenario=node-failure&k8s=1.29', defaults);
    expect(p.view.k8s).toBe('1.37');
    const en = p.issues.map((issue) => issueText('en', issue, 'Node'));
    expect(en).toEqual(['Kubernetes version “1.29” is not offered (kubedeck has 1.31, 1.32, 1.33, 1.34, 1.35, 1.36, 1.37); using 1.37.']);
  });

  it('falls back to defaults and names every bad value, in both languages', () => {
    const p = parseEmbedParams('?scenario=nope&controls=huge&speed=3&autoplay=maybe&keys=all&origins=https://ok.example,not-an-origin&theme=neon', defaults);
    expect([p.view.scenario.id, p.controls, p.speed, p.autoplay, p.keys]).toEqual(['pod-creation', 'full', 1, false, 'embed']);
    expect(p.origins).toEqual(new Set(['https://ok.example']));
    const en = p.issues.map((issue) => issueText('en', issue, 'Pod'));
    expect(en).toHaveLength(7);
    expect(en.join('\n')).toMatch(/no scenario called “nope”. Showing “Pod” instead\.$/m);
    expect(en.join('\n')).not.toMatch(/pick another/);
    expect(en.join('\n')).toMatch(/controls “huge”/);
    expect(en.join('\n')).toMatch(/Speed “3”/);
    expect(en.join('\n')).toMatch(/autoplay = “maybe”/);
    expect(en.join('\n')).toMatch(/keys “all”/);
    expect(en.join('\n')).toMatch(/not-an-origin/);
    expect(en.join('\n')).toMatch(/theme “neon”/);
    const ko = p.issues.map((issue) => issueText('ko', issue, '파드'));
    for (const line of ko) expect(line).toMatch(/[가-힣]/);
  });

  it('an empty origins= allows no one and says so; null is admitted only when listed, with a warning', () => {
    const empty = parseEmbedParams('?origins=', defaults);
    expect(empty.origins).toEqual(new Set());
    expect(empty.issues.map((issue) => issueText('en', issue, 'Pod'))).toEqual(['origins is empty, so no page may control this embed; name the allowed origins, or use origins=* to allow any.']);
    const nul = parseEmbedParams('?origins=null,https://deck.example', defaults);
    expect(nul.origins).toEqual(new Set(['null', 'https://deck.example']));
    expect(nul.issues.map((issue) => issueText('en', issue, 'Pod'))).toEqual(['origins includes null: any page opened from a file and any sandboxed frame may control this embed.']);
    expect(issueText('ko', nul.issues[0] ?? { source: 'embed', key: 'nullOrigin', vars: {} }, '파드')).toMatch(/[가-힣]/);
    expect(parseEmbedParams('?origins=*', defaults)).toMatchObject({ origins: '*', issues: [] });
  });

  it('knows when index.html is asked for the embed view', () => {
    expect(wantsEmbed('?embed=1&scenario=x')).toBe(true);
    expect(wantsEmbed('?embed')).toBe(true);
    expect(wantsEmbed('?embed=0')).toBe(false);
    expect(wantsEmbed('?scenario=x')).toBe(false);
  });
});

describe('load commands', () => {
  const load = (extra: object) => ({ kubedeck: 1 as const, type: 'load' as const, scenario: 'node-failure', ...extra });

  it('takes a known scenario with valid params and version', () => {
    const r = validateLoad(load({ k8s: '1.31', params: { replicas: 4, returns: true } }), scenarios);
    expect(r).toMatchObject({ ok: true, k8s: '1.31', params: { replicas: 4, returns: true } });
    if (r.ok) expect(r.scenario.id).toBe('node-failure');
  });

  it('refuses what the scenario cannot take, before anything runs', () => {
    expect(validateLoad(load({ scenario: 'nope' }), scenarios)).toMatchObject({ ok: false, code: 'unknown-scenario' });
    expect(validateLoad(load({ k8s: '1.2' }), scenarios)).toMatchObject({ ok: false, code: 'bad-params' });
    expect(validateLoad(load({ k8s: '1.38' }), scenarios)).toMatchObject({
      ok: false,
      code: 'bad-params',
      message: 'Kubernetes version "1.38" is not supported; supported versions: 1.31, 1.32, 1.33, 1.34, 1.35, 1.36, 1.37',
    });
    expect(validateLoad(load({ k8s: '1.36' }), scenarios)).toMatchObject({ ok: true, k8s: '1.36' });
    expect(validateLoad(load({ k8s: '1.35.2' }), scenarios)).toMatchObject({ ok: true, k8s: '1.35' });
    expect(validateLoad(load({ params: { replicas: 99 } }), scenarios)).toMatchObject({ ok: false, code: 'bad-params' });
    expect(validateLoad(load({ params: { replicas: 'three' } }), scenarios)).toMatchObject({ ok: false, code: 'bad-params' });
    expect(validateLoad(load({ params: { unknown: 1 } }), scenarios)).toMatchObject({ ok: false, code: 'bad-params' });
  });
});

describe('the what-if in an embed link (do=)', () => {
  it('reads the commands the app link carries, with the same checks', () => {
    const p = parseEmbedParams('?scenario=pod-creation&do=1500~kubectl%20cordon%20worker-1&do=1000~wait%201s&autoplay', defaults);
    expect(p.view.actions).toEqual([{ at: 1500, command: 'kubectl cordon worker-1' }]);
    expect(p.issues).toEqual([{ source: 'url', issue: { key: 'actionOutOfOrder', vars: { value: '1000~wait 1s' } } }]);
    const [issue] = p.issues;
    expect(issue && issueText('en', issue, 'Pod')).toContain('1000~wait 1s');
    expect(p.autoplay).toBe(true);
  });
});
