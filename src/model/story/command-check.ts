/**
 * Load-time check of a step's commands. The parser (src/model/kubectl/parse.ts) checks names
 * against a cluster, so the file's own nodes and objects stand in for it. A command naming an
 * object the file does not seed (NotFound) is accepted: earlier commands may create it, and
 * pods get their names only when the simulation makes them (checked again when the step runs).
 * Nodes cannot appear later, so an unknown node is a mistake in the file.
 */
import { parseCommand } from '../kubectl/parse.ts';
import type { ClusterNames } from '../kubectl/cluster-names.ts';
import type { Words } from './bilingual.ts';

const NOT_FOUND = /^Error from server \(NotFound\): (\S+) "/;

/** undefined when the command is well formed; else kubectl's answer, in both languages. */
export function commandProblem(command: string, names: ClusterNames): Words | undefined {
  const parsed = parseCommand(command, names);
  // A step's commands start together; time between them is the next step's `after`.
  if (parsed.ok && parsed.action.kind === 'wait') {
    return { en: 'in a file, time passes between steps: give the next step `after:` (e.g. after: 30s) instead of `wait`', ko: '파일에서는 단계 사이에 시간이 흐릅니다. `wait` 대신 다음 단계에 `after:`(예: after: 30s)를 쓰세요' };
  }
  if (parsed.ok) return undefined;
  const m = NOT_FOUND.exec(parsed.error);
  if (m !== null && m[1] !== 'nodes') return undefined;
  const first = parsed.error.split('\n')[0] ?? parsed.error;
  return { en: `not a command kubedeck can run: ${first}`, ko: `kubedeck이 실행할 수 없는 명령입니다: ${first}` };
}
