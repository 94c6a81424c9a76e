import { describe, expect, it } from 'vitest';
import { complete } from '../../../src/model/kubectl/complete.ts';
import { cluster } from './cluster.ts';

const at = (line: string): string[] => complete(line, line.length, cluster);

describe('completion of the word at the cursor', () => {
  it('verbs, sorted, with or without kubectl', () => {
    expect(at('')).toEqual(['apply', 'cordon', 'create', 'delete', 'drain', 'etcd', 'expose', 'kubelet', 'label', 'node', 'rollout', 'run', 'scale', 'set', 'taint', 'uncordon', 'wait']);
    expect(at('kubectl s')).toEqual(['scale', 'set']);
    expect(at('k dr')).toEqual(['drain']);
  });

  it('subcommands', () => {
    expect(at('kubectl rollout ')).toEqual(['status', 'undo']);
    expect(at('node p')).toEqual(['power-off', 'power-on']);
    expect(at('kubectl create d')).toEqual(['deployment']);
  });

  it('resource types (with short names) the verb takes', () => {
    expect(at('kubectl scale ')).toEqual(['deploy', 'deployment', 'deployments', 'replicaset', 'replicasets', 'rs']);
    expect(at('kubectl delete s')).toEqual(['service', 'services', 'svc']);
  });

  it('names present in the cluster for the type typed', () => {
    expect(at('kubectl scale deploy ')).toEqual(['api', 'web']);
    expect(at('kubectl scale deploy/w')).toEqual(['deploy/web']);
    expect(at('kubectl delete pod web-')).toEqual(['web-7d4b9c-abcde', 'web-7d4b9c-fghij']);
    expect(at('kubectl delete pod debug ')).toEqual(['web-7d4b9c-abcde', 'web-7d4b9c-fghij']);
    expect(at('kubectl rollout undo deployment ')).toEqual(['api', 'web']);
    expect(at('kubectl set image deployment/')).toEqual(['deployment/api', 'deployment/web']);
  });

  it('nodes for node commands, members for etcd', () => {
    expect(at('kubectl cordon ')).toEqual(['control-plane', 'worker-1', 'worker-2']);
    expect(at('kubectl drain w')).toEqual(['worker-1', 'worker-2']);
    expect(at('kubectl taint nodes ')).toEqual(['control-plane', 'worker-1', 'worker-2']);
    expect(at('node power-off worker-')).toEqual(['worker-1', 'worker-2']);
    expect(at('etcd stop ')).toEqual(['etcd-1', 'etcd-2', 'etcd-3']);
    expect(at('kubectl cordon worker-1 ')).toEqual([]);
  });

  it("the verb's flags and a flag's values", () => {
    expect(at('kubectl drain worker-1 --')).toEqual(['--delete-emptydir-data', '--force', '--grace-period', '--ignore-daemonsets', '--namespace']);
    expect(at('kubectl drain worker-1 --i')).toEqual(['--ignore-daemonsets']);
    expect(at('kubectl expose deploy web --type ')).toEqual(['ClusterIP', 'NodePort']);
    expect(at('kubectl scale -n ')).toEqual(['default']);
    expect(at('kubectl expose deploy web --type=N')).toEqual(['--type=NodePort']);
    // a flag's value is not taken for a resource type
    expect(at('kubectl scale --replicas 3 ')).toEqual(['deploy', 'deployment', 'deployments', 'replicaset', 'replicasets', 'rs']);
  });

  it('completes the word the cursor is in, not the end of the line', () => {
    const line = 'kubectl scale deploy/w --replicas=3';
    expect(complete(line, 'kubectl scale deploy/w'.length, cluster)).toEqual(['deploy/web']);
    expect(complete(line, 'kubectl sc'.length, cluster)).toEqual(['scale']);
  });

  it('nothing for an unknown verb or free-form arguments', () => {
    expect(at('kubectl sacle ')).toEqual([]);
    expect(at('kubectl run ')).toEqual([]);
    expect(at('wait ')).toEqual([]);
  });
});
