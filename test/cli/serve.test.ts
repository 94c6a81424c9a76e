import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serve, type Served } from '../../src/cli/export/serve.ts';

/** A raw GET (fetch would normalise the path): the status, or the error if the server went away. */
function get(base: string, target: string): Promise<number> {
  const { hostname, port } = new URL(base);
  return new Promise((done, fail) => {
    const req = request({ hostname, port, path: target, method: 'GET' }, (res) => {
      res.resume();
      done(res.statusCode ?? 0);
    });
    req.on('error', fail);
    req.end();
  });
}

describe('the static server kubedeck export and the tests use', () => {
  let root = '';
  let served: Served;
  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'kubedeck-serve-'));
    writeFileSync(join(root, 'index.html'), '<!doctype html>');
    served = await serve(root);
  });
  afterAll(async () => {
    await served.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('serves a file and the folder index, and says 404 for what is not there', async () => {
    expect(await get(served.url, '/')).toBe(200);
    expect(await get(served.url, '/index.html')).toBe(200);
    expect(await get(served.url, '/nothing.js')).toBe(404);
  });

  it('answers a malformed path with 400 and keeps serving', async () => {
    expect(await get(served.url, '//')).toBe(400);
    expect(await get(served.url, '/%E0%A4%A')).toBe(400);
    expect(await get(served.url, '/index.html')).toBe(200);
  });

  it('refuses a path that climbs out of its folder', async () => {
    expect(await get(served.url, '/..%2F..%2Fetc%2Fpasswd')).toBe(403);
  });
});
