/** `kubedeck trace <scenario> --do TIME~COMMAND`: the sandbox's commands from the command line. */
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import type { CliIo } from '../../src/cli/io.ts';
import { CliError } from '../../src/cli/io.ts';
import { findScenario } from '../../scenes/index.ts';
import { runScenario } from '../../src/sim/run.ts';
import { eventJson } from '../../src/cli/trace-format.ts';

async function run(args: string[]): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { out: (l) => out.push(l), err: (l) => err.push(l), readFile: () => { throw new CliError('no files here'); } };
  return { code: await main(args, io), out, err };
}

describe('kubedeck trace --do', () => {
  it('prints the what-if the app plays for the same commands (JSON lines)', async () => {
    const { code, out } = await run(['trace', 'node-drain', '--json', '--do', '4s~kubectl scale deployment web --replicas=6', '--do', '12500~node power-off worker-3']);
    expect(code).toBe(0);
    const def = findScenario('node-drain');
    if (!def) throw new Error('no node-drain');
    const trace = runScenario(def, { actions: [{ at: 4000, command: 'kubectl scale deployment web --replicas=6' }, { at: 12_500, command: 'node power-off worker-3' }] });
    expect(out).toEqual(trace.events.map(eventJson));
  });

  it("ends the listing with what kubectl printed for each command, errors included", async () => {
    const { code, out } = await run(['trace', 'sandbox', '--do', '5s~kubectl create deployment web --image=nginx --replicas=2', '--do', '6s~kubectl scale deployment api --replicas=2']);
    expect(code).toBe(0);
    expect(out.slice(-4)).toEqual([
      '$ kubectl create deployment web --image=nginx --replicas=2   (t=5.0 s)',
      '  deployment.apps/web created',
      '$ kubectl scale deployment api --replicas=2   (t=6.0 s)',
      '  Error from server (NotFound): deployments.apps "api" not found',
    ]);
  });

  it.each([
    ['x~wait 5', '--do takes TIME~COMMAND'],
    ['5s~', '--do takes TIME~COMMAND'],
    ['kubectl cordon worker-1', '--do takes TIME~COMMAND'],
  ])('refuses %s with one line and exit code 2', async (value, message) => {
    const { code, err } = await run(['trace', 'sandbox', '--do', value]);
    expect(code).toBe(2);
    expect(err).toHaveLength(1);
    expect(err[0]).toContain(message);
  });

  it('refuses commands out of time order', async () => {
    const { code, err } = await run(['trace', 'sandbox', '--do', '9s~wait 1s', '--do', '5s~wait 1s']);
    expect(code).toBe(2);
    expect(err[0]).toContain('time order');
  });
});

describe('kubedeck export --do', () => {
  it('checks its commands before any browser starts', async () => {
    const { code, err } = await run(['export', 'sandbox', '--format', 'png', '--out', '/tmp/never', '--do', 'soon~wait 5s']);
    expect(code).toBe(2);
    expect(err[0]).toContain('export: --do takes TIME~COMMAND');
  });
});
