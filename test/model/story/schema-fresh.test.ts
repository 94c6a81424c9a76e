import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { storyJsonSchemaText } from '../../../src/model/story/json-schema.ts';

describe('schema/kubedeck-scenario.schema.json', () => {
  it('is what `npm run schema` writes from the validator today', () => {
    const committed = readFileSync(new URL('../../../schema/kubedeck-scenario.schema.json', import.meta.url), 'utf8');
    // On failure: run `npm run schema` and commit the result.
    expect(committed).toBe(storyJsonSchemaText());
  });

  it('describes the fields a person writes, durations as text and numbers', () => {
    const schema = JSON.parse(storyJsonSchemaText()) as { properties: Record<string, unknown>; required: string[] };
    expect(schema.required).toEqual(expect.arrayContaining(['apiVersion', 'kind', 'id', 'title', 'summary', 'cluster', 'steps']));
    expect(Object.keys(schema.properties)).toEqual(expect.arrayContaining(['objects', 'placement', 'cues', 'finish', 'maxSimTime']));
    expect(storyJsonSchemaText()).toContain('"const": "kubedeck.dev/v1alpha1"');
  });
});
