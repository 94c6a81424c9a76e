/**
 * The sandbox's answer time: from submitting a command in the bar to the first frame of the
 * what-if (the re-run, the new player, the seek and the frame that reaches the screen). A
 * harmless `kubectl label nodes <first node> benchN=1` (`wait 10s` where no worker node is drawn)
 * at the start of successive steps, so each run has one more command, later than the last.
 */
import type { Page } from 'playwright-core';

/** Milliseconds per submitted command; NaN for one the app refused. */
export function actionLatencies(page: Page, count: number): Promise<number[]> {
  // Source text, not a function: tsx would wrap named helpers in `__name`, which the page lacks.
  return page.evaluate(`(async () => {
    const app = window.__kubedeck;
    const player = app && app.player();
    const trace = app && app.trace && app.trace();
    const form = document.querySelector('[data-testid=command-bar]');
    const input = document.querySelector('[data-testid=command-input]');
    if (!app || !player || !trace || !form || !input) throw new Error('the app is not ready');
    const node = trace.topology.nodes[0];
    // The command code loads just after the first frame; nobody types within the first second.
    await new Promise((r) => setTimeout(r, 1000));
    const out = [];
    for (let i = 0; i < ${Number(count)}; i++) {
      const steps = app.player().steps.length;
      app.player().gotoStep(Math.min(steps - 1, i + 1));
      await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
      const loads = app.loads();
      input.value = node ? 'kubectl label nodes ' + node + ' bench' + i + '=1' : 'wait 10s';
      const start = performance.now();
      form.requestSubmit();
      // Frame by frame until the what-if is on screen (the first command may wait on code that
      // loads after the first frame); NaN for a command refused or not answered within 3 s.
      do await new Promise((r) => requestAnimationFrame(r));
      while (app.loads() === loads && performance.now() - start < 3000);
      out.push(app.loads() === loads + 1 ? performance.now() - start : NaN);
      app.player().pause();
    }
    return out;
  })()`);
}
