/**
 * The sandbox in the browser, the way a learner uses it: a command typed in the bar changes what
 * happens next (the past stays), a bad one gets kubectl's answer and changes nothing, Undo brings
 * back exactly the run before, and a link with the commands shows the same what-if at the same frame.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launch, type Browser } from './lib/chromium.ts';
import { openApp, playerState, settle, stageShot } from './lib/app-page.ts';
import { comparePng } from './lib/images.ts';
import { SCENARIOS } from '../../scenes/index.ts';
import { runScenario } from '../../src/sim/run.ts';
import { actionTime } from '../../src/ui/action-list.ts';

const base = inject('baseUrl');
const START = `${base}?scenario=node-drain&lang=en&theme=dark`;
const SCALE = 'kubectl scale deployment/web --replicas=6';
let browser: Browser;

beforeAll(async () => {
  // Behaviour, not looks: the small window keeps software WebGL quick.
  browser = await launch({ width: 960, height: 600, locale: 'en-US' });
});
afterAll(async () => {
  await browser.close();
});

interface Shown {
  readonly trace: string;
  readonly events: number;
  readonly time: number;
  readonly simTime: number;
  readonly loads: number;
}

function shown(page: Page): Promise<Shown> {
  return page.evaluate(() => {
    const app = window.__kubedeck;
    const trace = app?.trace?.();
    const state = app?.player()?.getState();
    if (!app || !trace || !state) throw new Error('nothing loaded');
    return { trace: JSON.stringify(trace), events: trace.events.length, time: state.time, simTime: state.simTime, loads: app.loads() };
  });
}

const doParams = (page: Page): string[] => new URL(page.url()).searchParams.getAll('do');

/** Paused at the start of step `index` (0-based). */
async function atStep(page: Page, index: number): Promise<void> {
  await page.evaluate((i) => window.__kubedeck?.player()?.gotoStep(i), index);
  await settle(page);
}

/** Types a command into the bar the way a learner does (`:` first) and submits it. */
async function give(page: Page, command: string): Promise<void> {
  await page.keyboard.press(':');
  await page.keyboard.type(command);
  await page.keyboard.press('Enter');
}

/** After a command: paused again at presentation time `time`, that frame rendered. */
async function pauseAt(page: Page, time: number): Promise<void> {
  await page.evaluate((t) => {
    const player = window.__kubedeck?.player();
    player?.pause();
    player?.seek(t);
  }, time);
  await settle(page, { rerender: true });
}

describe('the sandbox: your own story', () => {
  it('a command typed in the bar changes the future, keeps the past, and goes in the list and the link', async () => {
    const { page, errors } = await openApp(browser.context, START);
    await atStep(page, 2);
    const before = await shown(page);
    await page.keyboard.press(':');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('command-input');
    // Spaces and arrows typed into the bar stay there: nothing plays, no step changes.
    await page.keyboard.type(SCALE);
    expect(await playerState(page)).toMatchObject({ playing: false, step: 2 });
    await page.keyboard.press('Enter');
    await page.waitForFunction((n) => window.__kubedeck?.loads() === n + 1, before.loads);
    const after = await shown(page);
    // Playing on from where it was: the frame did not jump back or ahead.
    const state = await playerState(page);
    expect(state.playing).toBe(true);
    expect(state.time).toBeGreaterThanOrEqual(before.time);
    expect(state.time).toBeLessThan(before.time + 3);
    expect(await page.inputValue('[data-testid=command-input]')).toBe('');

    const at = Math.round(before.simTime);
    expect(doParams(page)).toEqual([`${at}~${SCALE}`]);
    const item = page.locator('[data-testid=action-list] li');
    expect(await item.count()).toBe(1);
    expect(await item.innerText()).toContain(actionTime(at));
    expect(await item.innerText()).toContain(SCALE);

    // The same past, another future.
    const plain = JSON.parse(before.trace) as { events: { t: number }[] };
    const whatIf = JSON.parse(after.trace) as { events: { t: number }[]; commands?: { ok: boolean; output: string[] }[] };
    const past = (events: { t: number }[]) => JSON.stringify(events.filter((e) => e.t < at));
    expect(past(whatIf.events)).toBe(past(plain.events));
    expect(after.trace).not.toBe(before.trace);
    expect(whatIf.commands?.[0]?.ok).toBe(true);
    expect(await item.innerText()).toContain('scaled');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('on the default view (its first frame from the prebuilt trace) the trace is the simulation’s, and a command runs once the app is ready', async () => {
    const { page, errors } = await openApp(browser.context, base);
    const def = SCENARIOS.find((s) => s.id === 'pod-creation');
    if (!def) throw new Error('no pod-creation');
    const before = await shown(page);
    expect(before.trace).toBe(JSON.stringify(runScenario(def, {})));
    // The simulation was not part of the first load: it came after the first frame.
    const early = await page.evaluate(() => {
      const by = performance.getEntriesByName('kubedeck:first-frame')[0]?.startTime ?? 0;
      return performance.getEntriesByType('resource').filter((e) => e.startTime <= by).map((e) => new URL(e.name).pathname);
    });
    expect(early.some((p) => /first-trace-[0-9a-f]+\.json$/.test(p))).toBe(true);
    expect(early.some((p) => /\/(xstate|run-core)[^/]*\.js$/.test(p))).toBe(false);
    await atStep(page, 2);
    await give(page, 'kubectl label nodes worker-1 tier=web');
    await page.waitForFunction((n) => window.__kubedeck?.loads() === n + 1, before.loads);
    const after = JSON.parse((await shown(page)).trace) as { commands?: { ok: boolean }[] };
    expect(after.commands?.[0]?.ok).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a bad command gets kubectl’s error and changes nothing', async () => {
    const { page, errors } = await openApp(browser.context, START);
    await atStep(page, 1);
    const before = await shown(page);
    await give(page, 'kubectl scale deployment api --replicas=3');
    const message = page.locator('[data-testid=command-message]');
    await message.waitFor({ state: 'visible' });
    expect(await message.innerText()).toBe('Error from server (NotFound): deployments.apps "api" not found');
    expect(await message.getAttribute('data-kind')).toBe('error');
    // It floats above the transport controls, not over them (the scrubber stays there to click).
    const answer = await message.boundingBox();
    const transport = await page.locator('[data-testid=scrubber]').boundingBox();
    expect(answer && transport && answer.y + answer.height <= transport.y).toBe(true);
    expect(await page.evaluate(() => {
      const r = document.querySelector('[data-testid=scrubber]')?.getBoundingClientRect();
      return r ? document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2)?.getAttribute('data-testid') : null;
    })).toBe('scrubber');
    // The line stays, to be fixed; nothing ran.
    expect(await page.inputValue('[data-testid=command-input]')).toBe('kubectl scale deployment api --replicas=3');
    expect(await shown(page)).toEqual(before);
    expect(doParams(page)).toEqual([]);
    expect(await page.locator('[data-testid=actions-panel]').isVisible()).toBe(false);
    // Escape leaves the bar (and the stage has the keys again).
    await page.keyboard.press('Escape');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('stage');
    expect(await message.isVisible()).toBe(false);
    // A press anywhere else puts the answer away too (it floats over the stage).
    await give(page, 'kubectl cordon nowhere');
    await message.waitFor({ state: 'visible' });
    await page.mouse.click(5, 300);
    expect(await message.isVisible()).toBe(false);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('Tab completes from the names on screen; ↑ brings the last command back', async () => {
    const { page, errors } = await openApp(browser.context, START);
    await atStep(page, 1);
    const input = page.locator('[data-testid=command-input]');
    await page.keyboard.press(':');
    await page.keyboard.type('kubectl cord');
    await page.keyboard.press('Tab');
    expect(await input.inputValue()).toBe('kubectl cordon ');
    await page.keyboard.type('wor');
    await page.keyboard.press('Tab');
    expect(await input.inputValue()).toBe('kubectl cordon worker-');
    expect(await page.locator('[data-testid=command-message]').innerText()).toContain('worker-1  worker-2  worker-3');
    await input.fill('kubectl scale deployment api --replicas=3');
    await page.keyboard.press('Enter');
    await input.fill('');
    await page.keyboard.press('ArrowUp');
    expect(await input.inputValue()).toBe('kubectl scale deployment api --replicas=3');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('Undo (Ctrl+Z) brings back exactly the run before: the same trace, the same frame', async () => {
    const { page, errors } = await openApp(browser.context, START);
    await atStep(page, 2);
    await settle(page, { rerender: true });
    const before = await shown(page);
    const shotBefore = await stageShot(page);
    await give(page, SCALE);
    await page.waitForFunction((n) => window.__kubedeck?.loads() === n + 1, before.loads);
    await pauseAt(page, before.time);
    expect(doParams(page)).toHaveLength(1);
    // There is something to undo: the what-if is another run.
    expect((await shown(page)).trace).not.toBe(before.trace);
    // Ctrl+Z in the bar is the bar's own undo; on the page it takes the command back.
    await page.keyboard.press('Control+z');
    await page.waitForFunction((n) => window.__kubedeck?.loads() === n + 2, before.loads);
    await settle(page, { rerender: true });
    const undone = await shown(page);
    expect(undone.trace).toBe(before.trace);
    expect(undone.time).toBe(before.time);
    expect(doParams(page)).toEqual([]);
    expect(await page.locator('[data-testid=actions-panel]').isVisible()).toBe(false);
    expect(comparePng(shotBefore, await stageShot(page)).ratio).toBeLessThan(0.002);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('two commands typed one after the other run like lines in a shell: the scale finds the Deployment the create just made', async () => {
    const { page, errors } = await openApp(browser.context, `${base}?scenario=sandbox&nodes=3&lang=en`);
    const before = await shown(page);
    await give(page, 'kubectl create deployment web --image=nginx');
    await page.waitForFunction((n) => window.__kubedeck?.loads() === n + 1, before.loads);
    // Typed straight away: on the stage's clock the create is still on its way to etcd.
    expect((await shown(page)).simTime).toBeLessThan(19);
    // ':' again, as the footer says (the bar still has the focus: it is not typed into the line).
    await give(page, 'kubectl scale deployment web --replicas=5');
    await page.waitForFunction((n) => window.__kubedeck?.loads() === n + 2, before.loads);
    const { commands } = JSON.parse((await shown(page)).trace) as { commands?: { at: number; ok: boolean; output: string[]; doneAt?: number }[] };
    const [create, scale] = commands ?? [];
    expect(create?.output).toEqual(['deployment.apps/web created']);
    expect(scale?.output).toEqual(['deployment.apps/web scaled']);
    // The scale ran once kubectl had the create's answer, and the link keeps that moment.
    expect(scale?.at).toBe(create?.doneAt);
    expect(doParams(page)[1]).toBe(`${String(create?.doneAt)}~kubectl scale deployment/web --replicas=5`);
    expect(await page.locator('[data-testid=command-message]').isVisible()).toBe(false);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("a command plays from its own step at once: the step on screen is not held for reading again", async () => {
    const { page, errors } = await openApp(browser.context, `${base}?scenario=sandbox&nodes=3&lang=en`);
    const before = await shown(page);
    await give(page, 'kubectl create deployment web --image=nginx');
    await page.waitForFunction((n) => window.__kubedeck?.loads() === n + 1, before.loads);
    // Before, the player sat through the rest of "An empty cluster…" and its reading hold (~10 s)
    // with the clock at 00:00.000, as if the command had been ignored.
    await page.waitForFunction(() => (window.__kubedeck?.player()?.getState().simTime ?? 0) > 0, undefined, { timeout: 3000 });
    const step = await page.evaluate(() => {
      const player = window.__kubedeck?.player();
      const state = player?.getState();
      return state === undefined ? undefined : player?.steps[state.step]?.id;
    });
    expect(step).toBe('you-1');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('Ctrl+Z in the empty bar takes back the last command (the bar keeps the focus after Enter)', async () => {
    const { page, errors } = await openApp(browser.context, `${base}?scenario=sandbox&nodes=3&lang=en`);
    const before = await shown(page);
    await give(page, 'kubectl create deployment web --image=nginx');
    await page.waitForFunction((n) => window.__kubedeck?.loads() === n + 1, before.loads);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('command-input');
    await page.keyboard.press('Control+z');
    await page.waitForFunction((n) => window.__kubedeck?.loads() === n + 2, before.loads);
    expect(await page.evaluate(() => window.__kubedeck?.view().actions?.length ?? 0)).toBe(0);
    expect((await shown(page)).trace).toBe(before.trace);
    // With text in the line, Ctrl+Z is the line's own undo: nothing is taken back.
    await page.keyboard.type('kubectl cordon worker-1');
    await page.keyboard.press('Control+z');
    await page.waitForTimeout(300);
    expect(await page.evaluate(() => window.__kubedeck?.loads())).toBe(before.loads + 2);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('Undo while playing past the end of the run before: that run shows at its end, paused (not from step 1, playing)', async () => {
    const create = encodeURIComponent('kubectl create deployment web --image=nginx --replicas=3');
    const { page, errors } = await openApp(browser.context, `${base}?scenario=sandbox&nodes=3&lang=en&do=0~${create}`);
    await page.evaluate(() => window.__kubedeck?.player()?.end());
    const before = await shown(page);
    await give(page, 'kubectl scale deployment web --replicas=5');
    await page.waitForFunction((n) => window.__kubedeck?.loads() === n + 1, before.loads);
    // The new command's steps playing on, past where the run before ended.
    await page.evaluate((t) => {
      const player = window.__kubedeck?.player();
      player?.seek(t + 1);
      player?.play();
    }, before.time);
    expect((await playerState(page)).playing).toBe(true);
    // Ctrl+Z on the page (in the bar it is the bar's own undo).
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.press('Control+z');
    await page.waitForFunction((n) => window.__kubedeck?.loads() === n + 2, before.loads);
    const undone = await shown(page);
    expect(undone.trace).toBe(before.trace);
    expect(undone.time).toBeCloseTo(before.time, 3);
    expect((await playerState(page)).playing).toBe(false);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('removing a command from the list runs without it', async () => {
    const { page, errors } = await openApp(browser.context, `${START}&do=${encodeURIComponent(`0~${SCALE}`)}&do=${encodeURIComponent('1000~kubectl cordon worker-1')}`);
    const items = page.locator('[data-testid=action-list] li');
    expect(await items.count()).toBe(2);
    await items.nth(0).locator('[data-action=remove-action]').click();
    await page.waitForFunction(() => new URL(location.href).searchParams.getAll('do').length === 1);
    expect(doParams(page)).toEqual(['1000~kubectl cordon worker-1']);
    expect(await items.count()).toBe(1);
    const commands = await page.evaluate(() => window.__kubedeck?.trace?.()?.commands?.map((c) => c.command));
    expect(commands).toEqual(['kubectl cordon worker-1']);
    // The keyboard stays in the list: on the remaining row's ×.
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-action'))).toBe('remove-action');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a link with the commands shows the same what-if at the same frame', async () => {
    const made = await openApp(browser.context, START);
    await atStep(made.page, 1);
    const loads = (await shown(made.page)).loads;
    await give(made.page, SCALE);
    await made.page.waitForFunction((n) => window.__kubedeck?.loads() === n + 1, loads);
    const steps = (await playerState(made.page)).steps;
    await atStep(made.page, steps - 2);
    await settle(made.page, { rerender: true });
    const link = made.page.url();
    expect(new URL(link).searchParams.get('step')).toBe(String(steps - 1));
    const original = await shown(made.page);
    const shotMade = await stageShot(made.page);

    const opened = await openApp(browser.context, link);
    await settle(opened.page, { rerender: true });
    const reopened = await shown(opened.page);
    expect(reopened.trace).toBe(original.trace);
    // ...and it is the what-if, not the plain run.
    expect((JSON.parse(reopened.trace) as { commands?: { command: string }[] }).commands?.map((c) => c.command)).toEqual([SCALE]);
    expect(reopened.time).toBe(original.time);
    expect(await opened.page.locator('[data-testid=action-list] li').count()).toBe(1);
    expect(await opened.page.locator('[data-testid=notice]').isVisible()).toBe(false);
    expect(comparePng(shotMade, await stageShot(opened.page)).ratio).toBeLessThan(0.002);
    expect([...made.errors, ...opened.errors]).toEqual([]);
    await made.page.close();
    await opened.page.close();
  });

  it('an embed link with the commands plays the same what-if', async () => {
    const query = `scenario=node-drain&lang=en&theme=dark&do=${encodeURIComponent(`0~${SCALE}`)}`;
    const app = await openApp(browser.context, `${base}?${query}`);
    const embed = await openApp(browser.context, `${base}embed.html?${query}`);
    const inApp = await shown(app.page);
    const inEmbed = await shown(embed.page);
    expect(inEmbed.trace).toBe(inApp.trace);
    expect((JSON.parse(inEmbed.trace) as { commands?: unknown[] }).commands).toHaveLength(1);
    expect(await embed.page.evaluate(() => window.__kubedeck?.view().actions)).toEqual([{ at: 0, command: SCALE }]);
    expect([...app.errors, ...embed.errors]).toEqual([]);
    await app.page.close();
    await embed.page.close();
  });

  it('“Try:” on an object card gives its command, or leaves it in the bar to finish', async () => {
    const { page, errors } = await openApp(browser.context, START);
    await atStep(page, 1);
    expect(await page.evaluate(() => window.__kubedeck?.openObject('Node/worker-1'))).toBe(true);
    const tools = page.locator('[data-testid=object-actions]');
    expect(await tools.locator('button').allInnerTexts()).toEqual(['Cordon', 'Drain', 'Power off', 'Cut off']);
    await tools.locator('[data-context-action=cordon]').click();
    await page.waitForFunction(() => new URL(location.href).searchParams.getAll('do').length === 1);
    expect(doParams(page)[0]).toMatch(/^\d+~kubectl cordon worker-1$/);
    // The card stays on the node, now offering to undo what was done.
    expect(await page.locator('[data-testid=object-card]').isVisible()).toBe(true);
    await page.evaluate(() => window.__kubedeck?.player()?.end());
    await tools.locator('[data-context-action=uncordon]').waitFor();
    expect(await page.evaluate(() => window.__kubedeck?.openObject('Deployment/default/web'))).toBe(true);
    await tools.locator('[data-context-action=scale]').click();
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('command-input');
    expect(await page.inputValue('[data-testid=command-input]')).toMatch(/^kubectl scale deployment web --replicas=\d+$/);
    expect(doParams(page)).toHaveLength(1);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('“Try:” on a node part’s card (kubelet · worker-2) acts on its node', async () => {
    const { page, errors } = await openApp(browser.context, `${base}?scenario=sandbox&lang=en&theme=dark&do=5000~node%20power-off%20worker-2`);
    await page.evaluate(() => window.__kubedeck?.player()?.end());
    await settle(page);
    await page.click('[data-action=open-components]');
    await page.click('[data-component="kubelet/worker-2"]');
    const tools = page.locator('[data-testid=info-actions]');
    // Powered off by the link's command: the card offers power back on.
    expect(await tools.locator('button').allInnerTexts()).toEqual(['Cordon', 'Drain', 'Power on', 'Cut off']);
    await tools.locator('[data-context-action=power-on]').click();
    await page.waitForFunction(() => new URL(location.href).searchParams.getAll('do').length === 2);
    expect(doParams(page)[1]).toMatch(/^\d+~node power-on worker-2$/);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('Save as scenario downloads a file that plays the same trace', async () => {
    const { page, errors } = await openApp(browser.context, `${base}?scenario=sandbox&lang=en&theme=dark&do=5000~kubectl%20create%20deployment%20web%20--image%3Dnginx%20--replicas%3D2`);
    const save = page.locator('[data-action=save-scenario]');
    await save.waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), save.click()]);
    expect(download.suggestedFilename()).toBe('kubedeck-sandbox.yaml');
    const path = await download.path();
    const { readFileSync } = await import('node:fs');
    const text = readFileSync(path, 'utf8');
    const { scenarioFromText } = await import('../../src/sim/story/from-text.ts');
    const { runScenario } = await import('../../src/sim/run.ts');
    const fromFile = runScenario(scenarioFromText(text, 'kubedeck-sandbox.yaml'));
    const played = JSON.parse((await shown(page)).trace) as { scenario: string };
    expect(JSON.stringify({ ...fromFile, scenario: '' })).toBe(JSON.stringify({ ...played, scenario: '' }));
    expect(errors).toEqual([]);
    await page.close();
  });

  it('offers Save as scenario only in the sandbox', async () => {
    const { page } = await openApp(browser.context, `${START}&do=1000~kubectl%20cordon%20worker-1`);
    await page.locator('[data-testid=actions-panel]').waitFor();
    expect(await page.locator('[data-action=save-scenario]').isVisible()).toBe(false);
    await page.close();
  });

  it("in Korean, kubedeck's own refusals read in Korean; kubectl's own errors print as kubectl prints them", async () => {
    const { page, errors } = await openApp(browser.context, `${base}?scenario=node-drain&lang=ko&theme=dark`);
    const answer = async (line: string): Promise<string> => {
      await page.fill('[data-testid=command-input]', line);
      await page.press('[data-testid=command-input]', 'Enter');
      const message = page.locator('[data-testid=command-message]');
      await message.waitFor();
      return (await message.textContent()) ?? '';
    };
    expect(await answer('kubectl node power-off worker-1')).toBe('오류: "node power-off"는 kubectl 명령이 아니라 kubedeck 샌드박스 명령입니다. "kubectl" 없이 입력하세요');
    expect(await answer('kubectl scael deployment web')).toMatch(/^error: unknown command "scael" for "kubectl"/);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a command the simulation refuses (past the pod budget) is listed, and the bar says why, as a terminal would', async () => {
    const { page, errors } = await openApp(browser.context, `${START}`);
    await page.fill('[data-testid=command-input]', 'kubectl scale deployment web --replicas=20000');
    await page.press('[data-testid=command-input]', 'Enter');
    await page.waitForFunction(() => document.querySelector('[data-testid=command-message]')?.textContent?.startsWith('kubedeck: the sandbox simulates at most 10,000 pods') === true, undefined, { timeout: 60_000 });
    expect(await page.inputValue('[data-testid=command-input]')).toBe('');
    const listed = await page.evaluate(() => window.__kubedeck?.view().actions?.map((a) => a.command));
    expect(listed?.length).toBe(1);
    expect(listed?.[0]).toContain('--replicas=20000');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('the command list breaks a command between words, not after the hyphens of its flag', async () => {
    const { page, errors } = await openApp(browser.context, `${START}&do=1000~${encodeURIComponent('kubectl scale deployment web --replicas=3')}`);
    await page.locator('[data-testid=actions-panel]').waitFor();
    const words = await page.$$eval('[data-testid=action-list] .actions__command', (codes) =>
      codes.flatMap((c) => [...c.querySelectorAll('.actions__word')].map((w) => ({ text: w.textContent, lines: w.getClientRects().length, top: w.getBoundingClientRect().top, height: w.getBoundingClientRect().height }))),
    );
    const flag = words.find((w) => w.text === '--replicas=3');
    expect(flag).toBeDefined();
    // The flag is on one line, whole; copying the command still gives it as typed.
    expect(flag?.height).toBeLessThan(30);
    expect(await page.locator('[data-testid=action-list] .actions__command').first().textContent()).toBe('kubectl scale deployment web --replicas=3');
    expect(errors).toEqual([]);
    await page.close();
  });

  it.each([
    ['en', 'Your commands left the scenario waiting: when the run ended, at 07:14, it was still waiting for every web pod on the new image, Ready, with none left Terminating. Its later steps did not happen.'],
    ['ko', '입력한 명령 때문에 시나리오가 멈췄습니다. 실행이 끝난 07:14에도 시나리오는 다음을 기다리고 있었습니다: web 파드가 모두 새 이미지로 Ready이고 Terminating인 파드가 남지 않는 것. 그래서 뒤의 단계는 일어나지 않았습니다.'],
  ] as const)('%s: a what-if that leaves the story waiting says what for, under the commands; taking it back removes the note', async (lang, said) => {
    // rolling-update with worker-1 powered off: its old pods stay Terminating, so the rollout never settles and the rollback never comes.
    const { page, errors } = await openApp(browser.context, `${base}?scenario=rolling-update&lang=${lang}&theme=dark&do=3000~${encodeURIComponent('node power-off worker-1')}`);
    const note = page.locator('[data-testid=story-left-waiting]');
    await note.waitFor();
    expect(await note.textContent()).toBe(said);
    // Korean breaks between words (eojeol), as the caption does: "실행/이" reads badly.
    expect(await note.evaluate((n) => getComputedStyle(n).wordBreak)).toBe(lang === 'ko' ? 'keep-all' : 'normal');
    await page.locator('[data-action=remove-action]').first().click();
    await page.waitForFunction(() => window.__kubedeck?.trace?.()?.commands === undefined);
    expect(await note.isVisible()).toBe(false);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a link whose commands the simulation refuses shows the plain run and says why', async () => {
    // Ten hours in: beyond what a what-if may run.
    const { page, errors } = await openApp(browser.context, `${START}&do=${encodeURIComponent('36000000~wait 1s')}`);
    const notice = page.locator('[data-testid=notice]');
    expect(await notice.isVisible()).toBe(true);
    expect(await notice.innerText()).toContain('Your command could not be run');
    expect(doParams(page)).toEqual([]);
    expect(await page.evaluate(() => window.__kubedeck?.trace?.()?.commands)).toBeUndefined();
    expect(await page.locator('[data-testid=actions-panel]').isVisible()).toBe(false);
    expect(errors).toEqual([]);
    await page.close();
  });
});
