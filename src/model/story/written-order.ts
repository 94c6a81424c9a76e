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
  for (const key of Object.keys(written)) out[key] = key in parsed ? inWrittenOrder(written[key], parsed[key]) : written[key];
  for (const key of Object.keys(parsed)) if (!(key in out)) out[key] = parsed[key];
  return out;
}
