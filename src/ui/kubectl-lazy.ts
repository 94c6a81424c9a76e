/**
 * The command bar's kubectl (parse, format, complete: src/model/kubectl) stays out of the app's
 * first load: main.ts loads it right after the first frame, with the sandbox that runs the
 * commands. Until then a command is answered "loading" and Tab completes nothing.
 */
import { lazy } from '../lazy.ts';

const kubectl = lazy(() => import('./kubectl-parts.ts'));

export async function loadKubectl(): Promise<void> {
  await kubectl.load();
}

/** The command bar's kubectl if it has loaded (loadKubectl), else undefined. */
export const kubectlNow = kubectl.now;
