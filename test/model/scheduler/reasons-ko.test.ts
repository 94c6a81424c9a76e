import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { reasonKo, reasonsKo } from '../../../src/model/scheduler/reasons-ko.ts';
import { ERR_REASON_UNTOLERATED_GENERIC } from '../../../src/model/scheduler/plugins/taint-toleration.ts';

describe("kube-scheduler's Filter reasons for a Korean reader", () => {
  it('says what each reason means, counting nodes first (대)', () => {
    expect(reasonsKo('2 Too many pods', 2)).toBe('노드 2대 모두 파드 수 초과');
    expect(reasonsKo('2 Too many pods', 3)).toBe('노드 2대 파드 수 초과');
    expect(reasonsKo('1 node(s) had untolerated taint(s), 3 Insufficient memory', 4)).toBe('노드 1대 허용하지 않은 테인트, 노드 3대 메모리 부족');
  });

  it('does not split a taint whose braces hold a comma', () => {
    expect(reasonsKo('1 node(s) had untolerated taint {a: b, c: d}, 2 Insufficient cpu', 3)).toBe('노드 1대 허용하지 않은 테인트, 노드 2대 CPU 부족');
  });

  it('glosses the reasons the simulated plugins give, and leaves one it does not know in English', () => {
    expect(reasonKo(ERR_REASON_UNTOLERATED_GENERIC)).toBe('허용하지 않은 테인트');
    expect(reasonKo('node(s) were unschedulable')).toBe('스케줄 불가로 표시됨(cordon)');
    expect(reasonKo("node(s) didn't match Pod's node affinity/selector")).toBe('노드 어피니티/셀렉터 불일치');
    expect(reasonKo('Insufficient example.com/gpu')).toBe('example.com/gpu 부족');
    expect(reasonKo('node(s) had volume node affinity conflict')).toBeUndefined();
    expect(reasonsKo('1 node(s) had volume node affinity conflict', 1)).toBe('노드 1대 모두 node(s) had volume node affinity conflict');
  });

  it('has a meaning for every reason a Filter plugin exports (a new one cannot fall back to English unnoticed)', async () => {
    const dir = join(import.meta.dirname, '../../../src/model/scheduler/plugins');
    const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts'));
    const reasons: string[] = [];
    for (const f of files) {
      const mod = (await import(join(dir, f))) as Record<string, unknown>;
      for (const [name, value] of Object.entries(mod)) if (name.startsWith('ERR_REASON') && typeof value === 'string') reasons.push(value);
    }
    expect(reasons.length).toBeGreaterThan(8);
    for (const r of reasons) expect(reasonKo(r), r).toBeDefined();
  });
});
