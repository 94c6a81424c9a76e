/** Every input the CLI reads goes through one error path: one line naming the file, exit 2, no stack. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type { CliIo } from '../../src/cli/io.ts';
import { main, nodeIo } from '../../src/cli/main.ts';
import { readInputFile } from '../../src/cli/read-input.ts';

const POD = 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec: {containers: [{name: c, image: nginx}]}\n';
const NODE = (name: string): string => `apiVersion: v1\nkind: Node\nmetadata:\n  name: ${JSON.stringify(name)}\nstatus:\n  allocatable: {cpu: "2", memory: 4Gi, pods: "10"}\n`;

/** The CLI with files in memory (or, with `disk`, the real reader) and what it printed. */
async function cli(args: string[], files: Record<string, string> = {}, disk = false) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    out: (l) => out.push(l),
    err: (l) => err.push(l),
    readFile: (p) => (disk ? nodeIo.readFile(p) : (files[p] ?? '')),
  };
  const code = await main(args, io);
  return { code, out, err };
}

const schedule = (nodes: string) => cli(['schedule', '--nodes', 'nodes.yaml', '--pod', 'pod.yaml'], { 'nodes.yaml': nodes, 'pod.yaml': POD });

describe('CLI input limits', () => {
  it('refuses a device at once, before reading it (--nodes /dev/zero)', async () => {
    const started = performance.now();
    const r = await cli(['schedule', '--nodes', '/dev/zero', '--pod', '/dev/null'], {}, true);
    expect(performance.now() - started).toBeLessThan(2000);
    expect(r.code).toBe(2);
    expect(r.err).toEqual(['kubedeck: schedule: cannot read /dev/zero: is a device, not a file']);
  });

  it('refuses directories, missing files and files over the size bound', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kubedeck-input-'));
    const big = join(dir, 'big.yaml');
    writeFileSync(big, 'x'.repeat(2000));
    expect(() => readInputFile(dir)).toThrow(/is a directory$/);
    expect(() => readInputFile(join(dir, 'nope.yaml'))).toThrow(/no such file$/);
    expect(() => readInputFile(big, 1000)).toThrow(/2000 bytes is more than the 1000 bytes kubedeck reads/);
    expect(readInputFile(big, 2000)).toHaveLength(2000);
  });
});

describe('CLI: library errors become the one-line message', () => {
  it('a YAML alias bomb (more than 100 aliases)', async () => {
    const bomb = `a: &a [x]\nb: [${Array.from({ length: 120 }, () => '*a').join(',')}]\n`;
    const r = await schedule(bomb);
    expect(r.code).toBe(2);
    expect(r.err).toEqual(['kubedeck: nodes.yaml: invalid YAML: Excessive alias count indicates a resource exhaustion attack']);
  });

  it('a kind nested 20,000 levels deep, in JSON and in YAML', async () => {
    const deep = `${'['.repeat(20_000)}${']'.repeat(20_000)}`;
    const json = await schedule(`{"kind": ${deep}}`);
    expect(json.code).toBe(2);
    expect(json.err).toEqual(['kubedeck: nodes.yaml: kind: expected Node, got a list']);
    const yaml = await schedule(`kind: ${deep}\n`);
    expect(yaml.code).toBe(2);
    expect(yaml.err).toHaveLength(1);
    expect(yaml.err[0]).toMatch(/^kubedeck: nodes\.yaml: (line \d+ column \d+: )?invalid YAML: nested too deeply$/);
  });

  it('a long value is cut, not echoed', async () => {
    const r = await schedule(`kind: ${'A'.repeat(5_000_000)}\n`);
    expect(r.code).toBe(2);
    expect(r.err).toHaveLength(1);
    expect(r.err[0]?.length).toBeLessThan(200);
    expect(r.err[0]).toMatch(/^kubedeck: nodes\.yaml: kind: expected Node, got "A{60}… \(5000000 characters\)"$/);
  });
});

describe('CLI: control characters are escaped in everything printed', () => {
  it('a node name with terminal escape sequences, in the table and the errors', async () => {
    const r = await schedule(NODE('evil\u001b[31mRED\u001b[0m\u009b'));
    expect(r.code).toBe(0);
    // nodeIo is what reaches the terminal: it escapes what the commands print.
    const write = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    let text: string;
    try {
      for (const line of r.out) nodeIo.out(line);
      text = write.mock.calls.map((call) => String(call[0])).join('');
    } finally {
      write.mockRestore();
    }
    expect(text).toContain('Selected: evil\\u001b[31mRED\\u001b[0m\\u009b');
    expect(text.includes('\u001b') || text.includes('\u009b')).toBe(false);
    const bad = await schedule(NODE('x').replace('cpu: "2"', 'cpu: "2\u001b[2J"'));
    expect(bad.code).toBe(2);
    expect(bad.err[0]).toContain('invalid quantity "2\\u001b[2J"');
  });
});
