/**
 * The Content-Security-Policy kubedeck's pages work under (README: Content Security Policy), and
 * the Vite plugins that put it in the built pages:
 *
 * - `cspMeta()` (`npm run build`): a `<meta http-equiv="Content-Security-Policy">` first in each
 *   page's head. A meta policy cannot carry `frame-ancestors`; `HOST_HEADERS` is the header set a
 *   host sends instead (docs/content-security-policy.md).
 * - `cspHashes()` (`npm run build:single`): the one file inlines its script and styles, so its
 *   policy allows them by their 'sha256-...' hashes, computed from the written file; the policy
 *   goes into the file's head and, as a header line for hosts, into kubedeck.csp.txt beside it.
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Plugin } from 'vite';

export type Directives = Readonly<Record<string, readonly string[]>>;

/** What every served page needs: its own scripts, styles, fonts and icons; images also from data: URLs (the icons are rasterised through them, and the favicon is one). */
export const POLICY: Directives = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'style-src': ["'self'"],
  'img-src': ["'self'", 'data:'],
  'worker-src': ["'self'", 'blob:'],
  'connect-src': ["'self'"],
};

/** The policy as a header or meta value. */
export const policyText = (d: Directives): string =>
  Object.entries(d)
    .map(([name, sources]) => [name, ...sources].join(' '))
    .join('; ');

/**
 * The headers a host serves the pages with. The app may be framed only by its own site; the embed
 * (embed.html) by the pages that show it: `embedders` are their origins (e.g. https://slides.example.com),
 * the same list the embed's `origins` parameter names.
 */
export function hostHeaders(embedders: readonly string[]): { readonly app: string; readonly embed: string } {
  return {
    app: policyText({ ...POLICY, 'frame-ancestors': ["'self'"] }),
    embed: policyText({ ...POLICY, 'frame-ancestors': ["'self'", ...embedders] }),
  };
}

const metaTag = (policy: string): string => `<meta http-equiv="Content-Security-Policy" content="${policy}" />`;

/** `npm run build`: the policy as a meta tag, first in every page's head (not in dev: Vite's dev server injects styles inline). */
export function cspMeta(): Plugin {
  return {
    name: 'kubedeck:csp-meta',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler: () => [{ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: policyText(POLICY) }, injectTo: 'head-prepend' }],
    },
  };
}

const sha256 = (text: string): string => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

/** The hashes of a page's inline `<script>` and `<style>` elements, as CSP sources. */
export function inlineHashes(html: string): { readonly scripts: string[]; readonly styles: string[] } {
  const scripts = [...html.matchAll(/<script\b(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/gi)].map((m) => sha256(m[1] ?? ''));
  const styles = [...html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/gi)].map((m) => sha256(m[1] ?? ''));
  return { scripts, styles };
}

/**
 * The single file's policy: its inline script and styles by hash; fonts and icons are data: URLs
 * in it (icons are fetched from them). No 'self' sources are needed from file://, but a host
 * serving the file over http(s) keeps the same.
 */
export function singleFilePolicy(html: string): Directives {
  const { scripts, styles } = inlineHashes(html);
  return {
    'default-src': ["'self'"],
    'script-src': scripts,
    'style-src': styles,
    'img-src': ["'self'", 'data:'],
    'font-src': ["'self'", 'data:'],
    'worker-src': ["'self'", 'blob:'],
    'connect-src': ["'self'", 'data:'],
  };
}

/** `npm run build:single`: hash the written file's inline code, put the policy in its head and in `<name>.csp.txt`. */
export function cspHashes(fileName: string): Plugin {
  let outDir = '';
  return {
    name: 'kubedeck:csp-hashes',
    apply: 'build',
    enforce: 'post',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
    },
    writeBundle: {
      order: 'post',
      handler() {
        const file = join(outDir, fileName);
        const html = readFileSync(file, 'utf8');
        const policy = policyText(singleFilePolicy(html));
        writeFileSync(file, html.replace(/<head>/i, `<head>\n    ${metaTag(policy)}`));
        const txt = file.replace(/\.html$/, '.csp.txt');
        writeFileSync(
          txt,
          [
            `# The Content-Security-Policy ${fileName} works under (also in its <head> as a meta tag).`,
            '# Hashes of its inline script and styles: they change with every build of different code.',
            '# Served over http(s), add frame-ancestors (the sites that may frame it) to the header.',
            `Content-Security-Policy: ${policy}`,
            '',
          ].join('\n'),
        );
      },
    },
  };
}
