/**
 * What StageView.setTrace asks of a trace besides its schedule (the pods and nodes each step is
 * about, each node's zone), made ahead while the stage lays a big trace out (Stage.layOut), a piece
 * per call: each is memoized by trace, so setTrace finds it done instead of holding the page for it.
 */
import type { Trace } from '../sim/trace.ts';
import { shipNodes } from './ids.ts';
import { ZONE_LABEL } from './looks.ts';
import { nodeZones, stepNodes } from './scale/step-nodes.ts';
import { stepPods } from './step-pods.ts';

export function* warmTrace(trace: Trace): Generator<void, void, void> {
  stepPods(trace);
  yield;
  nodeZones(trace, ZONE_LABEL);
  yield;
  stepNodes(trace, new Set(shipNodes(trace.topology)));
}
