/** `kubedeck trace ./story.yaml` and `kubedeck export ./story.yaml`: a scenario file where an id goes. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import type { CliIo } from '../../src/cli/io.ts';
import { CliError } from '../../src/cli/io.ts';

const examples = new URL('../../examples/', import.meta.url);
const example = (name: string): string => readFileSync(new URL(name, examples), 'utf8');

async function run(args: string[], files: Record<string, string>): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    out: (l) => out.push(l),
    err: (l) => err.push(l),
    readFile: (path) => {
      const text = files[path];
      if (text === undefined) throw new CliError(`cannot read ${path}: no such file`);
      return text;
    },
  };
  return { code: await main(args, io), out, err };
}

describe('kubedeck trace with a scenario file', () => {
  it('prints the same JSON lines for node-drain.yaml as for the built-in node-drain', async () => {
    const file = await run(['trace', './node-drain.yaml', '--json', '--k8s', '1.37'], { './node-drain.yaml': example('node-drain.yaml') });
    const builtIn = await run(['trace', 'node-drain', '--json', '--k8s', '1.37'], {});
    expect(file.code).toBe(0);
    expect(file.out.length).toBeGreaterThan(100);
    expect(file.out).toEqual(builtIn.out);
  });

  it('titles the list with the file title in the chosen language', async () => {
    const { code, out } = await run(['trace', 'examples/cordon-and-scale.yaml', '--lang', 'ko'], { 'examples/cordon-and-scale.yaml': example('cordon-and-scale.yaml') });
    expect(code).toBe(0);
    expect(out[0]).toMatch(/^코든한 노드와 스케일 아웃 — seed 1, Kubernetes /);
  });

  it('a mistake in the file is one line with file:line:col and path, exit code 2, in either language', async () => {
    const bad = example('cordon-and-scale.yaml').replace('settled: { deployment: api, replicas: 5 }', 'settled: { deployment: api, replicas: five }');
    const en = await run(['trace', './story.yaml'], { './story.yaml': bad });
    expect(en.code).toBe(2);
    expect(en.err).toEqual([expect.stringMatching(/^kubedeck: trace: \.\/story\.yaml:\d+:\d+: steps\[3\]\.until\.settled\.replicas: expected a number, got "five"$/)]);
    const ko = await run(['trace', './story.yaml', '--lang', 'ko'], { './story.yaml': bad });
    expect(ko.err).toEqual([expect.stringMatching(/^kubedeck: trace: \.\/story\.yaml:\d+:\d+: steps\[3\]\.until\.settled\.replicas: 숫자가 와야 하는데 "five"입니다$/)]);
  });

  it('a missing file and an unknown id are one line too', async () => {
    expect((await run(['trace', './gone.yaml'], {})).err).toEqual(['kubedeck: cannot read ./gone.yaml: no such file']);
    const unknown = await run(['trace', 'nodedrain'], {});
    expect(unknown.code).toBe(2);
    expect(unknown.err[0]).toMatch(/^kubedeck: trace: unknown scenario "nodedrain" \(known: .*; or give a scenario file such as \.\/story\.yaml\)$/);
  });
});

describe('kubedeck export with a scenario file', () => {
  it('checks the file before any browser starts', async () => {
    const { code, err } = await run(['export', './story.yaml', '--format', 'png', '--out', '/tmp/never'], { './story.yaml': 'apiVersion: kubedeck.dev/v1alpha1\nkind: Scenario\nid: x\n' });
    expect(code).toBe(2);
    expect(err).toEqual([expect.stringMatching(/^kubedeck: export: \.\/story\.yaml:1:1: title: required field is missing$/)]);
  });
});
