/**
 * Content-Security-Policy checks: a server in front of the built app that sends a policy as a real
 * HTTP header (and can drop the pages' meta policy, so the header alone is tested), and a record of
 * every `securitypolicyviolation` event in every page and frame.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { BrowserContext, Frame, Page } from 'playwright-core';

export interface CspServer {
  readonly url: string;
  close(): Promise<void>;
}

const META = /<meta http-equiv="Content-Security-Policy"[^>]*>\s*/i;

/**
 * Serves what `upstream` serves, with `policyFor(path)` as the Content-Security-Policy header of
 * each HTML page; `dropMeta` removes the page's own meta policy.
 */
export async function serveWithCsp(upstream: string, policyFor: (path: string) => string, options: { readonly dropMeta: boolean }): Promise<CspServer> {
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    void fetch(new URL(req.url ?? '/', upstream)).then(async (up) => {
      const type = up.headers.get('content-type') ?? 'application/octet-stream';
      const html = type.startsWith('text/html');
      let body = Buffer.from(await up.arrayBuffer());
      if (html && options.dropMeta) body = Buffer.from(body.toString('utf8').replace(META, ''));
      res.writeHead(up.status, { 'content-type': type, 'cache-control': 'no-store', ...(html ? { 'content-security-policy': policyFor(path) } : {}) });
      res.end(body);
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${String(port)}/`, close: () => new Promise<void>((done) => server.close(() => done())) };
}

declare global {
  interface Window {
    __cspViolations?: string[];
  }
}

/** Records every policy violation in every page and frame of `context` from before its first script. */
export async function recordViolations(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    const seen: string[] = [];
    window.__cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.effectiveDirective} blocked ${e.blockedURI || '(inline)'} at ${e.sourceFile}:${String(e.lineNumber)}`));
  });
}

export function violations(where: Page | Frame): Promise<string[]> {
  return where.evaluate(() => window.__cspViolations ?? ['no violation recorder in this page']);
}
