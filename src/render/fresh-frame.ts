/**
 * A test hook: what a stage built from nothing draws at presentation time t. A throwaway StageView
 * of the same trace, size, palette, language, motion and background setting renders t once, with
 * no frame before it. A frame is a function of (trace, time, view) alone, whatever path reached
 * it; test/browser/frame-path.test.ts compares the live stage with this after random control
 * sequences.
 */
import type { Lang } from '../model/localized.ts';
import type { Trace } from '../sim/trace.ts';
import type { Schedule } from '../timeline/schedule.ts';
import type { BackgroundMode } from './background-mode.ts';
import { collectDrawn, type DrawnObject } from './drawn.ts';
import { collectLabels, type LabelBox } from './labels.ts';
import { Player } from './player.ts';
import { StageView } from './stage-view.ts';
import type { Palette } from './theme.ts';
import type { Camera } from './scale/camera.ts';

export interface FrameProbe {
  readonly labels: LabelBox[];
  readonly objects: DrawnObject[];
}

export interface ProbeView {
  readonly width: number;
  readonly height: number;
  readonly palette: Palette;
  readonly lang: Lang;
  readonly reducedMotion: boolean;
  readonly background: BackgroundMode;
  /** The scale view's camera and opened node (view settings, like the theme). */
  readonly scale?: { readonly camera: Camera; readonly open: string | undefined };
}

export function freshFrame(trace: Trace, schedule: Schedule, view: ProbeView, time: number): FrameProbe {
  const stage = new StageView(view.width, view.height, view.palette);
  stage.setLang(view.lang);
  stage.setReducedMotion(view.reducedMotion);
  stage.setBackground(view.background);
  stage.setTrace(trace, schedule);
  if (view.scale !== undefined) stage.setScaleState(view.scale);
  // The player's timeline gives the tokens' eased progress; its first frame (time 0) is not drawn.
  let armed = false;
  const player = new Player(schedule, { render: (t, progressOf) => (armed ? stage.renderAt(t, progressOf) : undefined) }, view.lang);
  try {
    armed = true;
    player.seek(time);
    return { labels: collectLabels(stage.root), objects: collectDrawn(stage.root) };
  } finally {
    player.destroy();
    stage.destroy();
  }
}
