/** Flags are read strictly: decimal integers, supported Kubernetes versions, real parameter names. */
import { describe, expect, it } from 'vitest';
import type { CliIo } from '../../src/cli/io.ts';
import { main } from '../../src/cli/main.ts';

async function cli(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { out: (l) => out.push(l), err: (l) => err.push(l), readFile: () => '' };
  const code = await main(args, io);
  return { code, out, err };
}

describe('CLI flags', () => {
  it('--seed takes a decimal whole number only', async () => {
    for (const seed of ['--seed=', '--seed=0x1f', '--seed=1e3', '--seed=3.0', '--seed= 7']) {
      const r = await cli(['trace', 'pod-creation', seed]);
      expect(r.code, seed).toBe(2);
      expect(r.err[0], seed).toMatch(/^kubedeck: trace: --seed must be a whole number, got ".*"$/);
    }
    expect((await cli(['trace', 'pod-creation', '--seed', '31'])).out[0]).toContain('seed 31,');
    expect((await cli(['schedule', '--nodes', 'n', '--pod', 'p', '--seed', '0x1f'])).err).toEqual(['kubedeck: schedule: --seed must be a whole number, got "0x1f"']);
  });

  it('--param integers are decimal too', async () => {
    const r = await cli(['trace', 'node-failure', '--param', 'replicas=0x3']);
    expect(r.code).toBe(2);
    expect(r.err).toEqual(['kubedeck: trace: replicas: expected a whole number from 2 to 9, got "0x3"']);
    expect((await cli(['trace', 'node-failure', '--param', 'replicas=3'])).code).toBe(0);
  });

  it('--param __proto__ and constructor are refused the same way as any unknown name', async () => {
    for (const name of ['__proto__', 'constructor', 'toString']) {
      const r = await cli(['trace', 'node-failure', '--param', `${name}=1`]);
      expect(r.code, name).toBe(2);
      expect(r.err, name).toEqual([`kubedeck: trace: scenario "node-failure" has no parameter "${name}" (it has: replicas, nodeReturns)`]);
    }
    expect((await cli(['trace', 'node-failure', '--param', 'replicas=3', '--param', 'replicas=4'])).err).toEqual(['kubedeck: trace: --param "replicas" is given twice']);
  });

  it('--k8s only from the supported list, which the message names', async () => {
    for (const version of ['1.31x', '1.0', '1.99', '', 'latest']) {
      for (const command of [['trace', 'pod-creation'], ['schedule', '--nodes', 'n', '--pod', 'p']]) {
        const r = await cli([...command, `--k8s=${version}`]);
        expect(r.code, version).toBe(2);
        expect(r.err[0], version).toContain(`Kubernetes version "${version}" is not supported; supported versions: 1.31, 1.32, 1.33, 1.34, 1.35, 1.36, 1.37`);
      }
    }
  });

  it('export checks --fps strictly, before any browser', async () => {
    expect((await cli(['export', 'pod-creation', '--format', 'gif', '--out', '/tmp/x.gif', '--fps', '0x1e'])).err).toEqual(['kubedeck: export: --fps must be a whole number, got "0x1e"']);
  });

  it('a bad value is cut and escaped in the message, never a stack', async () => {
    const r = await cli(['trace', `pod-${'x'.repeat(10_000)}\u001b[2J`]);
    expect(r.code).toBe(2);
    expect(r.err[0]?.length).toBeLessThan(400);
    expect(r.err[0]).not.toContain('\u001b');
  });
});
