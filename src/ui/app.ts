/**
 * The UI shell: builds the layout, reads the link, runs the chosen scenario, hands the trace to
 * the stage and keeps captions, controls, cards, keyboard and URL in step with the player.
 */
import type { ExportOptions, ExportRequest, ExportResult } from '../export/options.ts';
import type { Lang } from '../model/localized.ts';
import type { ScenarioDefinition, ScenarioParams } from '../sim/scenario.ts';
import type { Trace } from '../sim/trace.ts';
import { nextSpeed, type PlayerApi, type PlayerState } from '../timeline/player-api.ts';
import { createCaptions } from './captions.ts';
import { createControls } from './controls.ts';
import { downloadText, el, errorText } from './dom.ts';
import type { ExportDialog } from './export-dialog.ts';
import { lazy } from '../lazy.ts';
import { createGlossaryTip } from './glossary-tip.ts';
import { t } from './i18n.ts';
import { createInfoCard } from './info-card.ts';
import { createObjectCard, type Moment } from './object-card.ts';
import { bindKeyboard, type KeyCommand } from './keyboard.ts';
import { createNotice } from './notice.ts';
import { createPicker, type PickerChoice } from './picker.ts';
import type { AppDeps, RunRequest, ScenarioEntry, StagePort } from './ports.ts';
import { loadedEntry } from './scenario-entry.ts';
import { applyTheme, prefersReducedMotion, watchReducedMotion, type ThemeName } from './theme.ts';
import { createTopbar } from './topbar.ts';
import { clockReached, layOutInSlices, runInSlices } from './run-in-slices.ts';
import { commandsRunLong, LONG_COMMAND_REPLICAS, LONG_TRACE_EVENTS } from './long-run.ts';
import { afterPaint } from './after-paint.ts';
import { holdPaint } from './hold-paint.ts';
import { createBackgroundToggle } from './background-toggle.ts';
import { createLegend } from './legend.ts';
import { nextBackground, type BackgroundMode } from '../render/background-mode.ts';
import { browserDefaults, clip, defaultParams, linkParams, parseUrl, resolveStep, serializeView, type UrlIssue, type ViewState } from './url-state.ts';
import type { TimedCommand } from '../sim/sandbox/timed-command.ts';
import { kubectlNow } from './kubectl-lazy.ts';
import type { ClusterNames } from '../model/kubectl/cluster-names.ts';
import type { SandboxAction } from '../model/kubectl/actions.ts';
import { createActionList, outcomeFor } from './action-list.ts';
import { createCommandBar, type SubmitResult } from './command-bar.ts';
import { exampleCommand, namesAt } from './names-at.ts';
import { commandMoment } from './command-moment.ts';
import { createSandboxSession, insertAction, removeAction } from './sandbox-state.ts';
import { createCardActions } from './card-actions.ts';
import { contextActions, type ContextAction } from './context-actions.ts';
import { eventCountAtSim, stateAt } from '../timeline/state.ts';
import { createFileOpener } from './story/open-file.ts';
import { createDropZone } from './story/drop-zone.ts';
import { storyFromFile, storyFromLink } from './story/load-story.ts';
import { pageOriginsMeta } from './story/fetch-file.ts';
import { problemLines, type FileProblem } from './story/file-problem.ts';

/** What tests, embeds and the console can reach once the app runs. */
export interface AppHandle {
  readonly ready: Promise<void>;
  player(): PlayerApi | undefined;
  stage(): StagePort | undefined;
  view(): ViewState;
  /** Increments each time a scenario finished loading. */
  loads(): number;
  /**
   * Opens the object card for an ObjectRef at the moment shown, as clicking it on stage does.
   * A ref the trace never stores changes nothing (false).
   */
  openObject(ref: string): boolean;
  /** Exports the loaded scenario (the Export dialog and `kubedeck export` both come here). */
  exportScenario(request: ExportRequest, options?: ExportOptions): Promise<ExportResult>;
  /** The trace on the stage (the what-if when the learner gave commands). */
  trace?(): Trace | undefined;
}

export function startApp(root: HTMLElement, deps: AppDeps): AppHandle {
  // The shell is painted with the stage's first frame, not before it on its own (hold-paint.ts);
  // shown earlier when the first load waits on what the learner should see (a file's fetch, a big
  // cluster's run), and after a second whatever happens.
  const showShell = holdPaint(root, 1000);
  const html = document.documentElement;
  const parsed = parseUrl(location.search, browserDefaults(deps));
  let lang: Lang = parsed.lang;
  let theme: ThemeName = parsed.theme;
  let scenario: ScenarioEntry = parsed.scenario;
  let params: ScenarioParams = parsed.params;
  let k8s = parsed.k8s;
  let background: BackgroundMode = parsed.background;
  let step = 0;
  let issues: UrlIssue[] = [...parsed.issues];
  let stage: StagePort | undefined;
  let player: PlayerApi | undefined;
  let unsubscribe: (() => void) | undefined;
  let lastState: PlayerState | undefined;
  let loadCount = 0;
  let trace: Trace | undefined;
  /** The learner's commands for this scenario and what Undo goes back to. */
  const sandbox = createSandboxSession<Trace>(parsed.actions);
  /** The scenario opened from a file (first in the picker); `link`: its file= value, absent for a file from this computer. */
  let fromFile: { readonly scenario: ScenarioEntry; readonly link?: string } | undefined;
  /** Why the last file did not open; `fallback`: the default scenario shows instead of a linked one. */
  let fileProblem: { readonly problem: FileProblem; readonly fallback: boolean } | undefined;

  const view = (): ViewState => {
    const actions = sandbox.actions();
    // A linked file is named by its link; a local one cannot be, so the link leaves the scenario out.
    const source = fromFile?.scenario === scenario ? (fromFile.link !== undefined ? { file: fromFile.link } : { localFile: true }) : {};
    return { scenario: scenario.id, step, lang, theme, k8s, params, background, ...(actions.length > 0 ? { actions } : {}), ...source };
  };
  // Until the first frame is on screen the link is left as it came: history.replaceState took
  // ~5 ms of the first frame's main thread (profile, default view); the view it would write is
  // written once that frame has been painted (ready, below), before the handle's ready resolves.
  let urlHeld = true;
  const syncUrl = (): void => {
    if (urlHeld) return;
    const next = serializeView(view());
    if (next !== location.search) history.replaceState(history.state, '', `${location.pathname}${next}${location.hash}`);
  };

  // --- layout ---
  const tip = createGlossaryTip();
  const notice = createNotice();
  const captions = createCaptions(tip);
  const infoCard = createInfoCard(lang);
  const objectCard = createObjectCard(lang);
  /** The moment the stage shows: what the object card describes. */
  const moment = (): Moment => {
    const s = player?.getState();
    return { eventCount: s === undefined ? 0 : (stage?.eventCountAt(s.time) ?? 0), simTime: s?.simTime ?? 0, step: s?.step ?? 0 };
  };
  // One card panel at a time: a component's card and an object's card replace each other.
  const openComponent = (id?: string): void => {
    objectCard.close();
    infoCard.open(id);
  };
  const openObject = (ref: string): boolean => {
    // A ref the trace never stores (a stale or made-up one) changes nothing.
    if (!objectCard.knows(ref)) return false;
    infoCard.close();
    const opened = objectCard.open(ref, moment());
    refreshCardActions();
    return opened;
  };
  // "Try:" on the object card: a command that fits the object, run at once or left in the bar to finish.
  // The component card offers the same for a node's parts (kubelet/worker-2: cordon, drain, power...).
  const cardActions = createCardActions((action) => pickContextAction(action));
  const componentActions = createCardActions((action) => pickContextAction(action));
  let cardKey = '';
  const refreshCardActions = (): void => {
    const ref = objectCard.current();
    const component = ref === undefined ? infoCard.current() : undefined;
    const target = ref ?? component;
    if (target === undefined || !trace) return;
    const at = moment();
    const key = `${target}|${at.eventCount}|${loadCount}|${lang}`;
    if (key === cardKey) return;
    cardKey = key;
    const state = stateAt(trace, { eventCount: at.eventCount });
    const actions = contextActions(target, { objects: state.objects, components: state.components, commands: trace.commands ?? [], simTime: at.simTime });
    if (ref !== undefined) cardActions.show(objectCard.tools, actions, lang);
    else componentActions.show(infoCard.tools, actions, lang);
  };
  infoCard.onChange(() => {
    cardKey = '';
    refreshCardActions();
  });
  const pickContextAction = (action: ContextAction): void => {
    if (!action.run) {
      commandBar.fill(action.command);
      return;
    }
    const said = (result: SubmitResult): void => commandBar.say(result.ok ? '' : result.error, result.ok ? 'info' : 'error');
    const result = submitCommand(action.command);
    if (!(result instanceof Promise)) {
      if (!result.ok) said(result);
      return;
    }
    commandBar.say(t(lang, 'commandRunning'), 'info');
    void result.then(said);
  };
  // After the picker, keys belong to the stage (Space plays), not to the button that opened it.
  const compileFile = deps.loadScenarioFile;
  const opener = compileFile ? createFileOpener((file) => void openLocalFile(file)) : undefined;
  const dropZone = compileFile ? createDropZone(window, (file) => void openLocalFile(file)) : undefined;
  const picker = createPicker(deps.scenarios, (choice) => void choose(choice), lang, {
    onClosed: () => stageHost.focus({ preventScroll: true }),
    ...(opener ? { openFile: () => opener.pick() } : {}),
  });
  const topbar = createTopbar(
    {
      openPicker: () => picker.open(currentChoice()),
      openComponents: () => openComponent(),
      setLang: (next) => setLang(next),
      setTheme: (next) => setTheme(next),
      ...(deps.exporter ? { openExport: () => openExport() } : {}),
    },
    lang,
    notice.reopen,
  );
  // The Export dialog's code loads when it is first opened: a click before it has arrived opens
  // it once it has (a failed load is tried again by the next click).
  const exportDialog = lazy(() =>
    import('./export-dialog.ts').then(({ createExportDialog }) => {
      const dialog: ExportDialog = createExportDialog((request, options) => exportScenario(request, options));
      root.append(dialog.element);
      return dialog;
    }),
  );
  const openExport = (): void => {
    exportDialog.load().then(
      (dialog) => {
        if (player) dialog.open({ lang, theme, stepCount: player.steps.length });
      },
      () => undefined,
    );
  };
  /** The learner moves the story on: the notice has been read and steps aside (notice.ts). */
  const moveOn = (move: () => void): void => {
    notice.tuck();
    move();
  };
  const controls = createControls(
    {
      toggle: () => moveOn(() => player?.toggle()),
      stepBack: () => moveOn(() => player?.stepBack()),
      stepForward: () => moveOn(() => player?.stepForward()),
      restart: () => moveOn(() => player?.restart()),
      end: () => moveOn(() => player?.end()),
      seek: (time) => moveOn(() => player?.seek(time)),
      gotoStep: (index) => moveOn(() => player?.gotoStep(index)),
      setSpeed: (speed) => player?.setSpeed(speed),
      setLoop: (loop) => player?.setLoop(loop),
    },
    lang,
  );
  const legend = createLegend(lang, theme);
  const backgroundToggle = createBackgroundToggle(() => setBackground(nextBackground(background)));
  controls.addOptions(backgroundToggle.element, legend.button);
  const setBackground = (next: BackgroundMode): void => {
    background = next;
    backgroundToggle.set(background, lang);
    stage?.setBackground(background);
    syncUrl();
  };
  // Focusable from script only (tabindex -1): where focus goes when the picker closes.
  const stageHost = el('div', { class: 'stage', 'data-testid': 'stage', tabindex: -1 });
  const commandBar = createCommandBar(
    {
      submit: (line) => submitCommand(line),
      complete: (line, cursor) => kubectlNow()?.complete(line, cursor, namesOnScreen()) ?? [],
      leave: () => stageHost.focus({ preventScroll: true }),
      cancel: () => cancelWhatIf(),
      undo: () => undoCommand(),
    },
    lang,
  );
  const actionList = createActionList(
    {
      remove: (index) => removeCommand(index),
      undo: () => undoCommand(),
      // kubedeck's own messages in Korean come with kubectl's code (loaded after the first frame).
      words: (output, inLang) => kubectlNow()?.kubedeckMessage(output, inLang) ?? output,
      ...(deps.saveSession ? { save: () => void saveSession() } : {}),
    },
    lang,
  );
  /** Save as scenario: the session as a scenario file, downloaded (it plays the same trace). */
  const saveSession = async (): Promise<void> => {
    // A file's scenario may reuse a built-in's id (even "sandbox"): it is not that scenario.
    if (!deps.saveSession || fromFile?.scenario === scenario) return;
    try {
      const text = await deps.saveSession({ scenarioId: scenario.id, params, k8sVersion: k8s, commands: sandbox.actions() });
      if (text === undefined) return;
      downloadText(text, `kubedeck-${scenario.id}.yaml`, 'application/yaml');
    } catch (error) {
      issues.push({ key: 'saveFailed', vars: { value: errorText(error) } });
      showIssues();
    }
  };
  commandBar.tools.append(actionList.buttons);
  const credits = el('p', { class: 'footer__credits' });
  const keysHelp = el('p', { class: 'footer__keys' });
  /** The footer's keys: while a run holds the player, the ones that do something then (Esc stops a what-if). */
  const showKeysHelp = (): void => {
    keysHelp.textContent = t(lang, holds === 0 ? 'keyboardHelp' : whatIfCancel !== undefined ? 'keyboardHelpWhatIf' : 'keyboardHelpHeld');
  };
  root.replaceChildren(
    el(
      'div',
      { class: 'app' },
      topbar.element,
      el('main', { class: 'stage-wrap' }, stageHost, notice.element, actionList.element, infoCard.element, objectCard.element, legend.element),
      captions.element,
      controls.element,
      // The bar shares the footer's row: the stage keeps every pixel of its height (labels.test.ts).
      el('footer', { class: 'footer' }, commandBar.element, keysHelp, credits),
    ),
    picker.element,
    tip.element,
    ...(opener && dropZone ? [opener.element, dropZone.element] : []),
  );

  // The bar's answers float above the transport controls, not over them (a click meant for the
  // scrubber landed on an answer): lifted by the distance from the controls' top to the bar's.
  const liftAnswers = (): void => {
    const lift = commandBar.element.getBoundingClientRect().top - controls.element.getBoundingClientRect().top;
    commandBar.element.style.setProperty('--cmdbar-lift', `${Math.max(0, Math.round(lift))}px`);
  };
  if (typeof ResizeObserver !== 'undefined') {
    const lifting = new ResizeObserver(liftAnswers);
    lifting.observe(controls.element);
    lifting.observe(commandBar.element);
  }

  const currentChoice = (): PickerChoice => ({ scenario, params, k8s });

  /** Issues in the current language; a fallback scenario is named by its title. */
  const issueText = (issue: UrlIssue): string =>
    t(lang, issue.key, issue.key === 'unknownScenario' ? { ...issue.vars, fallback: scenario.title[lang] } : issue.vars);

  /** The stage's WebGL context is lost: the notice says the animation is paused until it is back. */
  let contextLost = false;

  const showIssues = (): void => {
    const fileLines = fileProblem ? [...problemLines(fileProblem.problem, lang), t(lang, fileProblem.fallback ? 'fileFallback' : 'fileKept', { fallback: scenario.title[lang] })] : [];
    const messages = [...(contextLost ? [t(lang, 'contextLost')] : []), ...fileLines, ...issues.map(issueText)];
    const fromLink = issues.every((issue) => issue.key !== 'runFailed' && issue.key !== 'stageFailed' && issue.key !== 'actionRunFailed');
    const title = t(lang, contextLost ? 'contextLostTitle' : fileProblem ? 'fileProblemTitle' : fromLink ? 'noticeTitle' : 'noticeProblem');
    notice.show(title, messages, { dismiss: t(lang, 'dismiss'), reopen: t(lang, 'noticeReopen') }, !contextLost);
  };

  /** The current step's caption (again, after a message stood in for it; in the language now). */
  const restoreCaption = (): void => {
    if (lastState && player) captions.update(lastState, player.steps, lang);
  };

  const applyLang = (): void => {
    html.lang = lang;
    document.title = `kubedeck · ${scenario.title[lang]}`;
    topbar.setLang(lang);
    topbar.setScenarioTitle(scenario.title[lang], deps.scenarios.indexOf(scenario));
    controls.setLang(lang);
    backgroundToggle.set(background, lang);
    legend.setLang(lang);
    infoCard.setLang(lang);
    objectCard.setLang(lang);
    picker.setLang(lang);
    commandBar.setLang(lang);
    actionList.setLang(lang);
    credits.textContent = t(lang, 'credits');
    // A narrow window cuts the credits to one line; the whole of them stays a hover away.
    credits.title = t(lang, 'credits');
    showKeysHelp();
    dropZone?.setText(t(lang, 'dropHint'));
    restoreCaption();
    refreshCardActions();
    showIssues();
  };

  const setLang = (next: Lang): void => {
    if (next === lang) return;
    lang = next;
    stage?.setLang(lang);
    applyLang();
    syncUrl();
  };

  const setTheme = (next: ThemeName): void => {
    theme = next;
    applyTheme(html, theme);
    topbar.setTheme(theme);
    legend.setTheme(theme);
    stage?.setTheme(theme);
    syncUrl();
  };

  const onState = (state: PlayerState): void => {
    lastState = state;
    controls.update(state);
    if (player) captions.update(state, player.steps, lang);
    if (objectCard.isOpen()) objectCard.update(moment());
    if (objectCard.isOpen() || infoCard.isOpen()) refreshCardActions();
    if (state.step !== step) {
      step = state.step;
      syncUrl();
    }
  };

  /**
   * Loads a scenario's code (the built-ins load theirs when first shown: scenes/registry.ts);
   * false, with an issue shown, when it cannot be fetched.
   */
  const loadCode = async (entry: ScenarioEntry): Promise<boolean> => {
    try {
      await Promise.all([entry.load(), deps.loadSimulation()]);
      return true;
    } catch (error) {
      issues.push({ key: 'runFailed', vars: { value: errorText(error) } });
      showIssues();
      return false;
    }
  };

  /** The scenario's trace, or undefined (with an issue shown) when the simulation refuses. */
  const run = (def: ScenarioEntry, nextParams: ScenarioParams, nextK8s: string, actions: readonly TimedCommand[] = []): Trace | undefined => {
    try {
      return runWith(def, nextParams, nextK8s, actions);
    } catch (error) {
      issues.push({ key: 'runFailed', vars: { value: errorText(error) } });
      showIssues();
      return undefined;
    }
  };
  /** A plain run asks for no actions at all, so it is the very run it was before the sandbox. */
  const requestFor = (nextParams: ScenarioParams, nextK8s: string, actions: readonly TimedCommand[]): RunRequest => ({
    seed: deps.seed,
    k8sVersion: nextK8s,
    params: nextParams,
    ...(actions.length > 0 ? { actions } : {}),
  });
  const definition = (entry: ScenarioEntry): ScenarioDefinition => {
    const def = entry.loaded();
    if (!def) throw new Error(`${entry.id} has not loaded`);
    return def;
  };
  const runWith = (entry: ScenarioEntry, nextParams: ScenarioParams, nextK8s: string, actions: readonly TimedCommand[]): Trace =>
    deps.run(definition(entry), requestFor(nextParams, nextK8s, actions));

  /**
   * A big cluster's run (its scenario says it runs long) in slices, the page live meanwhile: `say`
   * hears how far the cluster's clock got. Undefined when `stale()` turned true between slices,
   * or when the run failed (then an issue `failKey` says why).
   */
  const runLive = async (
    entry: ScenarioEntry,
    nextParams: ScenarioParams,
    nextK8s: string,
    actions: readonly TimedCommand[],
    hooks: { say(time: string, ms: number): void; stale(): boolean; readonly failKey: 'runFailed' | 'actionRunFailed' },
  ): Promise<Trace | undefined> => {
    try {
      const started = deps.startRun(definition(entry), requestFor(nextParams, nextK8s, actions));
      return await runInSlices(started, { progress: (ms) => hooks.say(clockReached(ms), ms), cancelled: hooks.stale });
    } catch (error) {
      issues.push({ key: hooks.failKey, vars: { value: errorText(error) } });
      showIssues();
      return undefined;
    }
  };

  /**
   * Lays a big trace out before load() shows it: in slices, the page live, `say` telling the
   * learner first (and that reaching the screen). What is left for load() (placing the cluster,
   * the first frame) still holds the page a moment. False when `stale()` turned true meanwhile.
   */
  const layOutLive = async (next: Trace, say: () => void, stale: () => boolean): Promise<boolean> => {
    say();
    await afterPaint();
    if (!stage || stale()) return false;
    return layOutInSlices(stage, next, stale);
  };
  const sayDrawing = (): void => captions.showMessage(t(lang, 'drawing'));

  /** Puts `next` on the stage with a fresh player; the caller decides where it starts. */
  const install = (next: Trace): PlayerApi | undefined => {
    if (!stage) return undefined;
    trace = next;
    unsubscribe?.();
    const fresh = stage.load(next);
    player = fresh;
    legend.setScale(stage.scale?.() !== undefined);
    infoCard.setComponents(next.topology.components);
    objectCard.setTrace(next);
    controls.setSteps(fresh.steps, fresh.getState().duration, lang);
    controls.setEnabled(true);
    commandBar.setEnabled(true);
    // The scenario's own suggestion (the sandbox has one), else something in this cluster.
    commandBar.setExample(scenario.loaded()?.example?.[0]?.command ?? exampleCommand(namesAt(next, next.events.length)));
    showActions();
    return fresh;
  };

  /** Runs a scenario (unless its trace is given) and shows it at `rawStep` (1-based text from a link). */
  const load = (
    def: ScenarioEntry,
    nextParams: ScenarioParams,
    nextK8s: string,
    rawStep: string | undefined,
    ready: Trace | undefined = undefined,
  ): boolean => {
    if (!stage) return false;
    const next = ready ?? run(def, nextParams, nextK8s, sandbox.actions());
    if (!next) return false;
    scenario = def;
    params = nextParams;
    k8s = nextK8s;
    const fresh = install(next);
    if (!fresh) return false;
    const resolved = resolveStep(rawStep, fresh.steps.length);
    if (resolved.issue) issues.push(resolved.issue);
    step = -1;
    unsubscribe = fresh.subscribe(onState);
    fresh.gotoStep(resolved.step);
    onState(fresh.getState());
    loadCount += 1;
    applyLang();
    syncUrl();
    return true;
  };

  /**
   * Shows the what-if for `actions` at the presentation time on screen now, so the frame does not
   * jump: the run is the same up to the first changed command. `ready`: a trace already made (Undo).
   * A run that throws leaves the previous trace (and commands) in place and says why.
   */
  const showWhatIf = (actions: readonly TimedCommand[], options: { readonly play: boolean; readonly ready?: Trace }): boolean => {
    const before = player?.getState();
    const previous = trace;
    if (!stage || !before || !previous) return false;
    // The card the learner acted from stays open on the new run (focus stays where it was).
    const cardRef = objectCard.current();
    const focused = document.activeElement;
    let next = options.ready;
    if (!next) {
      try {
        next = runWith(scenario, params, k8s, actions);
      } catch (error) {
        issues.push({ key: 'actionRunFailed', vars: { value: errorText(error) } });
        showIssues();
        return false;
      }
    }
    const fresh = install(next);
    if (!fresh) return false;
    fresh.setSpeed(before.speed);
    fresh.setLoop(before.loop);
    unsubscribe = fresh.subscribe(onState);
    const duration = fresh.getState().duration;
    const at = Math.min(before.time, duration);
    fresh.seek(at);
    // Playing past this run's end (an Undo of a command whose steps were playing): it stays at its
    // end, paused; play() there would start it over from step 1.
    if (options.play && at < duration) fresh.play();
    loadCount += 1;
    if (cardRef !== undefined && objectCard.open(cardRef, moment()) && focused instanceof HTMLElement && focused.isConnected) focused.focus({ preventScroll: true });
    onState(fresh.getState());
    refreshCardActions();
    syncUrl();
    return true;
  };

  /** The names in the cluster in the frame on screen: what a command typed now can name. */
  const namesOnScreen = (): ClusterNames => (trace ? namesAt(trace, moment().eventCount) : { pods: [], deployments: [], replicasets: [], services: [], nodes: [], etcdMembers: [] });

  const showActions = (): void => {
    actionList.setCanSave(scenario.id === 'sandbox');
    actionList.show(sandbox.actions(), trace?.commands, sandbox.canUndo(), trace?.unfinished === undefined ? undefined : { left: trace.unfinished, endTime: trace.endTime });
  };

  /** The current scenario's runs hold the page for a second or more (zone-outage's thousands of replicas). */
  const runsLong = (): boolean => scenario.runsLong?.(params) === true;
  /**
   * A what-if runs in slices when its scenario's runs are long, when the run on stage is already
   * big (a sandbox scaled to thousands: its next run is as big), or when the command asks for
   * thousands of replicas. Counted in events and replicas, not time: the same on every machine.
   */
  const whatIfRunsLong = (action?: SandboxAction): boolean =>
    runsLong() || (trace?.events.length ?? 0) >= LONG_TRACE_EVENTS || (action !== undefined && 'replicas' in action && action.replicas >= LONG_COMMAND_REPLICAS);

  /** Stops the long what-if under way (Esc), if any: its command is not run and the stage stays as it was. */
  let whatIfCancel: (() => void) | undefined;
  const cancelWhatIf = (): boolean => {
    if (whatIfCancel === undefined) return false;
    whatIfCancel();
    whatIfCancel = undefined;
    return true;
  };

  /**
   * A long what-if's run, in slices, with the command bar saying how far it got. The stage pauses
   * meanwhile, so the what-if starts where the learner left off. `ready` is undefined if Esc
   * stopped it (`cancelled`), another run took the stage first, or the run failed (an issue says why).
   */
  const whatIfLive = (actions: readonly TimedCommand[]): Promise<{ readonly ready: Trace | undefined; readonly cancelled: boolean }> => {
    const previous = trace;
    const token = choices;
    let cancelled = false;
    const stale = (): boolean => cancelled || trace !== previous || token !== choices;
    whatIfCancel = () => {
      cancelled = true;
    };
    // How long the run before went: a scale for the count (the new one may end sooner or later).
    const before = previous?.endTime ?? 0;
    return holdTransport(async () => {
      const next = await runLive(scenario, params, k8s, actions, {
        say: (time, ms) => commandBar.say(t(lang, 'commandRunning'), 'info', `${ms < before ? t(lang, 'clockAtOf', { time, end: clockReached(before) }) : t(lang, 'clockAt', { time })} · ${t(lang, 'escCancels')}`),
        stale,
        failKey: 'actionRunFailed',
      });
      if (next === undefined || stale()) return undefined;
      const laid = await layOutLive(next, () => commandBar.say(t(lang, 'commandDrawing'), 'info'), stale);
      return laid ? next : undefined;
    })
      .then((ready) => ({ ready, cancelled }))
      .finally(() => {
        whatIfCancel = undefined;
      });
  };

  /**
   * A command given at the frame on screen plays from its own step: what was left of the step on
   * screen is its reading hold (the cluster's clock stands still there), and sitting through it
   * again after Enter looked as if the command was ignored (a reviewer waited 11 s). A command
   * that waits for an earlier one's answer plays on from here: that answer's traffic comes first.
   */
  const skipToOwnStep = (at: number): void => {
    const state = player?.getState();
    if (!player || !state || Math.round(state.simTime) !== at) return;
    // The next step at this very moment of the cluster's clock: the command's own (or one the
    // story starts at the same instant, just before it).
    const own = player.steps.find((s) => s.simTime === at && s.start > state.time);
    if (own !== undefined) player.seek(own.start);
  };

  /** The learner's command: checked against the frame on screen, then the future runs again with it. */
  const submitCommand = (line: string): SubmitResult | Promise<SubmitResult> => {
    const state = player?.getState();
    const kubectl = kubectlNow();
    // Until the code after the first frame is in (kubectl's parser, the simulation, the scenario's
    // machine when the first frame came from the prebuilt trace), a command gets "loading".
    if (!state || !trace || !kubectl || !scenario.loaded() || !deps.simulationLoaded()) return { ok: false, error: t(lang, 'loading') };
    // After the answers the learner's earlier commands are still waiting for on this clock (a
    // create typed a moment ago), as a shell runs the next line; checked against the names then.
    const at = commandMoment(state.simTime, trace.commands ?? []);
    const names = at === Math.max(0, Math.round(state.simTime)) ? namesOnScreen() : namesAt(trace, eventCountAtSim(trace, at));
    const parsedCommand = kubectl.parseCommand(line, names);
    // kubectl's own errors print as kubectl prints them; kubedeck's own messages in the page's language.
    if (!parsedCommand.ok) return { ok: false, error: kubectl.kubedeckMessage(parsedCommand.error, lang) };
    const action: TimedCommand = { at, command: kubectl.formatAction(parsedCommand.action) };
    const long = whatIfRunsLong(parsedCommand.action);
    const previous = trace;
    const next = insertAction(sandbox.actions(), action);
    const failed = (): SubmitResult => ({ ok: false, error: t(lang, 'actionRunFailed', { value: issues.at(-1)?.vars['value'] ?? '' }) });
    const apply = (ready: Trace | undefined): SubmitResult => {
      sandbox.change(next, previous);
      // Start playing: the learner came to see what the command does.
      if (!showWhatIf(next, { play: true, ...(ready ? { ready } : {}) })) {
        sandbox.undo();
        showActions();
        return failed();
      }
      actionList.unfold();
      skipToOwnStep(action.at);
      // Taken but refused by the simulation (NotFound, the pod budget): the bar says so, as a terminal would.
      const outcome = trace?.commands === undefined ? undefined : outcomeFor(next, trace.commands, next.indexOf(action));
      if (outcome !== undefined && !outcome.ok) return { ok: true, note: kubectl.kubedeckMessage(outcome.output.join('\n'), lang) };
      return { ok: true };
    };
    if (!long) return apply(undefined);
    const issuesBefore = issues.length;
    return whatIfLive(next).then(({ ready, cancelled }) => {
      if (ready) return apply(ready);
      if (cancelled) return { ok: false, error: t(lang, 'commandCancelled') };
      return issues.length > issuesBefore ? failed() : { ok: false, error: t(lang, 'commandStale') };
    });
  };

  const removeCommand = (index: number): void => {
    const previous = trace;
    if (!previous) return;
    const next = removeAction(sandbox.actions(), index);
    const playing = player?.getState().playing ?? false;
    const apply = (ready: Trace | undefined): void => {
      sandbox.change(next, previous);
      if (!showWhatIf(next, { play: playing, ...(ready ? { ready } : {}) })) {
        sandbox.undo();
        showActions();
      }
    };
    if (!whatIfRunsLong()) {
      apply(undefined);
      return;
    }
    commandBar.say(t(lang, 'commandRunning'), 'info');
    void whatIfLive(next).then(({ ready }) => {
      commandBar.say('', 'info');
      if (ready) apply(ready);
    });
  };

  /** Back to the run before the last change: its own trace, at the same presentation time. */
  const undoCommand = (): boolean => {
    const version = sandbox.undo();
    if (!version) return false;
    // The bar's last answer was about the command taken back.
    commandBar.say('', 'info');
    showWhatIf(version.actions, { play: player?.getState().playing ?? false, ready: version.trace });
    return true;
  };

  /**
   * Long preparations under way (a big cluster chosen in the picker, a long what-if): the scenario
   * on stage holds still meanwhile, its transport off and its keys ignored, so its captions do not
   * take turns with the progress and the new run starts where the learner left off.
   */
  let holds = 0;
  const holdTransport = async <T,>(work: () => Promise<T>): Promise<T> => {
    holds++;
    player?.pause();
    controls.setEnabled(false);
    showKeysHelp();
    try {
      return await work();
    } finally {
      holds--;
      if (holds === 0 && player) controls.setEnabled(true);
      showKeysHelp();
    }
  };

  /** Counts choices, so that only the last one shows when an earlier one's code loads after it. */
  let choices = 0;
  const choose = async (choice: PickerChoice): Promise<void> => {
    const token = ++choices;
    issues = [];
    fileProblem = undefined;
    // Until the new scenario is on stage the caption says it is coming: fetching its code, or a
    // big cluster's run, can take seconds, and the old picture alone would look like nothing happened.
    captions.showMessage(t(lang, 'loading'));
    const codeReady = await loadCode(choice.scenario);
    if (token !== choices) return;
    if (!codeReady) {
      restoreCaption();
      picker.open(currentChoice(), issues.map(issueText));
      return;
    }
    // A big cluster runs in slices, the caption saying how far; the old picture pauses meanwhile.
    let bigTrace: Trace | undefined;
    if (choice.scenario.runsLong?.(choice.params) === true) {
      const laid = await holdTransport(async () => {
        const run = await runLive(choice.scenario, choice.params, choice.k8s, [], {
          say: (time) => captions.showMessage(t(lang, 'loading'), t(lang, 'clockAt', { time })),
          stale: () => token !== choices,
          failKey: 'runFailed',
        });
        if (run === undefined || token !== choices) return { run };
        return { run, laid: await layOutLive(run, sayDrawing, () => token !== choices) };
      });
      if (token !== choices) return;
      if (!laid.run) {
        restoreCaption();
        picker.open(currentChoice(), issues.map(issueText));
        return;
      }
      if (laid.laid !== true) return;
      bigTrace = laid.run;
    }
    // Another scenario (or other params): the commands named the old cluster. If it cannot run,
    // the old what-if stays on stage, and so do its commands (the link must still describe it).
    const kept = sandbox.actions();
    sandbox.reset([]);
    if (load(choice.scenario, choice.params, choice.k8s, undefined, bigTrace)) showIssues();
    else {
      sandbox.reset(kept);
      restoreCaption();
      picker.open(currentChoice(), issues.map(issueText));
    }
  };

  /** A file from this computer (the open dialog or a drop): it plays, or the notice says why not and nothing else changes. */
  async function openLocalFile(file: File): Promise<void> {
    if (!compileFile) return;
    await ready;
    const opened = await storyFromFile(file, compileFile);
    if (!opened.ok) {
      fileProblem = { problem: opened.problem, fallback: false };
      showIssues();
      // Opened from the picker: the modal hides the notice, so the picker says it too.
      if (picker.isOpen()) picker.open(currentChoice(), problemLines(opened.problem, lang));
      return;
    }
    picker.close();
    playFile(opened.scenario, undefined);
  }

  /** Shows a file's scenario from its start and plays it; one that cannot run leaves the stage as it was. */
  const playFile = (file: ScenarioDefinition, link: string | undefined): void => {
    const before = fromFile;
    const kept = sandbox.actions();
    const def = loadedEntry(file);
    fromFile = link === undefined ? { scenario: def } : { scenario: def, link };
    issues = [];
    fileProblem = undefined;
    sandbox.reset([]);
    if (load(def, defaultParams(def), k8s, undefined)) {
      picker.setFileScenario(def, link === undefined);
      player?.play();
    } else {
      fromFile = before;
      sandbox.reset(kept);
    }
    showIssues();
  };

  const runCommand = (command: KeyCommand): boolean => {
    if (picker.isOpen() || exportDialog.now()?.isOpen() === true) return false;
    if (command === 'close') return cancelWhatIf() || tip.hide() || legend.close() || infoCard.close() || objectCard.close() || notice.hide();
    if (command === 'legend') {
      legend.toggle();
      return true;
    }
    if (!player) return false;
    // While a long run is prepared only the legend, the background and Esc act (handled, so Space does not scroll).
    if (holds > 0 && command !== 'background') return true;
    if (command === 'command') {
      commandBar.focus();
      return true;
    }
    if (command === 'undo') return undoCommand();
    const actions: Record<Exclude<KeyCommand, 'close' | 'legend' | 'command' | 'undo'>, () => void> = {
      background: () => setBackground(nextBackground(background)),
      toggle: () => moveOn(() => player?.toggle()),
      stepBack: () => moveOn(() => player?.stepBack()),
      stepForward: () => moveOn(() => player?.stepForward()),
      restart: () => moveOn(() => player?.restart()),
      end: () => moveOn(() => player?.end()),
      faster: () => player?.setSpeed(nextSpeed(player?.getState().speed ?? 1, 1)),
      slower: () => player?.setSpeed(nextSpeed(player?.getState().speed ?? 1, -1)),
    };
    actions[command]();
    return true;
  };

  applyTheme(html, theme);
  topbar.setTheme(theme);
  controls.setEnabled(false);
  commandBar.setEnabled(false);
  applyLang();
  captions.showMessage(t(lang, 'loading'));
  bindKeyboard(document, runCommand);

  const ready = (async (): Promise<void> => {
    // The stage starts loading fonts and icons; the simulation runs meanwhile. The marks let the
    // bench break the time to first frame down.
    performance.mark('kubedeck:start');
    const stageStarting = deps.createStage(stageHost, { theme, reducedMotion: prefersReducedMotion(), lang });
    let firstStep = parsed.step;
    if (parsed.file !== undefined && compileFile) {
      // A file= link: fetched while the stage starts; if it cannot be opened, the default scenario shows.
      captions.showMessage(t(lang, 'fileFetching', { name: clip(parsed.file, 60) }));
      showShell();
      const opened = await storyFromLink(parsed.file, location.href, pageOriginsMeta(document), compileFile);
      if (opened.ok) {
        scenario = loadedEntry(opened.scenario);
        params = linkParams(new URLSearchParams(location.search), scenario, issues);
        fromFile = { scenario, link: parsed.file };
        picker.setFileScenario(scenario, false);
      } else {
        // The link's step and commands were the file's: they do not apply to the fallback.
        fileProblem = { problem: opened.problem, fallback: true };
        firstStep = undefined;
        sandbox.reset([]);
      }
    }
    // The default view's trace was made at build time (main.ts started fetching it): no simulation
    // before its first frame. If it cannot be had, the scenario runs as any other does.
    const prebuilt = fromFile === undefined ? deps.prebuiltTrace?.(scenario, { seed: deps.seed, k8sVersion: k8s, params, actions: sandbox.actions() }) : undefined;
    let firstTrace = prebuilt ? await prebuilt.catch(() => undefined) : undefined;
    // Else the scenario's code and the simulation (main.ts started fetching them with the app's).
    const codeLoaded = firstTrace !== undefined || (await loadCode(scenario));
    performance.mark('kubedeck:simulate');
    // A big cluster's link (its scenario's params, or commands asking for thousands of replicas)
    // runs in slices while the stage starts, the caption saying how far; then it is laid out in
    // slices too, once the stage is there.
    const bigLink = firstTrace === undefined && codeLoaded && (runsLong() || commandsRunLong(sandbox.actions()));
    if (firstTrace === undefined && codeLoaded) {
      if (bigLink) {
        showShell();
        firstTrace = await runLive(scenario, params, k8s, sandbox.actions(), { say: (time) => captions.showMessage(t(lang, 'loading'), t(lang, 'clockAt', { time })), stale: () => false, failKey: 'runFailed' });
      } else firstTrace = run(scenario, params, k8s, sandbox.actions());
    }
    if (codeLoaded && firstTrace === undefined && sandbox.actions().length > 0) {
      // The link's commands broke the run: show the scenario as it is, and say so.
      const failed = issues.pop();
      issues.push({ key: 'actionRunFailed', vars: failed?.vars ?? {} });
      sandbox.reset([]);
      firstTrace = run(scenario, params, k8s);
    }
    performance.mark('kubedeck:simulated');
    try {
      stage = await stageStarting;
      performance.mark('kubedeck:stage-ready');
    } catch (error) {
      issues.push({ key: 'stageFailed', vars: { value: errorText(error) } });
      showIssues();
      captions.showMessage(t(lang, 'stageFailed', { value: errorText(error) }));
      showShell();
      return;
    }
    if (bigLink && firstTrace !== undefined) await layOutLive(firstTrace, sayDrawing, () => false);
    // The faces of the trace's own texts (a Korean label) before its first frame is drawn.
    if (firstTrace !== undefined) await stage.glyphsFor?.(firstTrace).catch(() => undefined);
    stage.onComponentClick((id) => openComponent(id));
    stage.onObjectClick((ref) => openObject(ref));
    stage.onContextLoss((lost) => {
      contextLost = lost;
      showIssues();
    });
    watchReducedMotion((reduce) => stage?.setReducedMotion(reduce));
    if (background !== 'quiet') stage.setBackground(background);
    const loaded = firstTrace !== undefined && load(scenario, params, k8s, firstStep, firstTrace);
    // A link with a what-if opens with its commands in view, as the learner who made it saw them.
    if (loaded && sandbox.actions().length > 0) actionList.unfold();
    // The stage rendered synchronously in load(); mark when that frame reaches the screen (bench).
    showShell();
    requestAnimationFrame(() => performance.mark('kubedeck:first-frame'));
    if (parsed.openPicker || !loaded) picker.open(currentChoice(), issues.map(issueText));
  })();

  // Whatever way the first load ended (a frame, a failure shown), the link catches up after a paint.
  const releaseUrl = (): Promise<void> =>
    afterPaint().then(() => {
      urlHeld = false;
      syncUrl();
    });
  void ready.then(releaseUrl, releaseUrl);
  void ready.then(showShell, showShell);

  async function exportScenario(request: ExportRequest, options?: ExportOptions): Promise<ExportResult> {
    await ready;
    if (!deps.exporter) throw new Error('export is not available here');
    if (!trace) throw new Error('no scenario loaded');
    return deps.exporter.run(trace, scenario.id, request, options);
  }

  return { ready, player: () => player, stage: () => stage, view, loads: () => loadCount, openObject, exportScenario, trace: () => trace };
}
