import { describe, expect, it } from 'vitest';
import { replicasAsked } from '../../../src/model/kubectl/replicas-asked.ts';
import { action } from './cluster.ts';

describe('replicasAsked: the replica count a command line asks for, from its words alone', () => {
  // Every form kubectl takes, as the parser reads it: the two must agree.
  const forms = [
    'kubectl create deployment shop --image=nginx --replicas=3000',
    'create deploy shop --image nginx --replicas 3000',
    'k create deployment shop --image=nginx -r 3000',
    'kubectl create deployment shop --image=nginx -r=3000',
    'kubectl create deployment shop --image=nginx -r3000',
    'kubectl scale deployment web --replicas=3000',
    'kubectl scale deployment/web --replicas 3000',
    "kubectl scale deployment web '--replicas=3000'",
    'kubectl scale replicaset web-7d4b9c --replicas=2 --replicas=3000',
  ];
  for (const line of forms) {
    it(line, () => {
      const parsed = action(line);
      expect('replicas' in parsed ? parsed.replicas : undefined).toBe(3000);
      expect(replicasAsked(line)).toBe(3000);
    });
  }

  it('is 0 for a command that asks for no replicas, or not as a plain count', () => {
    expect(replicasAsked('kubectl cordon worker-1')).toBe(0);
    expect(replicasAsked('node power-off worker-2')).toBe(0);
    expect(replicasAsked('kubectl create deployment shop --image=nginx')).toBe(0);
    expect(replicasAsked('kubectl scale deployment web --replicas=')).toBe(0);
    expect(replicasAsked('kubectl scale deployment web --replicas=0x10')).toBe(0);
    expect(replicasAsked('kubectl scale deployment web --replicas')).toBe(0);
    // After a bare "--" words are arguments, not flags.
    expect(replicasAsked('kubectl run web --image=nginx -- --replicas=5000')).toBe(0);
    // A label or image that merely contains the word.
    expect(replicasAsked('kubectl label node worker-1 replicas=5000')).toBe(0);
    expect(replicasAsked('kubectl create deployment replicas-5000 --image=nginx')).toBe(0);
  });

  it('takes the largest when a line repeats the flag (kubectl keeps the last; a big one anywhere is worth slices)', () => {
    expect(replicasAsked('kubectl scale deployment web --replicas=5000 --replicas=2')).toBe(5000);
  });
});
