import type { ClusterNames } from '../../../src/model/kubectl/cluster-names.ts';
import { parseCommand, type ParseResult } from '../../../src/model/kubectl/parse.ts';
import type { SandboxAction } from '../../../src/model/kubectl/actions.ts';

export const cluster: ClusterNames = {
  pods: ['web-7d4b9c-abcde', 'web-7d4b9c-fghij', 'debug'],
  deployments: ['web', 'api'],
  replicasets: ['web-7d4b9c', 'api-5f6a7b'],
  services: ['web'],
  nodes: ['control-plane', 'worker-1', 'worker-2'],
  etcdMembers: ['etcd-1', 'etcd-2', 'etcd-3'],
};

export function action(line: string): SandboxAction {
  const result: ParseResult = parseCommand(line, cluster);
  if (!result.ok) throw new Error(`expected "${line}" to parse, got: ${result.error}`);
  return result.action;
}

export function error(line: string): string {
  const result = parseCommand(line, cluster);
  if (result.ok) throw new Error(`expected "${line}" to fail, got ${JSON.stringify(result.action)}`);
  return result.error;
}
