/**
 * The JSON Schema of scenario files, generated from the same zod validator loadStory uses, so an
 * editor (yaml-language-server: `# yaml-language-server: $schema=...`) completes and checks
 * exactly what kubedeck accepts. Committed as schema/kubedeck-scenario.schema.json (`npm run schema`).
 */
// zod without eval (CSP) before this module builds its schemas, whoever loads it first.
import '../../zod-jitless.ts';
import { z } from 'zod';
import { storySchema } from './schema.ts';

export const STORY_SCHEMA_ID = 'https://kubedeck.dev/schema/kubedeck-scenario.schema.json';

/** The file's text: stable key order, two-space indent, a final newline. */
export function storyJsonSchemaText(): string {
  // io: 'input' describes what a person writes (durations as text, before they become ms).
  const schema = z.toJSONSchema(storySchema, { io: 'input', unrepresentable: 'any', target: 'draft-2020-12' });
  return `${JSON.stringify({ ...schema, $id: STORY_SCHEMA_ID, title: 'kubedeck scenario file' }, null, 2)}\n`;
}
