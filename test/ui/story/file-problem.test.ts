import { describe, expect, it } from 'vitest';
import { StoryFileError, type StoryError } from '../../../src/model/story/story-error.ts';
import { fetchStoryText, fileNameOf } from '../../../src/ui/story/fetch-file.ts';
import { problemFromError, problemLines } from '../../../src/ui/story/file-problem.ts';
import { FileTooLarge, NotUtf8, readFileText } from '../../../src/ui/story/read-bounded.ts';

const error = (n: number): StoryError => ({ file: 'story.yaml', line: n, col: 3, path: `steps[${n}].caption`, message: { en: `bad ${n}`, ko: `잘못됨 ${n}` } });
const PAGE = 'https://kubedeck.example/app/?lang=en';

describe('a file that does not open', () => {
  it('lists the file\'s mistakes as file:line:col: path: message, five at most, in the language asked', () => {
    const problem = problemFromError(new StoryFileError([1, 2, 3, 4, 5, 6, 7].map(error)), 'story.yaml', 'compile');
    expect(problemLines(problem, 'en')).toEqual(['story.yaml:1:3: steps[1].caption: bad 1', 'story.yaml:2:3: steps[2].caption: bad 2', 'story.yaml:3:3: steps[3].caption: bad 3', 'story.yaml:4:3: steps[4].caption: bad 4', 'story.yaml:5:3: steps[5].caption: bad 5', '…and 2 more.']);
    expect(problemLines(problem, 'ko')[0]).toBe('story.yaml:1:3: steps[1].caption: 잘못됨 1');
    expect(problemLines(problem, 'ko').at(-1)).toBe('…그 밖에 2개가 더 있습니다.');
  });

  it('says plainly when it is too large, not text, or unreadable', () => {
    expect(problemLines(problemFromError(new FileTooLarge(2_000_000), 'big.yaml', 'read'), 'en')[0]).toContain('big.yaml is larger than 1 MB');
    expect(problemLines(problemFromError(new NotUtf8(), 'a.png', 'read'), 'en')[0]).toContain('a.png is not UTF-8 text');
    expect(problemLines(problemFromError(new Error('NotReadableError'), 'folder', 'read'), 'en')[0]).toContain('A folder cannot be opened');
  });

  it('refuses bytes that are not UTF-8', async () => {
    await expect(readFileText(new Blob([new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0xff, 0xfe])]))).rejects.toBeInstanceOf(NotUtf8);
  });
});

describe('fetching a file= link', () => {
  const ok = (body: string): typeof fetch => () => Promise.resolve(new Response(body, { status: 200 }));

  it('fetches a same-origin file without credentials and names it by its last segment', async () => {
    const calls: [string, RequestInit | undefined][] = [];
    const spy: typeof fetch = (input, init) => {
      calls.push([String(input), init]);
      return Promise.resolve(new Response('id: x', { status: 200 }));
    };
    expect(await fetchStoryText('stories/my%20drain.yaml', PAGE, null, spy)).toEqual({ ok: true, text: 'id: x', name: 'my drain.yaml' });
    expect(calls.map(([url, init]) => [url, init?.credentials])).toEqual([['https://kubedeck.example/app/stories/my%20drain.yaml', 'omit']]);
  });

  it('refuses another origin unless the page allows it, before fetching anything', async () => {
    const never: typeof fetch = () => Promise.reject(new Error('fetched'));
    expect(await fetchStoryText('https://evil.example/x.yaml', PAGE, null, never)).toEqual({ ok: false, problem: { kind: 'refused', reason: 'origin', shown: 'https://evil.example' } });
    expect((await fetchStoryText('https://teacher.example/x.yaml', PAGE, 'https://teacher.example', ok('a: 1'))).ok).toBe(true);
  });

  it('reports an HTTP error and a network failure', async () => {
    expect(await fetchStoryText('x.yaml', PAGE, null, () => Promise.resolve(new Response('no', { status: 404 })))).toEqual({ ok: false, problem: { kind: 'http', name: 'x.yaml', status: 404 } });
    const down: typeof fetch = () => Promise.reject(new TypeError('Failed to fetch'));
    expect(await fetchStoryText('x.yaml', PAGE, null, down)).toEqual({ ok: false, problem: { kind: 'network', name: 'x.yaml', detail: 'Failed to fetch' } });
  });

  it('names a file by its path', () => {
    expect(fileNameOf(new URL('https://a.example/s/drain.yaml?x=1'))).toBe('drain.yaml');
    expect(fileNameOf(new URL('https://a.example/'))).toBe('a.example');
  });
});
