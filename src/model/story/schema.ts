/**
 * The scenario file format, `apiVersion: kubedeck.dev/v1alpha1`, `kind: Scenario`: one zod
 * validator from which the JSON Schema is generated (json-schema.ts). docs/scenario-files.md
 * describes it field by field. Pure data: nothing in a file is code.
 */
// zod without eval (CSP) before this module builds its schemas, whoever loads it first.
import '../../zod-jitless.ts';
import { z } from 'zod';
import { said } from './bilingual.ts';
import { condition } from './conditions.ts';
import { durationMs } from './duration.ts';
import { STORY_LIMITS } from './limits.ts';
import { matcher } from './matchers.ts';
import { componentId, resourceName } from './names.ts';

export const STORY_API_VERSION = 'kubedeck.dev/v1alpha1';

const caption = z.string().min(1).max(STORY_LIMITS.captionChars);

/** Text in both languages; either may be written first. */
export const localized = z.strictObject({ en: caption, ko: caption }).describe('Text in English (en) and Korean (ko).');

/** `500`, `500ms`, `3s`, `1m30s`, `1h`: stored as milliseconds. */
export const duration = z
  .union([z.number(), z.string()])
  .refine((v) => durationMs(v) !== undefined, said({ en: 'expected a duration such as 500ms, 3s, 1m30s or a whole number of milliseconds', ko: '500ms, 3s, 1m30s 같은 시간이나 밀리초 정수여야 합니다' }))
  .transform((v) => durationMs(v) ?? 0)
  .refine((ms) => ms <= STORY_LIMITS.simTimeMs, said({ en: 'at most 1h of simulated time', ko: '시뮬레이션 시간은 1시간을 넘을 수 없습니다' }))
  .describe('A duration: 500ms, 3s, 1m30s, 1h, or a whole number of milliseconds.');

const quantity = z.union([z.string().max(40), z.number()]).transform(String);

const taint = z.strictObject({
  key: z.string().min(1).max(253),
  value: z.string().max(63).optional(),
  effect: z.enum(['NoSchedule', 'PreferNoSchedule', 'NoExecute']),
});

export const storyNode = z
  .strictObject({
    name: resourceName,
    cpu: quantity.optional().describe('Allocatable CPU, "4" by default.'),
    memory: quantity.optional().describe('Allocatable memory, "8Gi" by default.'),
    pods: quantity.optional().describe('How many pods fit, "110" by default.'),
    zone: z.string().max(63).optional().describe('Sets the label topology.kubernetes.io/zone.'),
    labels: z.record(z.string().max(317), z.string().max(63)).optional(),
    taints: z.array(taint).max(50).optional(),
  })
  .describe('A worker node, registered and Ready when the scenario starts.');

/** An inline manifest: checked fully when it is read as a Kubernetes object (objects.ts). */
export const manifest = z.looseObject({
  apiVersion: z.string().min(1).max(100),
  kind: z.string().min(1).max(100),
  metadata: z.looseObject({ name: resourceName }),
});

export const step = z
  .strictObject({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, said({ en: 'expected an id of lower-case letters, digits and "-"', ko: '소문자, 숫자, "-"로 된 id여야 합니다' })).max(80),
    caption: localized,
    focus: z.array(componentId).max(50).optional().describe('Components this step is about; the others are dimmed.'),
    until: condition.optional().describe('Wait until this holds (checked after every trace event) before the step starts.'),
    after: duration.optional().describe('Then wait this long (simulated time) before the step starts.'),
    commands: z.array(z.string().min(1).max(20_000)).max(STORY_LIMITS.commands).optional().describe('Sandbox commands run when the step starts (docs/sandbox-commands.md).'),
  })
  .describe('A narration step: it waits (until, then after), shows its caption and runs its commands.');

export const cue = z
  .strictObject({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, said({ en: 'expected an id of lower-case letters, digits and "-"', ko: '소문자, 숫자, "-"로 된 id여야 합니다' })).max(80),
    caption: localized,
    focus: z.array(componentId).max(50).optional(),
    when: matcher,
  })
  .describe('A caption that starts just before the first trace event matching `when`; cues are matched in order.');

export const storySchema = z
  .strictObject({
    apiVersion: z.literal(STORY_API_VERSION),
    kind: z.literal('Scenario'),
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, said({ en: 'expected an id of lower-case letters, digits and "-"', ko: '소문자, 숫자, "-"로 된 id여야 합니다' })).max(80),
    title: localized,
    summary: localized,
    cluster: z.strictObject({
      kubernetesVersion: z.string().max(20).optional().describe('The Kubernetes version the scenario is written for ("1.35"); the run may choose another.'),
      nodes: z.array(storyNode).min(1).max(STORY_LIMITS.nodes),
    }),
    objects: z
      .union([z.array(manifest).max(STORY_LIMITS.objects), z.string().max(STORY_LIMITS.fileBytes)])
      .optional()
      .describe('Objects that exist when the scenario starts, as Kubernetes manifests: a list, or multi-document YAML text.'),
    placement: z
      .record(resourceName, z.array(resourceName).min(1).max(10_000))
      .optional()
      .describe("Per Deployment name: the nodes its seeded pods run on, in turn (all nodes in turn by default)."),
    steps: z.array(step).min(1).max(STORY_LIMITS.steps),
    cues: z.array(cue).max(STORY_LIMITS.cues).optional(),
    actions: z
      .array(
        z.strictObject({
          at: duration.describe('When, in simulated time since the scenario started.'),
          command: z.string().min(1).max(20_000).describe('A sandbox command (docs/sandbox-commands.md).'),
        }),
      )
      .max(STORY_LIMITS.commands)
      .optional()
      .describe("A learner's commands at fixed times, as the sandbox inserts them: each gets a step with a generated caption, on top of the steps' own story (what the app's Save as scenario writes)."),
    finish: z
      .strictObject({ until: condition.optional(), after: duration.optional() })
      .optional()
      .describe('After the last step: wait until this holds, then this long, and end. Ends at once when absent.'),
    maxSimTime: duration.optional().describe('A run still going after this much simulated time fails (1h at most, and by default).'),
  })
  .describe('A kubedeck scenario: a cluster, what exists in it, and the steps that tell what happens.');

export type StoryFile = z.output<typeof storySchema>;
export type StoryStep = z.output<typeof step>;
export type StoryCue = z.output<typeof cue>;
export type StoryNode = z.output<typeof storyNode>;
