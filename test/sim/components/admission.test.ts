import { describe, expect, it } from 'vitest';
import { makePod } from '../../../src/sim/builders.ts';
import { mutatePod } from '../../../src/sim/components/admission.ts';

describe('mutatePod', () => {
  it('adds the default tolerations and the token volume, sharing what every pod gets alike', () => {
    const a = mutatePod(makePod('a'), 'xxxxx', 300);
    const b = mutatePod(makePod('b'), 'yyyyy', 300);
    if (a.object.kind !== 'Pod' || b.object.kind !== 'Pod') throw new Error('not a pod');
    expect(a.object.spec.tolerations).toEqual([
      { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
      { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
    ]);
    expect(a.object.spec.volumes).toEqual([{ name: 'kube-api-access-xxxxx', projected: { sources: ['serviceAccountToken', 'kube-root-ca.crt', 'namespace'] } }]);
    expect(b.object.spec.volumes?.[0]?.name).toBe('kube-api-access-yyyyy');
    expect(a.notes.map((n) => n.en)).toEqual(['DefaultTolerationSeconds: +tolerations not-ready, unreachable (300 s)', 'ServiceAccount: "default" + token volume']);
    expect(a.notes.map((n) => n.ko)).toEqual(['DefaultTolerationSeconds: 톨러레이션 추가 not-ready, unreachable (300초)', 'ServiceAccount: "default" + 토큰 볼륨']);
    // Shared between pods: the same objects, not equal copies.
    expect(b.notes[0]).toBe(a.notes[0]);
    expect(b.notes[1]).toBe(a.notes[1]);
    expect(b.object.spec.tolerations?.[0]).toBe(a.object.spec.tolerations?.[0]);
    // Another tolerationSeconds: its own tolerations and note.
    const plain = makePod('c');
    const c = mutatePod({ ...plain, spec: { ...plain.spec, tolerations: [{ key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 5 }] } }, 'zzzzz', 60);
    if (c.object.kind !== 'Pod') throw new Error('not a pod');
    expect(c.object.spec.tolerations?.map((t) => t.tolerationSeconds)).toEqual([5, 60]);
    expect(c.notes[0]?.en).toBe('DefaultTolerationSeconds: +tolerations not-ready (60 s)');
  });
});
