#!/usr/bin/env node
// The kubedeck CLI: runs the TypeScript sources through tsx, so `npx kubedeck` works right after `npm ci`.
import { register } from 'tsx/esm/api';

register();
// `kubedeck trace ... | head` closes the pipe early: that is not an error.
process.stdout.on('error', (e) => {
  if (e.code === 'EPIPE') process.exit(0);
  throw e;
});
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
