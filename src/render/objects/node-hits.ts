/**
 * Invisible click targets over each node's name row (a cargo ship's header and taint chips, the
 * control-plane node's name on the flagship): clicking one asks for the Node object's card. Kept
 * apart from the ship views so they stay drawings only; laid out from the same rects.
 */
import { Container, Rectangle } from '../pixi-parts.ts';
import type { Rect } from '../layout.ts';

export interface NodeTarget {
  readonly node: string;
  readonly rect: Rect;
}

export class NodeHits extends Container {
  constructor(private readonly click: (ref: string) => void) {
    super();
    this.label = 'node-hits';
  }

  layout(targets: readonly NodeTarget[]): void {
    for (const c of this.removeChildren()) c.destroy();
    for (const t of targets) {
      if (t.rect.w <= 0 || t.rect.h <= 0) continue;
      const hit = new Container();
      hit.label = `node-hit/${t.node}`;
      hit.eventMode = 'static';
      hit.cursor = 'pointer';
      hit.hitArea = new Rectangle(t.rect.x, t.rect.y, t.rect.w, t.rect.h);
      hit.on('pointertap', (e) => {
        e.stopPropagation();
        this.click(`Node/${t.node}`);
      });
      this.addChild(hit);
    }
  }
}
