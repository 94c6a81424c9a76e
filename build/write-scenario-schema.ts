/** `npm run schema`: writes schema/kubedeck-scenario.schema.json from the scenario file validator. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { storyJsonSchemaText } from '../src/model/story/json-schema.ts';

const out = join(dirname(fileURLToPath(import.meta.url)), '..', 'schema', 'kubedeck-scenario.schema.json');
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, storyJsonSchemaText());
console.log(`wrote ${out}`);
