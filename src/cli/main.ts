/** The kubedeck CLI: `kubedeck list | trace | schedule | export`. Only export needs a browser. */
import { exportCommand } from './export.ts';
import { listCommand } from './list.ts';
import type { CliIo } from './io.ts';
import { CliError, EXIT_INTERNAL, EXIT_OK, EXIT_USAGE } from './io.ts';
import { readInputFile } from './read-input.ts';
import { cut, escapeControls, shownValue } from '../model/shown-value.ts';
import { scheduleCommand } from './schedule.ts';
import { traceCommand } from './trace.ts';

const USAGE = `usage: kubedeck <command>

  list                                   the scenarios, in learning-path order
  trace <scenario|file.yaml> [--seed N] [--k8s 1.31…1.37] [--lang ko|en] [--json] [--verbose] [--param name=value] [--do TIME~COMMAND]
                                         what happens in the cluster, step by step (a scenario file: docs/scenario-files.md)
  schedule --nodes FILE --pod FILE [--pods FILE] [--workloads FILE] [--config FILE] [--json] [--seed N] [--k8s 1.31…1.37]
                                         how kube-scheduler would place a pod, plugin by plugin
  export <scenario|file.yaml> --format png|webm|mp4|gif --out FILE|DIR [--size 1280x720] [--fps 30] [--lang en|ko]
         [--theme dark|light|contrast] [--steps 2-5] [--captions] [--k8s 1.31…1.37] [--param name=value] [--do TIME~COMMAND]
                                         images (one PNG per step) or a video, made in headless Chromium`;

/** Lines as a terminal may show them: control characters and escape sequences from the data written as \u escapes. */
const printable = (text: string): string => text.split('\n').map(escapeControls).join('\n');

export const nodeIo: CliIo = {
  out: (line) => process.stdout.write(`${printable(line)}\n`),
  err: (line) => process.stderr.write(`${printable(line)}\n`),
  readFile: (path) => readInputFile(path),
};

/** One line per message line, none longer than a screenful: an error never echoes a whole file. */
const messageText = (message: string): string =>
  message
    .split('\n')
    .map((line) => cut(line, 600))
    .join('\n');

export async function main(argv: readonly string[], io: CliIo = nodeIo): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'list':
        return listCommand(rest, io);
      case 'trace':
        return traceCommand(rest, io);
      case 'schedule':
        return await scheduleCommand(rest, io);
      case 'export':
        return await exportCommand(rest, io);
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        io.out(USAGE);
        return command === undefined ? EXIT_USAGE : EXIT_OK;
      default:
        throw new CliError(`unknown command ${shownValue(command)}\n${USAGE}`);
    }
  } catch (e) {
    if (e instanceof CliError) {
      io.err(`kubedeck: ${messageText(e.message)}`);
      return EXIT_USAGE;
    }
    // Anything else is kubedeck's own fault: still one line, never a stack trace.
    const what = e instanceof RangeError ? 'ran out of stack (input nested too deeply?)' : e instanceof Error ? e.message : String(e);
    io.err(`kubedeck: ${cut(escapeControls(command ?? ''), 40)}: internal error: ${cut((what.split('\n')[0] ?? '').trim(), 300)}`);
    return EXIT_INTERNAL;
  }
}
