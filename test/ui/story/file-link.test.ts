import { describe, expect, it } from 'vitest';
import { allowedOrigins, checkFileLink } from '../../../src/ui/story/file-link.ts';
import { FileTooLarge, readFileText, readResponseText } from '../../../src/ui/story/read-bounded.ts';

const PAGE = 'https://kubedeck.example/app/index.html?scenario=sandbox';

describe('file= links', () => {
  it('takes a file on the page\'s own origin, relative or absolute', () => {
    const rel = checkFileLink('stories/drain.yaml', PAGE, new Set());
    expect(rel.ok && rel.url.href).toBe('https://kubedeck.example/app/stories/drain.yaml');
    expect(checkFileLink('https://kubedeck.example/x.yaml', PAGE, new Set()).ok).toBe(true);
  });

  it('takes another origin only when the page allows it', () => {
    expect(checkFileLink('https://teacher.example/a.yaml', PAGE, new Set())).toEqual({ ok: false, reason: 'origin', shown: 'https://teacher.example' });
    expect(checkFileLink('https://teacher.example/a.yaml', PAGE, allowedOrigins('https://teacher.example')).ok).toBe(true);
  });

  it.each(['javascript:alert(1)', 'data:text/yaml,a: 1', 'file:///etc/passwd', 'blob:https://kubedeck.example/x'])('refuses %s', (raw) => {
    const result = checkFileLink(raw, PAGE, new Set(['https://kubedeck.example']));
    expect(result.ok).toBe(false);
    expect(!result.ok && result.reason).toBe('scheme');
  });

  it('reads only http(s) origins from the meta tag', () => {
    expect([...allowedOrigins(' https://a.example  http://b.example:8080 javascript:x https://c.example/path ftp://d.example ')]).toEqual(['https://a.example', 'http://b.example:8080']);
    expect(allowedOrigins(null).size).toBe(0);
  });
});

describe('bounded reading', () => {
  it('reads a small file as UTF-8 and drops a byte order mark', async () => {
    expect(await readFileText(new Blob(['\uFEFFtitle: 한국어']))).toBe('title: 한국어');
  });

  it('refuses a file over the limit before reading it', async () => {
    await expect(readFileText(new Blob(['x'.repeat(11)]), 10)).rejects.toBeInstanceOf(FileTooLarge);
  });

  it('cuts a response off past the limit, whatever its headers say', async () => {
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < 5; i++) controller.enqueue(new Uint8Array(4));
        controller.close();
      },
    });
    await expect(readResponseText(new Response(body), 10)).rejects.toBeInstanceOf(FileTooLarge);
    expect(await readResponseText(new Response('ok: true'), 10)).toBe('ok: true');
  });
});
