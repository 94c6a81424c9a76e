/** The caption band's text handling: commands in backticks stay whole and are marked as code; the band scales with the frame. */
import { describe, expect, it } from 'vitest';
import { captionLayout, stageHeight, tokenize } from '../../src/export/compose.ts';

describe('caption compositor', () => {
  it('splits a caption into words and single spaces, marking backtick-quoted commands as code', () => {
    const tokens = tokenize('Run `kubectl get pods`  now');
    expect(tokens.map((t) => t.text)).toEqual(['Run', ' ', 'kubectl', ' ', 'get', ' ', 'pods', ' ', 'now']);
    expect(tokens.filter((t) => t.code).map((t) => t.text)).toEqual(['kubectl', ' ', 'get', ' ', 'pods']);
    expect(tokenize('<b>not markup</b>').map((t) => t.text)).toEqual(['<b>not', ' ', 'markup</b>']);
  });

  it('gives the band three readable lines at any size and the stage the rest', () => {
    const small = captionLayout(180);
    const hd = captionLayout(720);
    expect(small.font).toBeGreaterThanOrEqual(10);
    expect(hd.font).toBeGreaterThan(small.font);
    expect(hd.band).toBeGreaterThanOrEqual(hd.line * 3);
    expect(stageHeight(720, true)).toBe(720 - hd.band);
    expect(stageHeight(720, false)).toBe(720);
  });
});
