// A NotFound names the object kube-apiserver was asked about, so the simulation can send the
// request and show the 404 coming back; kubectl's own refusals name none.
import { describe, expect, it } from 'vitest';
import { parseCommand } from '../../../src/model/kubectl/parse.ts';
import { printedType, type ResourceType } from '../../../src/model/kubectl/resources.ts';

const names = { pods: ['web-1'], deployments: ['web'], replicasets: [], services: [], nodes: ['worker-1'], etcdMembers: [] };

describe('NotFound carries the missing object', () => {
  it.each([
    ['kubectl delete pod ghost', { resource: 'pod', name: 'ghost' }],
    ['kubectl scale deploy api --replicas=2', { resource: 'deployment', name: 'api' }],
    ['node power-off worker-9', { resource: 'node', name: 'worker-9' }],
    ['kubectl cordon worker-9', { resource: 'node', name: 'worker-9' }],
  ])('%s', (line, missing) => {
    const result = parseCommand(line, names);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.missing).toEqual(missing);
  });

  it('kubectl’s own refusals name nothing', () => {
    const result = parseCommand('kubectl sacle deploy web', names);
    expect(!result.ok && result.missing).toBeUndefined();
  });
});

describe('printedType', () => {
  it('is resource.group as kubectl prints it', () => {
    const types: readonly ResourceType[] = ['pod', 'deployment', 'replicaset', 'service', 'node', 'daemonset'];
    expect(types.map(printedType)).toEqual(['pod', 'deployment.apps', 'replicaset.apps', 'service', 'node', 'daemonset.apps']);
  });
});
