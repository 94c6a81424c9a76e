/**
 * The pod-template-hash a Deployment stamps on its ReplicaSets: FNV-1a (32 bit) of the pod
 * template, written with Kubernetes' "safe" alphabet (no vowels, so no words) as upstream does.
 */
const SAFE = 'bcdfghjklmnpqrstvwxz2456789';

export function fnv32a(input: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < input.length; i++) {
    hash ^= input.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}

export function templateHash(template: unknown): string {
  const digits = String(fnv32a(JSON.stringify(template)));
  let out = '';
  for (const ch of digits) out += SAFE[Number(ch) % SAFE.length];
  return out.slice(0, 10);
}
