import { describe, expect, it } from 'vitest';
import { fileSource, frameSource, paramsOf } from '../../src/embed/element-link.ts';

const page = 'https://blog.example/posts/k8s.html';

describe('<kube-deck> src', () => {
  it('takes http(s) addresses, relative or absolute', () => {
    expect(frameSource('embed.html', page)).toMatchObject({ ok: true, url: new URL('https://blog.example/posts/embed.html') });
    expect(frameSource('/kubedeck/embed.html', page)).toMatchObject({ ok: true, url: new URL('https://blog.example/kubedeck/embed.html') });
    expect(frameSource('//cdn.example/embed.html', page)).toMatchObject({ ok: true, url: new URL('https://cdn.example/embed.html') });
    expect(frameSource('http://127.0.0.1:8080/embed.html', page)).toMatchObject({ ok: true });
    // A deck opened from disk frames the embed beside it.
    expect(frameSource('embed.html', 'file:///home/me/deck/index.html')).toMatchObject({ ok: true, url: new URL('file:///home/me/deck/embed.html') });
  });

  it('refuses javascript:, data:, blob:, file: and other schemes, however they are written', () => {
    for (const src of ['javascript:parent.__xss=1', ' JavaScript:alert(1)', 'java\tscript:alert(1)', 'data:text/html,<script>parent.__xss=1</script>', 'blob:https://blog.example/1', 'file:///etc/passwd', 'about:blank', 'vbscript:x']) {
      const source = frameSource(src, page);
      expect(source.ok, src).toBe(false);
      if (!source.ok) expect(source.message).toMatch(/^<kube-deck> src may only be an http\(s\) address \(relative or absolute\), not [a-z]+:; nothing was loaded$/);
    }
    expect(frameSource('javascript:x', 'file:///home/me/deck/index.html').ok).toBe(false);
    expect(frameSource('http://[bad', page)).toMatchObject({ ok: false, message: expect.stringMatching(/is not a URL/) });
  });
});

describe('<kube-deck> params', () => {
  it('keeps the scenario params and drops what has its own attribute', () => {
    expect(paramsOf('replicas=3&nodeReturns=true')).toEqual({ replicas: '3', nodeReturns: 'true' });
    expect(paramsOf('origins=*&keys=host&controls=none&src=javascript:x&scenario=etcd-ha&replicas=2')).toEqual({ replicas: '2' });
    expect(paramsOf('__proto__=1')).toEqual(Object.fromEntries([['__proto__', '1']]));
    expect(paramsOf(null)).toEqual({});
  });
});

describe('<kube-deck file>', () => {
  it('resolves a file against the host page, http(s) only, and params cannot set it', () => {
    const page = 'https://slides.example/deck/index.html';
    const rel = fileSource('stories/drain.yaml', page);
    expect(rel.ok && rel.url.href).toBe('https://slides.example/deck/stories/drain.yaml');
    for (const bad of ['javascript:alert(1)', 'data:text/yaml,a', 'file:///etc/passwd']) expect(fileSource(bad, page).ok).toBe(false);
    expect(paramsOf('file=https://evil.example/x.yaml&replicas=2')).toEqual({ replicas: '2' });
  });
});
