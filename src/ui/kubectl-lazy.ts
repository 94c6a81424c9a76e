/**
 * The command bar's kubectl (parse, format, complete: src/model/kubectl) stays out of the app's
 * first load: main.ts loads it right after the first frame, with the sandbox that runs the
 * commands. Until then a command is answered "loading" and Tab completes nothing.
 */
import type * as KubectlParts from './kubectl-parts.ts';

type Kubectl = typeof KubectlParts;

let kubectl: Kubectl | undefined;
let loading: Promise<void> | undefined;

export function loadKubectl(): Promise<void> {
  loading ??= import('./kubectl-parts.ts').then((m) => {
    kubectl = m;
  });
  return loading;
}

/** The command bar's kubectl if it has loaded (loadKubectl), else undefined. */
export function kubectlNow(): Kubectl | undefined {
  return kubectl;
}
