// The default view's trace made at build time, by build/first-trace.ts (a vite plugin).
declare module 'virtual:kubedeck-first-trace' {
  import type { PrebuiltKey } from './prebuilt-key.ts';
  const first: { readonly file: string; readonly key: PrebuiltKey } | undefined;
  export default first;
}
