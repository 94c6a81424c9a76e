/** `file=` links: the file takes the place of `scenario=`, its params and commands wait for it, and a local file is never named. */
import { describe, expect, it } from 'vitest';
import { createMachine } from 'xstate';
import { DEFAULT_K8S_VERSION } from '../../src/model/k8s/versions.ts';
import { text } from '../../src/model/localized.ts';
import type { ScenarioDefinition } from '../../src/sim/scenario.ts';
import { linkParams, parseUrl, serializeView, type UrlIssue } from '../../src/ui/url-state.ts';

const machine = createMachine({});
const builtIn: ScenarioDefinition = { id: 'pod-creation', title: text('Pod', '파드'), summary: text('s', 's'), params: [], machine };
const fromFile: ScenarioDefinition = {
  id: 'drain',
  title: text('Drain', '드레인'),
  summary: text('s', 's'),
  params: [{ id: 'replicas', label: text('Replicas', '레플리카'), kind: 'int', default: 3, min: 1, max: 6 }],
  machine,
};
const defaults = { scenarios: [builtIn], scenario: 'pod-creation', lang: 'en', theme: 'dark', k8s: DEFAULT_K8S_VERSION } as const;

describe('file= in a link', () => {
  it('is read raw, wins over scenario=, and leaves params and step for the file', () => {
    const p = parseUrl('?file=stories/drain.yaml&scenario=nope&step=3&replicas=5&do=5000~kubectl%20cordon%20worker-1', defaults);
    expect(p.file).toBe('stories/drain.yaml');
    expect(p.scenario.id).toBe('pod-creation');
    expect(p.openPicker).toBe(false);
    expect(p.issues).toEqual([]);
    expect(p.step).toBe('3');
    expect(p.actions).toEqual([{ at: 5000, command: 'kubectl cordon worker-1' }]);
  });

  it('is absent when empty', () => {
    expect(parseUrl('?file=&scenario=pod-creation', defaults).file).toBeUndefined();
  });

  it('applies the link\'s params to the file\'s scenario once it is known', () => {
    const issues: UrlIssue[] = [];
    expect(linkParams(new URLSearchParams('?file=x.yaml&replicas=5'), fromFile, issues)).toEqual({ replicas: 5 });
    expect(linkParams(new URLSearchParams('?file=x.yaml&replicas=99'), fromFile, issues)).toEqual({ replicas: 3 });
    expect(issues.map((i) => i.key)).toEqual(['badParam']);
  });

  it('is written back in place of scenario=, with step, params and commands, and read again the same', () => {
    const view = { scenario: 'drain', file: 'https://a.example/s/drain.yaml', step: 2, lang: 'ko', theme: 'light', k8s: '1.31', params: { replicas: 4 }, actions: [{ at: 7000, command: 'kubectl scale deployment/api --replicas=5' }] } as const;
    const search = serializeView(view);
    const query = new URLSearchParams(search);
    expect(query.get('file')).toBe('https://a.example/s/drain.yaml');
    expect(query.has('scenario')).toBe(false);
    expect(query.get('replicas')).toBe('4');
    const p = parseUrl(search, defaults);
    expect(p.file).toBe(view.file);
    expect(p.step).toBe('3');
    expect(p.actions).toEqual(view.actions);
  });

  it('names no scenario, step, params or commands for a file from this computer', () => {
    const search = serializeView({ scenario: 'drain', localFile: true, step: 4, lang: 'ko', theme: 'light', k8s: '1.31', params: { replicas: 4 }, actions: [{ at: 1, command: 'kubectl get pods' }] });
    expect(search).toBe('?lang=ko&theme=light&k8s=1.31');
  });
});
