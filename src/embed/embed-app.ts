/**
 * The embed view (embed.html, or index.html?embed=1): the stage, the captions and a choice of
 * controls, without the app's chrome, for iframes, <kube-deck> and slides. It stays still until
 * its frame is visible, pauses when hidden, and answers the postMessage protocol (protocol.ts).
 */
import './embed.css';
import type { Lang } from '../model/localized.ts';
import type { ScenarioParams } from '../sim/scenario.ts';
import type { Trace } from '../sim/trace.ts';
import type { TimedCommand } from '../sim/sandbox/timed-command.ts';
import type { ExportOptions, ExportRequest, ExportResult } from '../export/options.ts';
import { nextSpeed, type PlayerApi, type PlayerState } from '../timeline/player-api.ts';
import type { AppHandle } from '../ui/app.ts';
import { createCaptions } from '../ui/captions.ts';
import { createControls } from '../ui/controls.ts';
import { createBackgroundToggle } from '../ui/background-toggle.ts';
import { createLegend } from '../ui/legend.ts';
import { nextBackground, type BackgroundMode } from '../render/background-mode.ts';
import { el, errorText } from '../ui/dom.ts';
import { createGlossaryTip } from '../ui/glossary-tip.ts';
import { t } from '../ui/i18n.ts';
import { bindKeyboard, type KeyCommand } from '../ui/keyboard.ts';
import { createNotice, type NoticeLabels } from '../ui/notice.ts';
import type { AppDeps, ScenarioEntry, StagePort } from '../ui/ports.ts';
import { loadedEntry } from '../ui/scenario-entry.ts';
import { applyTheme, prefersReducedMotion, watchReducedMotion, type ThemeName } from '../ui/theme.ts';
import { browserDefaults, clip, linkParams, resolveStep, type UrlIssue, type ViewState } from '../ui/url-state.ts';
import { storyFromLink } from '../ui/story/load-story.ts';
import { pageOriginsMeta } from '../ui/story/fetch-file.ts';
import { connectHost, type Reply } from './host-link.ts';
import { forwardKeys } from './host-keys.ts';
import { validateLoad, type LoadRequest } from './load-request.ts';
import { parseEmbedParams, type EmbedIssue } from './params.ts';
import { createCoalescer, createRateLimit } from './flood.ts';
import { createPlayGate } from './play-gate.ts';
import type { Command, EmbedStatus } from './protocol.ts';
import { createStartOverlay } from './start-overlay.ts';
import { captionRoom } from './caption-room.ts';
import { embedText, issueLines, issueText } from './strings.ts';
import { watchVisibility } from './visibility.ts';
import { afterPaint } from '../ui/after-paint.ts';
import { clockReached, layOutInSlices, runInSlices } from '../ui/run-in-slices.ts';
import { commandsRunLong } from '../ui/long-run.ts';

/** Commands other than lang/theme: a burst of this many, then this many a second (a scrubbing host sends ~60). */
const COMMAND_BURST = 240;
const COMMANDS_PER_SECOND = 120;
/** Why a host's `load` of a big cluster did not show: the host sent another `load` while it ran. */
const SUPERSEDED = 'a later load replaced it';

export function startEmbed(root: HTMLElement, deps: AppDeps): AppHandle {
  const html = document.documentElement;
  const options = parseEmbedParams(location.search, browserDefaults(deps));
  const parsed = options.view;
  let lang: Lang = parsed.lang;
  let theme: ThemeName = parsed.theme;
  let scenario: ScenarioEntry = parsed.scenario;
  let params: ScenarioParams = parsed.params;
  let k8s = parsed.k8s;
  /** The link's what-if (`do=`), kept while its scenario is shown; a host's `load` runs plain. */
  let actions: readonly TimedCommand[] = parsed.actions;
  let speed = options.speed;
  let loop = options.loop;
  const issues: EmbedIssue[] = [...options.issues];
  let stage: StagePort | undefined;
  let player: PlayerApi | undefined;
  let unsubscribe: (() => void) | undefined;
  let lastState: PlayerState | undefined;
  let loadCount = 0;
  let step = 0;
  let loading = false;

  // --- layout ---
  const tip = createGlossaryTip();
  const notice = createNotice();
  const captions = createCaptions(tip);
  const room = captionRoom(captions.element);
  const overlay = createStartOverlay(() => gate.press());
  // Nothing animates before the frame is seen (or pressed), nor while it is hidden.
  const gate = createPlayGate(() => player, { autoplay: options.autoplay, onStart: () => overlay.hide() });
  const controls = createControls(
    {
      toggle: () => gate.toggle(),
      stepBack: () => player?.stepBack(),
      stepForward: () => stepForward(),
      restart: () => player?.restart(),
      end: () => player?.end(),
      seek: (time) => player?.seek(time),
      gotoStep: (index) => player?.gotoStep(index),
      setSpeed: (next) => setSpeed(next),
      setLoop: (next) => setLoop(next),
    },
    lang,
  );
  // Background traffic (background=show|quiet|hide) and, with controls=full, the legend and the toggle.
  let background: BackgroundMode = parsed.background;
  const legend = createLegend(lang, theme);
  const backgroundToggle = createBackgroundToggle(() => setBackground(nextBackground(background)));
  if (options.controls === 'full') controls.addOptions(backgroundToggle.element, legend.button);
  const setBackground = (next: BackgroundMode): void => {
    background = next;
    backgroundToggle.set(background, lang);
    stage?.setBackground(background);
  };
  const stageHost = el('div', { class: 'stage', 'data-testid': 'stage' });
  html.classList.add('is-embed');
  root.replaceChildren(
    el(
      'div',
      { class: `embed embed--controls-${options.controls}`, 'data-controls': options.controls },
      el('main', { class: 'stage-wrap' }, stageHost, overlay.element, notice.element, options.controls === 'full' ? legend.element : null),
      captions.element,
      options.controls === 'none' ? null : controls.element,
    ),
    tip.element,
  );

  const status = (): EmbedStatus => {
    const state = player?.getState();
    return {
      scenario: scenario.id,
      step: state?.step ?? step,
      steps: player?.steps.length ?? 0,
      time: state?.time ?? 0,
      duration: state?.duration ?? 0,
      playing: state?.playing ?? false,
      speed,
      lang,
      theme,
    };
  };

  const host = connectHost(window, options.origins, (command, reply) => execute(command, reply));

  const noticeLabels = (): NoticeLabels => ({ dismiss: t(lang, 'dismiss'), reopen: t(lang, 'noticeReopen') });
  const showIssues = (): void => {
    // An embed has no top bar to tuck the notice into: it stays until dismissed (the host's link is wrong).
    notice.show(embedText(lang, 'embedNotice'), issues.flatMap((issue) => issueLines(lang, issue, scenario.title[lang])), noticeLabels(), false);
  };

  const applyLang = (): void => {
    html.lang = lang;
    document.title = `kubedeck · ${scenario.title[lang]}`;
    controls.setLang(lang);
    backgroundToggle.set(background, lang);
    legend.setLang(lang);
    overlay.setText(lang, scenario.title[lang]);
    if (lastState && player) captions.update(lastState, player.steps, lang);
    if (player) room.reserve(player.steps.map((s) => s.caption[lang]));
    showIssues();
  };

  // lang and theme restyle everything: a flood of them applies once per frame, the last one winning.
  let shownLang = lang;
  let shownTheme = theme;
  const restyle = createCoalescer(() => {
    if (theme !== shownTheme) {
      shownTheme = theme;
      legend.setTheme(theme);
      applyTheme(html, theme);
      void stage?.setTheme(theme);
    }
    if (lang !== shownLang) {
      shownLang = lang;
      void stage?.setLang(lang);
      applyLang();
    }
  });

  /** The status reports the new language at once; the page follows on the next frame. */
  const setLang = (next: Lang): void => {
    lang = next;
    restyle.request();
  };

  const setTheme = (next: ThemeName): void => {
    theme = next;
    restyle.request();
  };

  // Other commands: bursts pass, a flood is refused (each with an error) instead of blocking the page.
  const limit = createRateLimit(COMMAND_BURST, COMMANDS_PER_SECOND);

  const setSpeed = (next: number): void => {
    speed = next;
    player?.setSpeed(next);
  };

  const setLoop = (next: boolean): void => {
    loop = next;
    player?.setLoop(next);
  };

  const onState = (state: PlayerState): void => {
    const endedNow = state.ended && !(lastState?.ended ?? false);
    lastState = state;
    controls.update(state);
    if (player) captions.update(state, player.steps, lang);
    if (state.step !== step) {
      step = state.step;
      if (!loading) host.broadcast({ type: 'stepchange', ...status() });
    }
    if (endedNow && !loading) host.broadcast({ type: 'ended', ...status() });
  };

  /** The scenario's trace, or an error message when the simulation refuses. */
  const run = (entry: ScenarioEntry, nextParams: ScenarioParams, nextK8s: string, withActions: readonly TimedCommand[] = []): { trace: Trace } | { error: string } => {
    const def = entry.loaded();
    if (!def) return { error: `${entry.id} has not loaded` };
    try {
      return { trace: deps.run(def, { seed: deps.seed, k8sVersion: nextK8s, params: nextParams, ...(withActions.length > 0 ? { actions: withActions } : {}) }) };
    } catch (error) {
      return { error: errorText(error) };
    }
  };

  /**
   * A big cluster's first run (its scenario says it runs long), as the app runs it: in slices,
   * the frame live and the caption saying how far the cluster's clock got. The host hears
   * nothing until `ready`, as for any first load.
   */
  const runLive = async (entry: ScenarioEntry, nextParams: ScenarioParams, nextK8s: string, withActions: readonly TimedCommand[], cancelled: () => boolean = () => false): Promise<{ trace: Trace } | { error: string }> => {
    const def = entry.loaded();
    if (!def) return { error: `${entry.id} has not loaded` };
    try {
      const started = deps.startRun(def, { seed: deps.seed, k8sVersion: nextK8s, params: nextParams, ...(withActions.length > 0 ? { actions: withActions } : {}) });
      const say = (ms: number): void => captions.showMessage(t(lang, 'loading'), t(lang, 'clockAt', { time: clockReached(ms) }));
      const trace = await runInSlices(started, { progress: say, cancelled });
      return trace === undefined ? { error: SUPERSEDED } : { trace };
    } catch (error) {
      return { error: errorText(error) };
    }
  };

  /** The trace on the stage, for export (the same frames, rendered off screen). */
  let current: Trace | undefined;

  /** Shows a trace at 0-based `index` (clamped) and tells the host it is ready. */
  const show = (def: ScenarioEntry, nextParams: ScenarioParams, nextK8s: string, trace: Trace, index: number): void => {
    if (!stage) return;
    loading = true;
    unsubscribe?.();
    if (loadCount > 0) gate.forget();
    scenario = def;
    params = nextParams;
    k8s = nextK8s;
    current = trace;
    player = stage.load(trace);
    controls.setSteps(player.steps, player.getState().duration, lang);
    controls.setEnabled(true);
    player.setSpeed(speed);
    player.setLoop(loop);
    step = -1;
    lastState = undefined;
    unsubscribe = player.subscribe(onState);
    player.gotoStep(index);
    onState(player.getState());
    loading = false;
    loadCount += 1;
    applyLang();
    host.broadcast({ type: 'ready', ...status() });
  };

  const stepCount = (trace: Trace): number => trace.events.filter((e) => e.kind === 'step').length;

  function execute(command: Command, reply: Reply): void {
    if (command.type === 'getState') {
      reply.send({ type: 'state', ...status() });
      return;
    }
    if (command.type === 'lang') return setLang(command.lang);
    if (command.type === 'theme') return setTheme(command.theme);
    if (!limit.take()) {
      reply.error('rate-limited', `more than ${COMMANDS_PER_SECOND} commands a second; ${command.type} was dropped`);
      return;
    }
    if (command.type === 'speed') return setSpeed(command.speed);
    if (command.type === 'loop') return setLoop(command.loop);
    if (!stage || !player) {
      reply.error('not-ready', 'the embed is still loading its scenario; wait for the ready event');
      return;
    }
    switch (command.type) {
      case 'play':
        return gate.play();
      case 'pause':
        return gate.pause();
      case 'toggle':
        return gate.toggle();
      case 'step':
        return stepForward();
      case 'back':
        return player.stepBack();
      case 'seek':
        return player.seek(command.time);
      case 'goto':
        if (command.step >= player.steps.length) {
          reply.error('out-of-range', `step ${command.step} does not exist (0 to ${player.steps.length - 1})`);
          return;
        }
        // A hidden frame does not animate: it shows the step's start, and plays it through once seen.
        if (command.play !== true) return player.gotoStep(command.step);
        player.gotoStep(command.step);
        return gate.playStep(() => player?.playStep(command.step));
      case 'load': {
        const request = validateLoad(command, deps.scenarios);
        if (!request.ok) {
          reply.error(request.code, request.message);
          return;
        }
        // A scenario shown before is at hand (and loads at once, as it always did); another's code is fetched first.
        if (request.scenario.loaded()) return loadScenario(command, request, reply);
        request.scenario.load().then(
          () => loadScenario(command, request, reply),
          (error: unknown) => reply.error('load-failed', `${request.scenario.id} could not be loaded: ${errorText(error)}`),
        );
        return;
      }
    }
  }

  /** Bumped by each host `load`: a big one still running when the next arrives stops, and the later one shows. */
  let hostLoads = 0;
  /** Tells the host that the big `load` still running was replaced (at once, before the later load's `ready`). */
  let replaceRunning: (() => void) | undefined;

  /**
   * A host's `load`, checked and with its scenario's code at hand: run it and show it. A big
   * cluster runs and is laid out in slices, as on first load (the frame keeps painting, the caption
   * says how far); the scenario on stage plays on meanwhile, and `ready` comes when it shows.
   */
  function loadScenario(command: Extract<Command, { type: 'load' }>, request: Extract<LoadRequest<ScenarioEntry>, { ok: true }>, reply: Reply): void {
    const turn = ++hostLoads;
    replaceRunning?.();
    replaceRunning = undefined;
    const nextK8s = request.k8s ?? k8s;
    const showIt = (result: { trace: Trace } | { error: string }): void => {
      if ('error' in result) {
        reply.error('load-failed', `${request.scenario.id} could not be prepared: ${result.error}`);
        return;
      }
      const count = stepCount(result.trace);
      const index = command.step ?? 0;
      if (index >= count) {
        reply.error('out-of-range', `${request.scenario.id} has no step ${index} (0 to ${count - 1})`);
        return;
      }
      actions = [];
      show(request.scenario, request.params, nextK8s, result.trace, index);
    };
    if (request.scenario.runsLong?.(request.params) !== true) return showIt(run(request.scenario, request.params, nextK8s));
    const stale = (): boolean => turn !== hostLoads;
    let answered = false;
    const superseded = (): void => {
      if (answered) return;
      answered = true;
      reply.error('load-failed', `${request.scenario.id}: ${SUPERSEDED}`);
    };
    replaceRunning = superseded;
    // The story on stage holds still while the caption tells how far the new one got.
    gate.pause();
    void (async () => {
      const result = await runLive(request.scenario, request.params, nextK8s, [], stale);
      if (stale()) return superseded();
      if ('error' in result) {
        replaceRunning = undefined;
        // The scenario on stage stays: its caption comes back.
        if (lastState && player) captions.update(lastState, player.steps, lang);
        return showIt(result);
      }
      if (stage) {
        captions.showMessage(t(lang, 'drawing'));
        await afterPaint();
        if (!(await layOutInSlices(stage, result.trace, stale))) return superseded();
      }
      replaceRunning = undefined;
      showIt(result);
    })();
  }

  /** The app's "next" (src/timeline/player-api.ts); a frame that may not animate lands where it would pause. */
  function stepForward(): void {
    player?.stepForward(gate.canAnimate ? undefined : { animate: false });
  }

  const runKey = (command: KeyCommand): boolean => {
    if (command === 'close') return tip.hide() || legend.close() || notice.hide();
    if (command === 'legend') {
      if (options.controls !== 'full') return false;
      legend.toggle();
      return true;
    }
    // The embed has no command bar: `:` and Ctrl+Z stay the host page's.
    if (command === 'command' || command === 'undo') return false;
    if (!player) return false;
    const actions: Record<Exclude<KeyCommand, 'close' | 'legend' | 'command' | 'undo'>, () => void> = {
      background: () => setBackground(nextBackground(background)),
      toggle: () => gate.toggle(),
      stepBack: () => player?.stepBack(),
      stepForward: () => stepForward(),
      restart: () => player?.restart(),
      end: () => player?.end(),
      faster: () => setSpeed(nextSpeed(speed, 1)),
      slower: () => setSpeed(nextSpeed(speed, -1)),
    };
    actions[command]();
    return true;
  };

  applyTheme(html, theme);
  controls.setEnabled(false);
  applyLang();
  captions.showMessage(t(lang, 'loading'));
  if (options.keys === 'host') forwardKeys(window, (key) => host.broadcast({ type: 'key', ...key }));
  bindKeyboard(document, runKey);

  const ready = (async (): Promise<void> => {
    const stageStarting = deps.createStage(stageHost, { theme, reducedMotion: prefersReducedMotion(), lang });
    let firstStep = parsed.step;
    if (parsed.file !== undefined && deps.loadScenarioFile) {
      // A file= link, fetched while the stage starts (as in the app); failing, the default scenario shows.
      captions.showMessage(t(lang, 'fileFetching', { name: clip(parsed.file, 60) }));
      const opened = await storyFromLink(parsed.file, location.href, pageOriginsMeta(document), deps.loadScenarioFile);
      if (opened.ok) {
        scenario = loadedEntry(opened.scenario);
        const paramIssues: UrlIssue[] = [];
        params = linkParams(new URLSearchParams(location.search), scenario, paramIssues);
        issues.push(...paramIssues.map((issue) => ({ source: 'url' as const, issue })));
      } else {
        issues.push({ source: 'file', problem: opened.problem });
        actions = [];
        firstStep = undefined;
      }
    }
    // The scenario's code (main.ts started fetching it with the embed's).
    const codeFailed = await scenario.load().then(
      () => undefined,
      (error: unknown) => errorText(error),
    );
    // A big cluster: its scenario's params, or the link's commands asking for thousands of replicas.
    const big = codeFailed === undefined && (scenario.runsLong?.(params) === true || commandsRunLong(actions));
    let first = codeFailed !== undefined ? { error: codeFailed } : big ? await runLive(scenario, params, k8s, actions) : run(scenario, params, k8s, actions);
    if ('error' in first && codeFailed === undefined && scenario.id !== deps.defaultScenario) {
      // A scenario that refuses its params (or the link's commands): show it plain with its defaults rather than nothing.
      issues.push({ source: 'url', issue: { key: 'runFailed', vars: { value: first.error } } });
      actions = [];
      first = run(scenario, Object.fromEntries(scenario.params.map((p) => [p.id, p.default])), k8s);
    }
    try {
      stage = await stageStarting;
    } catch (error) {
      issues.push({ source: 'url', issue: { key: 'stageFailed', vars: { value: errorText(error) } } });
      overlay.hide();
      showIssues();
      captions.showMessage(t(lang, 'stageFailed', { value: errorText(error) }));
      host.broadcast({ type: 'error', code: 'load-failed', message: `the stage could not start: ${errorText(error)}` });
      return;
    }
    // A lang or theme command may have arrived while the stage was starting.
    if (theme !== parsed.theme) void stage.setTheme(theme);
    if (lang !== parsed.lang) void stage.setLang(lang);
    watchReducedMotion((reduce) => stage?.setReducedMotion(reduce));
    // The WebGL context lost: the stage paused; say so until it is back (then the link's issues, if any).
    stage.onContextLoss((lost) => (lost ? notice.show(t(lang, 'contextLostTitle'), [t(lang, 'contextLost')], noticeLabels(), false) : showIssues()));
    if (background !== 'quiet') stage.setBackground(background);
    if ('error' in first) {
      overlay.hide();
      captions.showMessage(t(lang, 'runFailed', { value: first.error }));
      host.broadcast({ type: 'error', code: 'load-failed', message: `${scenario.id} could not be prepared: ${first.error}` });
      return;
    }
    const resolved = resolveStep(firstStep, stepCount(first.trace));
    if (resolved.issue) issues.push({ source: 'url', issue: resolved.issue });
    if (big) {
      // Laid out in slices too, the caption saying so first (the app's "Drawing the cluster…").
      captions.showMessage(t(lang, 'drawing'));
      await afterPaint();
      await layOutInSlices(stage, first.trace, () => false);
    }
    // The faces of the trace's own texts (a Korean label) before its first frame is drawn.
    await stage.glyphsFor?.(first.trace).catch(() => undefined);
    show(scenario, params, k8s, first.trace, resolved.step);
    if (issues.length > 0) {
      host.broadcast({ type: 'error', code: 'bad-params', message: issues.map((issue) => issueText('en', issue, scenario.title.en)).join(' ').slice(0, 500) });
    }
    // Only now: a visible frame starts (and autoplays) with its scenario in place.
    watchVisibility(html, (visible) => gate.setVisible(visible));
  })();

  const view = (): ViewState => ({ scenario: scenario.id, step, lang, theme, k8s, params, ...(actions.length > 0 ? { actions } : {}) });
  // Export from the handle as in the app (a page can offer its own button); no dialog here.
  async function exportScenario(request: ExportRequest, options?: ExportOptions): Promise<ExportResult> {
    await ready;
    if (!deps.exporter) throw new Error('export is not available here');
    if (!current) throw new Error('no scenario loaded');
    return deps.exporter.run(current, scenario.id, request, options);
  }

  // The embed shows no cards (a slide stays a picture): no object card to open.
  return { ready, player: () => player, stage: () => stage, view, loads: () => loadCount, openObject: () => false, exportScenario, trace: () => current };
}
