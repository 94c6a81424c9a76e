// The step a learner's command adds says its counts as people read them: 3,000 pods, not 3000.
import { describe, expect, it } from 'vitest';
import { parseCommand } from '../../../src/model/kubectl/parse.ts';
import { configFor } from '../../../src/sim/core/config.ts';
import { narrateAction } from '../../../src/sim/sandbox/captions.ts';

const names = { pods: [], deployments: ['web'], replicasets: ['web-5d8f7c'], services: [], nodes: ['worker-1'], etcdMembers: [] };

function captionOf(line: string): { en: string; ko: string } {
  const parsed = parseCommand(line, names);
  if (!parsed.ok) throw new Error(parsed.error);
  return narrateAction(line, parsed.action, configFor('1.37')).caption;
}

describe('a command step’s caption groups the digits of its counts', () => {
  it('create deployment with thousands of replicas', () => {
    const caption = captionOf('kubectl create deployment shop --image=nginx --replicas=3000');
    expect(caption.en).toContain('(replicas: 3,000)');
    expect(caption.ko).toContain('POST합니다(replicas: 3,000)');
  });

  it('create deployment does not promise its own count of pods: a scale given right after is already in the ReplicaSet', () => {
    const caption = captionOf('kubectl create deployment shop --image=nginx --replicas=1');
    expect(caption.en).toContain('the ReplicaSet controller creates the pods it asks for');
    expect(caption.en).not.toMatch(/creates 1 pod/);
    expect(caption.ko).toContain('레플리카셋이 원하는 수만큼 파드를 만들고');
  });

  it('scale a Deployment and a ReplicaSet; the Korean particle follows the number as read (3,000 삼천으로, 1,500 오백으로)', () => {
    const deployment = captionOf('kubectl scale deployment web --replicas=3000');
    expect(deployment.en).toContain('to 3,000.');
    expect(deployment.ko).toContain('3,000으로 PATCH');
    const replicaset = captionOf('kubectl scale replicaset web-5d8f7c --replicas=1500');
    expect(replicaset.en).toContain('to 1,500 replicas');
    expect(replicaset.ko).toContain('1,500으로 PATCH');
  });

  it('small counts read as before', () => {
    expect(captionOf('kubectl create deployment shop --image=nginx --replicas=1').en).toContain('(replicas: 1)');
    expect(captionOf('kubectl scale deployment web --replicas=6').ko).toContain('6으로 PATCH');
  });
});
