/**
 * An object card's YAML (object-doc.ts, with the yaml library) stays out of the app's first load:
 * main.ts loads it right after the first frame, and a card opened sooner fills its YAML in when
 * it arrives.
 */
import type { K8sObject } from '../model/objects.ts';
import { lazy } from '../lazy.ts';

const writer = lazy(() => import('./object-doc.ts').then((m) => m.objectYaml));

export async function loadObjectYaml(): Promise<void> {
  await writer.load();
}

/** The object as YAML, or undefined until the writer has loaded (loadObjectYaml). */
export function objectYamlNow(o: K8sObject): string | undefined {
  return writer.now()?.(o);
}
