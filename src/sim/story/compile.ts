/**
 * A loaded scenario file as a ScenarioDefinition: an XState machine built with setup() as the
 * scenes are. Entry seeds the cluster; then each step waits (`until`, checked on every trace
 * event; then `after`, on the simulated clock), marks its caption and runs its commands; `finish`
 * waits the same way before the final state. The same waits in the same order as a hand-written
 * machine make the same cluster calls at the same simulated times.
 */
import { setup } from 'xstate';
import { text } from '../../model/localized.ts';
import type { LoadedStory } from '../../model/story/load.ts';
import { STORY_LIMITS } from '../../model/story/limits.ts';
import type { Condition } from '../../model/story/conditions.ts';
import type { Cluster } from '../cluster.ts';
import type { ScenarioDefinition, ScenarioEvent, ScenarioInput, ScenarioParams, StepCue } from '../scenario.ts';
import type { ComponentId } from '../trace.ts';
import { holds, type RunState } from './conditions.ts';
import { applyCommand } from '../sandbox/apply-command.ts';
import { predicateOf } from './matchers.ts';
import { addStoryNodes, seedStoryObjects } from './seed.ts';

interface StoryContext {
  readonly cluster: Cluster;
  readonly params: ScenarioParams;
  readonly run: RunState;
}

/** When a step (or the end) may start: first `until`, then `after` ms. */
interface Gate {
  readonly until?: Condition;
  readonly after?: number;
}

export function compileStory(loaded: LoadedStory): ScenarioDefinition {
  const { story, objects } = loaded;
  const gates: Gate[] = [...story.steps, story.finish ?? {}];

  const machineSetup = setup({
    types: { input: {} as ScenarioInput, context: {} as StoryContext, events: {} as ScenarioEvent },
    actions: {
      build: ({ context }) => {
        addStoryNodes(context.cluster, story);
        seedStoryObjects(context.cluster, story, objects);
      },
      runStep: ({ context }, params: { readonly index: number }) => {
        const step = story.steps[params.index];
        if (step === undefined) return;
        const { cluster, run } = context;
        cluster.step(step.id, text(step.caption.en, step.caption.ko), (step.focus ?? []) as readonly ComponentId[]);
        for (const command of step.commands ?? []) {
          run.pendingCommands++;
          let finished = false;
          // A refused command counts as finished too: `commandsDone` must not wait forever.
          applyCommand(cluster, command, {
            narrate: false,
            onDone: () => {
              if (finished) return;
              finished = true;
              run.pendingCommands--;
            },
          });
        }
      },
    },
    guards: {
      ready: ({ context }, params: { readonly gate: number }) => {
        const until = gates[params.gate]?.until;
        return until === undefined || holds(until, context.cluster, context.run);
      },
    },
  });

  type States = NonNullable<Parameters<typeof machineSetup.createMachine>[0]['states']>;
  type AnyState = States[string];

  /** The states of gate i: they lead to `next`, running step i on the way (none for the end). */
  function gateStates(i: number, next: string): Record<string, AnyState> {
    const gate = gates[i] ?? {};
    const actions = i < story.steps.length ? [{ type: 'runStep' as const, params: { index: i } }] : [];
    const go = { target: next, actions };
    const delay = gate.after ?? 0;
    // The first step waits for the clock even at 0 ms: the machine starts before the cluster does
    // (runScenario starts the actor, then cluster.start()), and commands need a started cluster.
    const timed = (): AnyState => (delay > 0 || i === 0 ? { after: { [delay]: go } } : { always: go });
    if (gate.until === undefined) return { [`gate-${i}`]: timed() };
    const onReady = delay > 0 ? { target: `gate-${i}-after` } : go;
    return {
      [`gate-${i}`]: { on: { trace: { guard: { type: 'ready', params: { gate: i } }, ...onReady } } },
      ...(delay > 0 ? { [`gate-${i}-after`]: timed() } : {}),
    };
  }

  const states: States = { done: { type: 'final' } };
  gates.forEach((_, i) => Object.assign(states, gateStates(i, i + 1 < gates.length ? `gate-${i + 1}` : 'done')));

  const machine = machineSetup.createMachine({
    id: story.id,
    context: ({ input }) => ({ cluster: input.cluster, params: input.params, run: { pendingCommands: 0 } }),
    entry: 'build',
    initial: 'gate-0',
    states,
  });

  const cues = (): readonly StepCue[] =>
    (story.cues ?? []).map((c) => ({ id: c.id, caption: text(c.caption.en, c.caption.ko), focus: (c.focus ?? []) as readonly ComponentId[], when: predicateOf(c.when) }));

  return {
    id: story.id,
    title: text(story.title.en, story.title.ko),
    summary: text(story.summary.en, story.summary.ko),
    params: [],
    machine,
    cues,
    maxSimTimeMs: story.maxSimTime ?? STORY_LIMITS.simTimeMs,
    ...(story.actions && story.actions.length > 0 ? { actions: story.actions.map((a) => ({ at: a.at, command: a.command })) } : {}),
  };
}
