/**
 * A token's label keeps off a card's edge: flush against it, the label is costed past what
 * tokens.ts lets a label cover (12 % of its area), so another side wins or the label stays hidden.
 * At zone-outage's step 8 labels on the short scheduler <-> kube-apiserver route sat on the cards'
 * edges; a label in open space costs nothing.
 */
import { describe, expect, it } from 'vitest';
import { CARD_MARGIN, coverArea } from '../../src/render/label-cover.ts';

/** tokens.ts shows a label whose cover is at most this share of its area. */
const ALLOWED = 0.12;
const card = { x: 100, y: 100, w: 300, h: 60 };
const label = (x: number, y: number) => ({ x, y, w: 150, h: 24 });
const share = (box: { x: number; y: number; w: number; h: number }, fs = 1): number => coverArea(box, [card], CARD_MARGIN * fs) / (box.w * box.h);

describe('label cover', () => {
  it('a label flush against a card (left, above, right) covers more than a label may', () => {
    expect(share(label(card.x - 150, card.y + 10))).toBeGreaterThan(ALLOWED);
    expect(share(label(card.x + 20, card.y - 24))).toBeGreaterThan(ALLOWED);
    expect(share(label(card.x + card.w, card.y + 10))).toBeGreaterThan(ALLOWED);
  });

  it('at a projector\'s fs the margin grows with the text', () => {
    const fs = 1.5;
    const big = { x: card.x - 225, y: card.y, w: 225, h: 36 };
    expect(share(big, fs)).toBeGreaterThan(ALLOWED);
  });

  it('a label clear of the margin costs nothing; one over the card costs its area', () => {
    expect(coverArea(label(card.x - 150 - CARD_MARGIN - 1, card.y), [card], CARD_MARGIN)).toBe(0);
    expect(coverArea(label(card.x + 20, card.y + 20), [card], CARD_MARGIN)).toBe(150 * 24);
  });
});
