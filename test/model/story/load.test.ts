/** Reading scenario files: round trips, and each kind of mistake at its line:column and path, in English and Korean. */
import { readFileSync } from 'node:fs';
import { parse, stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { loadStory, loadStoryOrThrow } from '../../../src/model/story/load.ts';
import { formatStoryError, StoryFileError } from '../../../src/model/story/story-error.ts';
import { STORY_LIMITS } from '../../../src/model/story/limits.ts';

const HEAD = `apiVersion: kubedeck.dev/v1alpha1
kind: Scenario
id: story
title: { en: T, ko: 제목 }
summary: { en: S, ko: 요약 }
cluster:
  nodes:
    - name: worker-1
    - name: worker-2
`;
const STEP = `steps:
  - id: a
    caption: { en: A, ko: 가 }
`;

/** The first error of a file that must not load, in both languages. */
function firstError(text: string): { en: string; ko: string } {
  const result = loadStory(text, 'story.yaml');
  if (result.ok) throw new Error('expected the file to be refused');
  const first = result.errors[0];
  if (first === undefined) throw new Error('no error');
  return { en: formatStoryError(first, 'en'), ko: formatStoryError(first, 'ko') };
}

describe('round trips', () => {
  it.each(['node-drain.yaml', 'replicaset-self-healing.yaml', 'cordon-and-scale.yaml'])('%s: written out again as YAML, it loads to the same scenario', (name) => {
    const text = readFileSync(new URL(`../../../examples/${name}`, import.meta.url), 'utf8');
    const once = loadStoryOrThrow(text, name);
    // Written out by the yaml library: other quoting, no comments, block style everywhere.
    const again = loadStoryOrThrow(stringify(parse(text)), name);
    expect(again.story).toEqual(once.story);
    expect(again.objects).toEqual(once.objects);
  });

  it('durations become milliseconds, and both languages are kept', () => {
    const { story } = loadStoryOrThrow(`${HEAD}steps:\n  - id: a\n    after: 1m30s\n    caption: { ko: 가, en: A }\nfinish: { after: 250 }\n`, 'story.yaml');
    expect(story.steps[0]?.after).toBe(90_000);
    expect(story.steps[0]?.caption).toEqual({ en: 'A', ko: '가' });
    expect(story.finish?.after).toBe(250);
  });
});

describe('mistakes, with file:line:col and path', () => {
  it('an unknown command', () => {
    const e = firstError(`${HEAD}steps:\n  - id: a\n    caption: { en: A, ko: 가 }\n    commands:\n      - kubectl frob worker-1\n`);
    expect(e.en).toBe('story.yaml:14:9: steps[0].commands[0]: not a command kubedeck can run: error: unknown command "frob" for "kubectl"');
    expect(e.ko).toBe('story.yaml:14:9: steps[0].commands[0]: kubedeck이 실행할 수 없는 명령입니다: error: unknown command "frob" for "kubectl"');
  });

  it('a command naming a node the file does not have; other names are checked when the step runs', () => {
    expect(firstError(`${HEAD}steps:\n  - id: a\n    caption: { en: A, ko: 가 }\n    commands: [kubectl drain worker-9 --ignore-daemonsets]\n`).en).toBe(
      'story.yaml:13:16: steps[0].commands[0]: not a command kubedeck can run: Error from server (NotFound): nodes "worker-9" not found',
    );
    expect(loadStory(`${HEAD}steps:\n  - id: a\n    caption: { en: A, ko: 가 }\n    commands: [kubectl delete pod web-abc, kubectl scale deployment api --replicas=2]\n`, 's.yaml').ok).toBe(true);
  });

  it('wait: time between commands is the next step\'s after', () => {
    expect(firstError(`${HEAD}${STEP}    commands: [wait 30s]\n`).en).toBe('story.yaml:13:16: steps[0].commands[0]: in a file, time passes between steps: give the next step `after:` (e.g. after: 30s) instead of `wait`');
  });

  it('a missing field, at the object that should hold it', () => {
    const e = firstError(`${HEAD}steps:\n  - id: a\n    caption: { en: A }\n`);
    expect(e.en).toBe('story.yaml:12:14: steps[0].caption.ko: required field is missing');
    expect(e.ko).toBe('story.yaml:12:14: steps[0].caption.ko: 꼭 있어야 하는 필드가 없습니다');
  });

  it('an unknown field, at its key', () => {
    const e = firstError(`${HEAD}${STEP}    wait: 3s\n`);
    expect(e.en).toBe('story.yaml:13:5: steps[0].wait: unknown field "wait"');
    expect(e.ko).toBe('story.yaml:13:5: steps[0].wait: 알 수 없는 필드 "wait"입니다');
  });

  it('a wrong type deep in a condition', () => {
    const e = firstError(`${HEAD}${STEP}    until:\n      all:\n        - settled: { deployment: web, replicas: many }\n`);
    expect(e.en).toBe('story.yaml:15:49: steps[0].until.all[0].settled.replicas: expected a number, got "many"');
    expect(e.ko).toBe('story.yaml:15:49: steps[0].until.all[0].settled.replicas: 숫자가 와야 하는데 "many"입니다');
  });

  it('a condition of no known kind lists the kinds', () => {
    const e = firstError(`${HEAD}${STEP}    until:\n      setled: { deployment: web, replicas: 3 }\n`);
    expect(e.en).toMatch(/^story\.yaml:14:7: steps\[0\]\.until: expected one of the keys commandsDone, settled, .*, not$/);
    expect(e.ko).toMatch(/^story\.yaml:14:7: steps\[0\]\.until: 다음 키 중 하나여야 합니다: commandsDone, settled, /);
  });

  it('a duration that is not one', () => {
    const e = firstError(`${HEAD}${STEP}    after: 3 seconds\n`);
    expect(e.en).toBe('story.yaml:13:12: steps[0].after: expected a duration such as 500ms, 3s, 1m30s or a whole number of milliseconds');
    expect(e.ko).toBe('story.yaml:13:12: steps[0].after: 500ms, 3s, 1m30s 같은 시간이나 밀리초 정수여야 합니다');
  });

  it('a regular expression that does not compile', () => {
    const e = firstError(`${HEAD}${STEP}cues:\n  - id: c\n    caption: { en: C, ko: 다 }\n    when:\n      message: { action: "/[unclosed/" }\n`);
    expect(e.en).toMatch(/^story\.yaml:17:26: cues\[0\]\.when\.message\.action: not a valid regular expression: /);
    expect(e.ko).toMatch(/^story\.yaml:17:26: cues\[0\]\.when\.message\.action: 올바른 정규 표현식이 아닙니다: /);
  });

  it('a YAML syntax error', () => {
    const e = firstError(`${HEAD}steps:\n  - id: a\n    caption: { en: A, ko: 가\n`);
    expect(e.en).toMatch(/^story\.yaml:\d+:\d+: invalid YAML: /);
    expect(e.ko).toMatch(/^story\.yaml:\d+:\d+: YAML 문법 오류: /);
  });

  it('a placement for a Deployment the file does not have', () => {
    expect(firstError(`${HEAD}placement:\n  web: [worker-1]\n${STEP}`)).toEqual({ en: 'story.yaml:11:8: placement.web: no Deployment "web" among the objects', ko: 'story.yaml:11:8: placement.web: objects에 "web" 디플로이먼트가 없습니다' });
  });

  it('a key written twice', () => {
    expect(firstError(`${HEAD}${STEP}    after: 1s\n    after: 2s\n`).en).toMatch(/^story\.yaml:14:5: invalid YAML: Map keys must be unique/);
  });

  it('a YAML tag: a file is plain data', () => {
    const e = firstError(`${HEAD}steps:\n  - id: a\n    caption: { en: !!binary aGk=, ko: 가 }\n`);
    expect(e.en).toBe('story.yaml:12:29: tags such as !!binary are not allowed: a scenario file is plain data');
    expect(e.ko).toBe('story.yaml:12:29: !!binary 같은 태그는 쓸 수 없습니다. 시나리오 파일에는 데이터만 씁니다');
    expect(firstError(`${HEAD}${STEP}    focus: [!custom kubectl]\n`).en).toContain('tags such as !custom are not allowed');
  });

  it('a manifest Kubernetes would refuse, at its field', () => {
    const e = firstError(
      `${HEAD}objects:\n  - apiVersion: apps/v1\n    kind: Deployment\n    metadata: { name: web }\n    spec:\n      replicas: -1\n      selector: { matchLabels: { app: web } }\n      template:\n        metadata: { labels: { app: web } }\n        spec: { containers: [{ name: web, image: nginx }] }\n${STEP}`,
    );
    expect(e.en).toBe('story.yaml:15:17: objects[0].spec.replicas: must be greater than or equal to 0');
    expect(e.ko).toBe('story.yaml:15:17: objects[0].spec.replicas: Kubernetes 매니페스트로 받아들일 수 없습니다: must be greater than or equal to 0');
  });

  it('a Node among the objects', () => {
    expect(firstError(`${HEAD}objects:\n  - apiVersion: v1\n    kind: Node\n    metadata: { name: n }\n${STEP}`).en).toBe('story.yaml:12:11: objects[0].kind: nodes are listed in cluster.nodes, not in objects');
  });

  it('an error inside an objects: | block points into the block', () => {
    const e = firstError(`${HEAD}objects: |\n  apiVersion: v1\n  kind: Pod\n  metadata:\n    name: p\n  spec:\n    containers: []\n${STEP}`);
    expect(e.en).toMatch(/^story\.yaml:1[0-6]:\d+: objects: /);
  });

  it('an id used twice', () => {
    expect(firstError(`${HEAD}${STEP}  - id: a\n    caption: { en: B, ko: 나 }\n`).en).toBe('story.yaml:13:9: steps[1].id: id "a" is used by an earlier step or cue');
  });

  it('a focus on a node the cluster does not have, or no component at all', () => {
    expect(firstError(`${HEAD}${STEP}    focus: [kubelet/worker-7]\n`).ko).toBe('story.yaml:13:13: steps[0].focus[0]: cluster.nodes에 "worker-7" 노드가 없습니다');
    expect(firstError(`${HEAD}${STEP}    focus: [apiserver]\n`).en).toMatch(/^story\.yaml:13:13: steps\[0\]\.focus\[0\]: expected a component: /);
  });

  it('the wrong kind or apiVersion', () => {
    expect(firstError(HEAD.replace('kind: Scenario', 'kind: Story') + STEP)).toEqual({ en: 'story.yaml:2:7: kind: must be "Scenario"', ko: 'story.yaml:2:7: kind: "Scenario" 값이어야 합니다' });
    expect(firstError(HEAD.replace('v1alpha1', 'v1') + STEP).en).toBe('story.yaml:1:13: apiVersion: must be "kubedeck.dev/v1alpha1"');
  });

  it('StoryFileError carries every error and formats the first in either language', () => {
    let caught: unknown;
    try {
      loadStoryOrThrow(`${HEAD}${STEP}    wait: 3s\n`, 'story.yaml');
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(StoryFileError);
    expect((caught as StoryFileError).message).toBe('story.yaml:13:5: steps[0].wait: unknown field "wait"');
    expect((caught as StoryFileError).format('ko')).toBe('story.yaml:13:5: steps[0].wait: 알 수 없는 필드 "wait"입니다');
  });
});

describe('bounds', () => {
  it('a file over 1 MB', () => {
    const e = firstError(`${HEAD}${STEP}# ${'x'.repeat(STORY_LIMITS.fileBytes)}\n`);
    expect(e.en).toMatch(/^story\.yaml: the file is \d+ bytes; a scenario file may have at most 1048576 \(1 MB\)$/);
    expect(e.ko).toMatch(/^story\.yaml: 파일이 \d+바이트입니다/);
  });

  it('more than 50 nodes', () => {
    const nodes = Array.from({ length: 51 }, (_, i) => `    - name: n-${i}\n`).join('');
    expect(firstError(`${HEAD}${nodes}${STEP}`).en).toBe('story.yaml:8:5: cluster.nodes: too many: at most 50');
  });

  it('more than 200 steps', () => {
    const steps = Array.from({ length: 201 }, (_, i) => `  - { id: s${i}, caption: { en: A, ko: 가 } }\n`).join('');
    expect(firstError(`${HEAD}steps:\n${steps}`)).toEqual({ en: 'story.yaml:11:3: steps: too many: at most 200', ko: 'story.yaml:11:3: steps: 너무 많습니다: 최대 200개입니다' });
  });

  it('more than 200 commands in the file', () => {
    const steps = Array.from({ length: 3 }, (_, i) => `  - id: s${i}\n    caption: { en: A, ko: 가 }\n    commands: [${Array.from({ length: 70 }, () => 'kubectl cordon worker-1').join(', ')}]\n`).join('');
    const e = firstError(`${HEAD}steps:\n${steps}`);
    expect(e.en).toMatch(/^story\.yaml:\d+:\d+: steps\[2\]\.commands\[60\]: too many commands: at most 200 in a file$/);
  });

  it('more than 500 objects', () => {
    const objects = Array.from({ length: 501 }, (_, i) => `  - { apiVersion: v1, kind: Service, metadata: { name: s-${i} }, spec: { ports: [{ port: 80 }] } }\n`).join('');
    expect(firstError(`${HEAD}objects:\n${objects}${STEP}`).en).toBe('story.yaml:11:3: objects: too many: at most 500');
  });

  it('more than an hour of simulated time', () => {
    expect(firstError(`${HEAD}${STEP}maxSimTime: 2h\n`).en).toBe('story.yaml:13:13: maxSimTime: at most 1h of simulated time');
    expect(firstError(`${HEAD}${STEP}    after: 61m\n`).ko).toBe('story.yaml:13:12: steps[0].after: 시뮬레이션 시간은 1시간을 넘을 수 없습니다');
  });

  it('a caption over 600 characters', () => {
    expect(firstError(`${HEAD}steps:\n  - id: a\n    caption: { en: A, ko: ${'가'.repeat(601)} }\n`)).toEqual({
      en: 'story.yaml:12:27: steps[0].caption.ko: too long: at most 600 characters',
      ko: 'story.yaml:12:27: steps[0].caption.ko: 너무 깁니다: 600자 이하여야 합니다',
    });
  });

  it('an alias bomb', () => {
    const bomb = `a: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\n`;
    expect(firstError(bomb).en).toMatch(/^story\.yaml: invalid YAML: /);
  });
});
