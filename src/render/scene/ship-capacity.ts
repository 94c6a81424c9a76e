/**
 * A ship's capacity strip: cpu and memory requested vs allocatable, as two bars with their numbers
 * ("cpu 3/4"), and the pod count against the node's allowed pods once that nears its limit
 * ("pods 110/110": what keeps requests-free pods Pending). A pod being placed shows as a ghost
 * segment on the candidate nodes while the scheduler scores them.
 */
import { Container, Graphics, type Text } from '../pixi-parts.ts';
import { markDrawn } from '../drawn.ts';
import { formatCount } from '../../model/count.ts';
import { formatCPU, formatMemory, showsPods, type NodeUsage } from '../capacity.ts';
import type { Rect } from '../layout.ts';
import type { Palette } from '../theme.ts';
import { makeText, restyle } from './text.ts';

export interface Ghost {
  readonly milliCPU: number;
  readonly memory: number;
}

export class CapacityStrip extends Container {
  private readonly bars = new Graphics();
  private readonly cpuText: Text;
  private readonly memText: Text;
  private readonly podsText: Text;
  private key = '';

  constructor(node: string) {
    super();
    markDrawn(this, 'capacity', node);
    this.cpuText = makeText({ size: 14, fill: 0xffffff });
    this.memText = makeText({ size: 14, fill: 0xffffff });
    this.podsText = makeText({ size: 14, fill: 0xffffff });
    this.addChild(this.bars, this.cpuText, this.memText, this.podsText);
    this.visible = false;
  }

  update(area: Rect, usage: NodeUsage | undefined, ghost: Ghost | undefined, p: Palette, fs: number): void {
    const key = usage === undefined || area.h <= 0 ? '' : `${area.x},${area.y},${area.w},${p.name},${fs}|${usage.reqMilliCPU}/${usage.allocMilliCPU}|${usage.reqMemory}/${usage.allocMemory}|${usage.pods}/${usage.allocPods}|${ghost?.milliCPU ?? ''},${ghost?.memory ?? ''}`;
    if (key === this.key) return;
    this.key = key;
    this.visible = key !== '';
    if (usage === undefined || key === '') return;
    this.bars.clear();
    const pods = showsPods(usage);
    const parts = pods ? 3 : 2;
    const gap = 10 * fs;
    const half = (area.w - gap * (parts - 1)) / parts;
    const draw = (t: Text, label: string, x: number, req: number, alloc: number, extra: number): void => {
      restyle(t, { size: 14 * fs, fill: p.text });
      t.text = label;
      t.position.set(x, area.y + (area.h - t.height) / 2);
      const bx = x + t.width + 5 * fs;
      const bw = Math.max(0, x + half - bx);
      const bh = 8 * fs;
      const by = area.y + (area.h - bh) / 2;
      if (bw < 12 * fs) return;
      const frac = (v: number): number => (alloc <= 0 ? 0 : Math.min(1, Math.max(0, v / alloc)));
      const over = req + extra > alloc;
      this.bars.roundRect(bx, by, bw, bh, bh / 2).fill({ color: p.card }).stroke({ width: 1.5 * fs, color: over ? p.error : p.muted });
      const used = frac(req) * bw;
      if (used > 0) this.bars.roundRect(bx, by, used, bh, bh / 2).fill({ color: p.role.kubelet });
      if (extra > 0) {
        const gw = frac(req + extra) * bw - used;
        if (gw > 0) this.bars.rect(bx + used, by, gw, bh).fill({ color: p.role.scheduler, alpha: 0.6 }).stroke({ width: 1.5 * fs, color: p.role.scheduler });
      }
    };
    const ghostCpu = ghost?.milliCPU ?? 0;
    const ghostMem = ghost?.memory ?? 0;
    draw(this.cpuText, `cpu ${formatCPU(usage.reqMilliCPU + ghostCpu)}/${formatCPU(usage.allocMilliCPU)}`, area.x, usage.reqMilliCPU, usage.allocMilliCPU, ghostCpu);
    draw(this.memText, `mem ${formatMemory(usage.reqMemory + ghostMem)}/${formatMemory(usage.allocMemory)}`, area.x + half + gap, usage.reqMemory, usage.allocMemory, ghostMem);
    this.podsText.visible = pods;
    // A pod being placed counts one more where it is scored, as it does for cpu and memory.
    const ghostPod = ghost === undefined ? 0 : 1;
    if (pods) {
      draw(this.podsText, `pods ${formatCount(usage.pods + ghostPod)}/${formatCount(usage.allocPods)}`, area.x + 2 * (half + gap), usage.pods, usage.allocPods, ghostPod);
      // Full: the node takes no more pods, whatever cpu and memory say ("Too many pods").
      if (usage.pods >= usage.allocPods) restyle(this.podsText, { size: 14 * fs, weight: '700', fill: p.error });
    }
  }
}
