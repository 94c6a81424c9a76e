/**
 * kubedeck's own messages read in Korean on a Korean page; kubectl's and the API server's stay as
 * they print. Every kubedeck message errors.ts and pod-budget.ts can make is matched (a reworded
 * English text would otherwise fall back to English unnoticed).
 */
import { describe, expect, it } from 'vitest';
import * as errors from '../../../src/model/kubectl/errors.ts';
import { kubedeckLineKo, kubedeckMessage } from '../../../src/model/kubectl/kubedeck-errors-ko.ts';
import { podBudgetError } from '../../../src/sim/sandbox/pod-budget.ts';

const HANGUL = /[\uac00-\ud7a3]/;

describe("kubedeck's own messages in Korean", () => {
  const own: readonly [string, string][] = [
    ['notInSandbox', errors.notInSandbox('run', '"kubectl get"')],
    ['unexpectedArguments', errors.unexpectedArguments('run', ['sleep', '3600'])],
    ['oneTargetOnly', errors.oneTargetOnly('scale')],
    ['notKubectl', errors.notKubectl('node power-off')],
    ['kubectlWait', errors.kubectlWait()],
    ['invalidDuration', errors.invalidDuration('-5s')],
    ['labelOneType', errors.labelOneType()],
    ['emptyCommand', errors.emptyCommand()],
    ['unterminatedQuote', errors.unterminatedQuote('"')],
    ['etcdMemberNotFound', errors.etcdMemberNotFound('etcd-9')],
    ['podBudgetError', podBudgetError(999_999)],
  ];

  it.each(own)('%s reads in Korean, keeping what the learner typed', (_name, en) => {
    const ko = kubedeckLineKo(en);
    expect(ko).not.toBe(en);
    expect(ko).toMatch(HANGUL);
  });

  it('keeps the names and numbers of the English', () => {
    expect(kubedeckLineKo(errors.notKubectl('node power-off'))).toContain('"node power-off"');
    expect(kubedeckLineKo(podBudgetError(999_999))).toBe('kubedeck: 샌드박스는 브라우저에서 파드를 10,000개까지만 시뮬레이션합니다. 이 명령을 실행하면 클러스터 전체 파드가 999,999개가 됩니다');
    expect(kubedeckLineKo(errors.kubectlWait())).toContain('"wait 30s"');
    // No English verb inside the Korean: "run" is said in Korean.
    expect(kubedeckLineKo(errors.notInSandbox('run', '"kubectl get"'))).toBe('오류: kubedeck 샌드박스에서는 "kubectl get" 명령을 실행할 수 없습니다');
  });

  it("leaves kubectl's and the API server's own errors as they print, and English pages alone", () => {
    const kubectl = 'error: unknown command "scael" for "kubectl"';
    expect(kubedeckLineKo(kubectl)).toBe(kubectl);
    expect(kubedeckLineKo('Error from server (NotFound): deployments.apps "nope" not found')).toBe('Error from server (NotFound): deployments.apps "nope" not found');
    expect(kubedeckMessage(errors.oneTargetOnly('scale'), 'en')).toBe(errors.oneTargetOnly('scale'));
    // Line by line: kubectl's usage lines after kubedeck's own stay as they are.
    expect(kubedeckMessage(`${errors.emptyCommand()}\nSee 'kubectl -h'`, 'ko')).toBe("오류: 입력한 명령이 없습니다\nSee 'kubectl -h'");
  });
});
