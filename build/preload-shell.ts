/**
 * `<link rel="modulepreload">` in each built page for its shell's chunks (src/ui/app.ts for
 * index.html, src/embed/embed-app.ts for embed.html). main.ts imports the shell dynamically, so
 * that each page loads only its own; without these links the browser would ask for the shell's
 * code only once main.ts has run, a round trip after the rest. With them it fetches and parses the
 * shell beside the entry's chunks, and the import finds it ready.
 */
import type { Plugin, Rolldown } from 'vite';

type OutputBundle = Rolldown.OutputBundle;
type OutputChunk = Rolldown.OutputChunk;

const SHELLS: Readonly<Record<string, string>> = { 'index.html': '/src/ui/app.ts', 'embed.html': '/src/embed/embed-app.ts' };

/** A chunk's file and every chunk it imports statically, transitively. */
function withStaticImports(bundle: OutputBundle, chunk: OutputChunk): string[] {
  const seen = new Set<string>();
  const visit = (file: string): void => {
    if (seen.has(file)) return;
    seen.add(file);
    const next = bundle[file];
    if (next?.type === 'chunk') for (const imported of next.imports) visit(imported);
  };
  visit(chunk.fileName);
  return [...seen];
}

export function preloadShell(): Plugin {
  let base = './';
  return {
    name: 'kubedeck:preload-shell',
    apply: 'build',
    configResolved(config) {
      base = config.base === '' ? './' : config.base;
    },
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        const page = Object.keys(SHELLS).find((name) => ctx.filename.endsWith(`/${name}`));
        const bundle = ctx.bundle;
        if (page === undefined || bundle === undefined) return undefined;
        const shell = Object.values(bundle).find((c): c is OutputChunk => c.type === 'chunk' && (c.facadeModuleId?.endsWith(SHELLS[page] ?? '') ?? false));
        // The single-file build has no chunk of its own for the shell: nothing to preload.
        if (shell === undefined) return undefined;
        return withStaticImports(bundle, shell)
          .filter((file) => !html.includes(file))
          .map((file) => ({ tag: 'link', attrs: { rel: 'modulepreload', crossorigin: true, href: `${base}${file}` }, injectTo: 'head' as const }));
      },
    },
  };
}
