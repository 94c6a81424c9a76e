#!/usr/bin/env node
// The kubedeck CLI: runs the TypeScript sources through tsx, so `npx kubedeck` works right after `npm ci`.
import { register } from 'tsx/esm/api';

/** Never a stack trace: whatever escapes main (it should not) is one line and exit 1. */
const fail = (e) => {
  const text = e instanceof Error ? e.message : String(e);
  process.stderr.write(`kubedeck: internal error: ${(text.split('\n')[0] ?? '').slice(0, 300)}\n`);
  process.exit(1);
};
process.on('uncaughtException', fail);
process.on('unhandledRejection', fail);

register();
// `kubedeck trace ... | head` closes the pipe early: that is not an error.
process.stdout.on('error', (e) => {
  if (e.code === 'EPIPE') process.exit(0);
  fail(e);
});
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
