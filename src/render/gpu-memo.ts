/**
 * The software-WebGL probe's last answer in this browser (gpu.ts), kept in localStorage so a
 * returning page picks its renderer without making a WebGL context before its first frame: ~10 ms
 * of that frame's main thread with the canvas renderer, which makes no WebGL context of its own
 * (build/pixi-lazy-shader.ts). Tied to the user agent; a page that went by it probes again after
 * its first frame and keeps that answer for the next one. Where storage is refused (a sandboxed
 * frame, some private windows) every page probes. Only kubedeck's own pages keep it (main.ts):
 * the <kube-deck> element leaves its host page's storage alone.
 */
const KEY = 'kubedeck:software-webgl';

interface Memo {
  readonly agent: string;
  readonly software: boolean;
}

const isMemo = (v: unknown): v is Memo =>
  typeof v === 'object' && v !== null && typeof (v as Partial<Memo>).agent === 'string' && typeof (v as Partial<Memo>).software === 'boolean';

/** The answer kept for this user agent, if any. */
export function rememberedSoftware(): boolean | undefined {
  try {
    const text = globalThis.localStorage.getItem(KEY);
    if (text === null) return undefined;
    const memo: unknown = JSON.parse(text);
    return isMemo(memo) && memo.agent === navigator.userAgent ? memo.software : undefined;
  } catch {
    return undefined;
  }
}

export function rememberSoftware(software: boolean): void {
  try {
    const memo: Memo = { agent: navigator.userAgent, software };
    globalThis.localStorage.setItem(KEY, JSON.stringify(memo));
  } catch {
    // Refused or full: the next page probes.
  }
}
