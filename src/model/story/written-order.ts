/**
 * A validated object as its author wrote it: the keys in the order written (so the stored object
 * reads like the manifest), fields the validator does not model kept as written (hostNetwork,
 * serviceAccountName...), and the defaults the API server adds (a Service's targetPort, a
 * DaemonSet's maxSurge) after them.
 */
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export function inWrittenOrder(written: unknown, parsed: unknown): unknown {
  if (Array.isArray(written) && Array.isArray(parsed)) {
    return written.length === parsed.length ? parsed.map((p: unknown, i) => inWrittenOrder(written[i], p)) : parsed;
  }
  if (!isRecord(written) || !isRecord(parsed)) return parsed;
  const out: Record<string, unknown> = {};
  // defineProperty, not assignment: a key such as "__proto__" from the file stays a plain key.
  const put = (key: string, value: unknown): void => void Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
  for (const key of Object.keys(written)) put(key, Object.hasOwn(parsed, key) ? inWrittenOrder(written[key], parsed[key]) : written[key]);
  for (const key of Object.keys(parsed)) if (!Object.hasOwn(out, key)) put(key, parsed[key]);
  return out;
}
