/**
 * The app's handle on window, for the browser tests, the bench and a curious console user.
 */
import type { AppHandle } from './app.ts';

declare global {
  interface Window {
    __kubedeck?: AppHandle;
  }
}

export function exposeHandle(handle: AppHandle): void {
  window.__kubedeck = handle;
}
