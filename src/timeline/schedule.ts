/**
 * Trace -> presentation schedule (seconds at 1x). Pure and deterministic.
 *
 * The trace is cut into "moments": distinct (simulated time, narration step) pairs at which
 * something starts or ends (an event, a message arriving, an activity finishing, a skip ending).
 * A forward pass gives each moment a presentation time so that every hop gets its travel time,
 * every activity its reading time and every step its caption time, while long quiet waits shrink
 * to a short visible skip. Because moments are visited in order, presentation time is monotonic
 * in simulated time and in event order, which is what makes seeking exact.
 */
import type { ActivityEvent, ComponentId, DecisionEvent, MessageEvent, StepEvent, Trace, TraceEvent } from '../sim/trace.ts';
import type { StepInfo } from './player-api.ts';
import type { Lang } from '../model/localized.ts';
import type { ClockMap } from './clock-map.ts';
import { DEFAULT_PACING, type Pacing } from './pacing.ts';
import { routineBackground } from './routine.ts';

export interface MessageItem {
  readonly kind: 'message';
  readonly eventIndex: number;
  readonly event: MessageEvent;
  readonly start: number;
  readonly end: number;
  /** Messages of one fan-out (same moment, sender, type and action) share a group id. */
  readonly group: number;
  /** Routine or off-focus traffic: drawn faint and fast, and it does not hold the story up. */
  readonly background: boolean;
}

export interface ActivityItem {
  readonly kind: 'activity';
  readonly eventIndex: number;
  readonly event: ActivityEvent;
  readonly start: number;
  readonly end: number;
  readonly background: boolean;
}

export interface DecisionItem {
  readonly kind: 'decision';
  readonly eventIndex: number;
  readonly event: DecisionEvent;
  /** From the scheduler's first filter/score activity for this pod (so verdicts show while it works). */
  readonly start: number;
  /** Scores appear from here (the Score activity starts; = decided when scoring was skipped). */
  readonly scoring: number;
  /** The winner is shown from here: the decision and the scheduler's work on it are both done. */
  readonly decided: number;
  readonly end: number;
}

export interface SkipMark {
  readonly start: number;
  readonly end: number;
  readonly fromSim: number;
  readonly toSim: number;
}

export interface Schedule {
  readonly duration: number;
  readonly steps: readonly StepInfo[];
  readonly messages: readonly MessageItem[];
  readonly activities: readonly ActivityItem[];
  readonly decisions: readonly DecisionItem[];
  readonly skips: readonly SkipMark[];
  readonly clock: ClockMap;
  /** Presentation time of each trace event, non-decreasing in event order. */
  readonly eventTimes: readonly number[];
  /** Focus components of each step (by step index). */
  readonly focus: readonly (readonly ComponentId[])[];
}

interface MomentKey {
  readonly t: number;
  readonly s: number;
}

export function buildSchedule(trace: Trace, pacing: Pacing = DEFAULT_PACING): Schedule {
  const steps = scheduleInSteps(trace, pacing);
  for (;;) {
    const next = steps.next();
    if (next.done === true) return next.value;
  }
}

/**
 * buildSchedule one piece at a time: each `next()` does a few thousand events' work (PAUSE_EVERY
 * per loop) and the last returns the schedule, the same one. A big cluster's trace takes most of a
 * second to lay out; the page draws and takes input between pieces (src/ui/run-in-slices.ts).
 */
export function* scheduleInSteps(trace: Trace, pacing: Pacing = DEFAULT_PACING): Generator<void, Schedule, void> {
  const events = trace.events;
  // Step ordinal of each event: how many step events precede or are it.
  const stepOrdinal: number[] = [];
  const stepTimes: number[] = [];
  let ordinal = 0;
  for (const e of events) {
    if (e.kind === 'step') {
      ordinal++;
      stepTimes.push(e.t);
    }
    stepOrdinal.push(ordinal);
  }
  yield;
  const keyer = makeKeyer();
  const routine = routineBackground(events, stepOrdinal);
  const work = yield* bulkEvents(events, stepOrdinal, pacing.bulkRepeats, keyer);
  const bulk = work.bulk;
  const background = yield* classifyBackground(trace, stepOrdinal, work, keyer, routine);

  // Steps that started strictly before simulated time x: an arrival at x belongs before a step at x.
  const stepsBefore = (x: number): number => {
    let n = 0;
    for (const st of stepTimes) if (st < x) n++;
    return n;
  };

  // Collect moments: (simulated time, step ordinal) pairs, each given an id when first met.
  const keyList: MomentKey[] = [];
  // Simulated times are whole milliseconds: (t, s) packs into one number, one Map (not a Map per
  // time: a big trace has ~80,000 times). Any other time goes through the nested maps.
  const packedIds = new Map<number, number>();
  const keyIds = new Map<number, Map<number, number>>();
  const addKey = (t: number, s: number): number => {
    const packs = Number.isInteger(t) && t >= 0 && t < MAX_PACKED_TIME && s < STEP_SLOTS;
    let byStep = packs ? packedIds : keyIds.get(t);
    if (byStep === undefined) {
      byStep = new Map();
      keyIds.set(t, byStep);
    }
    const slot = packs ? t * STEP_SLOTS + s : s;
    let id = byStep.get(slot);
    if (id === undefined) {
      id = keyList.length;
      keyList.push({ t, s });
      byStep.set(slot, id);
    }
    return id;
  };
  const startKey: number[] = [];
  const endKey: (number | undefined)[] = [];
  const skipRanges: { from: number; to: number }[] = [];
  yield* inPieces(events.length, (from, to) => {
    for (let i = from; i < to; i++) {
      const e = events[i] as TraceEvent;
      startKey.push(addKey(e.t, stepOrdinal[i] ?? 0));
      let end: number | undefined;
      if (e.kind === 'message' && e.arrive > e.t) end = e.arrive;
      else if (e.kind === 'activity' && e.until > e.t) end = e.until;
      else if (e.kind === 'skip' && e.to > e.t) {
        end = e.to;
        skipRanges.push({ from: e.t, to: e.to });
      }
      endKey.push(end === undefined ? undefined : addKey(end, Math.max(stepsBefore(end), stepOrdinal[i] ?? 0)));
    }
  });
  yield;
  const order = keyList.map((_, id) => id).sort((a, b) => (keyList[a]?.t ?? 0) - (keyList[b]?.t ?? 0) || (keyList[a]?.s ?? 0) - (keyList[b]?.s ?? 0));
  const moments = order.map((id) => keyList[id] as MomentKey);
  // Key id -> its moment's index.
  const momentIndex = new Int32Array(keyList.length);
  order.forEach((id, i) => (momentIndex[id] = i));

  // What ends at each moment: (start presentation time is filled in when the item starts).
  const startsAt = groupByMoment(moments.length, events.length, (i) => momentIndex[startKey[i] ?? 0]);
  const endsAt = groupByMoment(moments.length, events.length, (i) => {
    const ek = endKey[i];
    return ek === undefined ? undefined : momentIndex[ek];
  });
  yield;

  const P: number[] = new Array<number>(moments.length).fill(0);
  // Per event (NaN / -1: none). Typed arrays, not Maps: a big cluster's trace has 400,000 events.
  const itemStart = new Float64Array(events.length).fill(Number.NaN);
  const itemEnd = new Float64Array(events.length).fill(Number.NaN);
  const groupOf = new Int32Array(events.length).fill(-1);
  const skips: SkipMark[] = [];
  // Token groups still travelling (pruned as presentation time moves on: a big trace has thousands).
  let inFlight: { group: number; start: number; end: number }[] = [];
  let groupCounter = 0;
  let lastStepStart = -Infinity;
  let lastDecision = -Infinity;
  let firstStepSeen = false;

  // Whether some skip covers (a, b]: of the skips from at most a, the furthest end reaches b. The
  // moments go forward in time, so a pointer over the skips by start keeps that furthest end (a
  // big trace has thousands of skips and moments: no scan of all of them per moment).
  const skipsByStart = [...skipRanges].sort((x, y) => x.from - y.from);
  let skipsPassed = 0;
  let furthestEnd = Number.NEGATIVE_INFINITY;
  const inSkipRange = (a: number, b: number): boolean => {
    while (skipsPassed < skipsByStart.length && (skipsByStart[skipsPassed]?.from ?? Infinity) <= a) {
      furthestEnd = Math.max(furthestEnd, skipsByStart[skipsPassed]?.to ?? furthestEnd);
      skipsPassed++;
    }
    return b > a && furthestEnd >= b;
  };

  // A moment where only background work starts or ends costs (almost) no presentation time.
  const quietMoment: boolean[] = [];
  yield* inPieces(moments.length, (from, to) => {
    for (let k = from; k < to; k++) {
      let quiet = true;
      for (let j = startsAt.offsets[k] ?? 0, end = startsAt.offsets[k + 1] ?? 0; quiet && j < end; j++) {
        const i = startsAt.list[j] ?? 0;
        quiet = background[i] === true || isInstant(events[i]);
      }
      for (let j = endsAt.offsets[k] ?? 0, end = endsAt.offsets[k + 1] ?? 0; quiet && j < end; j++) quiet = background[endsAt.list[j] ?? 0] === true;
      quietMoment.push(quiet);
    }
  });
  // A step's quiet moments share a budget: a big cluster's thousands of background writes in one
  // step still pass in seconds (a teaching step has a few hundred at most, well within it).
  const quietPerStep = new Map<number, number>();
  moments.forEach((m, k) => {
    if (quietMoment[k] === true) quietPerStep.set(m.s, (quietPerStep.get(m.s) ?? 0) + 1);
  });
  const quietBeat = (s: number): number => Math.min(pacing.backgroundBeat, pacing.quietStepBudget / (quietPerStep.get(s) ?? 1));

  let foregroundSinceSkip = true;
  // A fan-out's or fan-in's group at the current moment, by route and action (cleared per moment).
  const groupsHere = new Map<string, number>();
  yield* inPieces(moments.length, (from, to) => {
    for (let k = from; k < to; k++) {
      const m = moments[k] as MomentKey;
      let p: number;
      // This moment's events, as ranges of the groups' lists (no view object per moment).
      const startFrom = startsAt.offsets[k] ?? 0;
      const startTo = startsAt.offsets[k + 1] ?? 0;
      const endFrom = endsAt.offsets[k] ?? 0;
      const endTo = endsAt.offsets[k + 1] ?? 0;
      const quiet = quietMoment[k] === true;
      if (k === 0) p = pacing.leadIn;
      else {
        const prev = moments[k - 1] as MomentKey;
        const pPrev = P[k - 1] ?? 0;
        const gap = m.t - prev.t;
        const isSkip = gap > pacing.quietGapMs || inSkipRange(prev.t, m.t);
        // Skips in a row with only background traffic between them read as one long fast-forward,
        // which barely grows once it has lasted `mergedSkipMax` (minutes of a big cluster's
        // heartbeats would otherwise add up to a long stare at nothing).
        const merged = skips[skips.length - 1];
        const mergedFull = merged !== undefined && !foregroundSinceSkip && pPrev - merged.start >= pacing.mergedSkipMax;
        const skipCost = foregroundSinceSkip ? pacing.skip : mergedFull ? pacing.skipTick : pacing.skipRepeat;
        // Inside a fast-forward that has run its length, background moments are ticks too.
        const quietCost = mergedFull ? pacing.skipTick : quietBeat(m.s);
        p = pPrev + (isSkip ? skipCost : quiet ? quietCost : pacing.beat);
        for (let j = endFrom; j < endTo; j++) {
          const i = endsAt.list[j] ?? 0;
          const e = events[i];
          const st = itemStart[i] ?? Number.NaN;
          if (e === undefined || Number.isNaN(st) || background[i] === true) continue;
          const need = e.kind === 'message' ? pacing.hop[e.type] : e.kind === 'activity' ? pacing.activity : 0;
          p = Math.max(p, st + need);
        }
        let startsStep = false;
        for (let j = startFrom; !startsStep && j < startTo; j++) startsStep = events[startsAt.list[j] ?? 0]?.kind === 'step';
        if (startsStep) p = Math.max(p, lastStepStart + pacing.stepMin, lastDecision + pacing.decisionHold);
        if (isSkip) {
          const last = skips[skips.length - 1];
          // Merge with the previous skip when only background traffic came between them.
          if (last !== undefined && !foregroundSinceSkip) skips[skips.length - 1] = { ...last, end: p, toSim: m.t };
          else skips.push({ start: p - skipCost, end: p, fromSim: prev.t, toSim: m.t });
          foregroundSinceSkip = false;
        }
      }
      P[k] = p;
      for (let j = endFrom; j < endTo; j++) itemEnd[endsAt.list[j] ?? 0] = p;
      // Start the items of this moment.
      if (groupsHere.size > 0) groupsHere.clear();
      for (let j = startFrom; j < startTo; j++) {
        const i = startsAt.list[j] ?? 0;
        const e = events[i];
        if (e === undefined) continue;
        if (background[i] !== true && (e.kind === 'message' || e.kind === 'activity' || e.kind === 'step' || e.kind === 'decision')) foregroundSinceSkip = true;
        if (e.kind === 'step') {
          lastStepStart = firstStepSeen ? p : 0;
          firstStepSeen = true;
        }
        if (e.kind === 'decision' && background[i] !== true) lastDecision = p;
        if (e.kind !== 'message' || background[i] === true) {
          itemStart[i] = p;
          continue;
        }
        // A fan-out (one sender) or fan-in (one receiver) of the same action is one visual group.
        const action = bulk[i] === true ? keyer.withoutNames(e.action).replace(/\d+/g, '#') : e.action;
        const outKey = `out|${e.from}|${e.type}|${action}`;
        const inKey = `in|${e.to}|${e.type}|${action}`;
        let group = groupsHere.get(outKey) ?? groupsHere.get(inKey);
        let start = p;
        if (group === undefined) {
          group = groupCounter++;
          // Wait for a free lane when too many tokens already travel.
          inFlight = inFlight.filter((f) => f.end > p);
          const active = [...inFlight].sort((a, b) => a.end - b.end);
          if (active.length >= pacing.maxTokens) start = active[active.length - pacing.maxTokens]?.end ?? p;
          inFlight.push({ group, start, end: start + pacing.hop[e.type] });
        } else {
          start = inFlight.find((f) => f.group === group)?.start ?? p;
        }
        groupsHere.set(outKey, group);
        groupsHere.set(inKey, group);
        groupOf[i] = group;
        itemStart[i] = start;
      }
    }
  });

  const timeOfEvent = (i: number): number => P[momentIndex[startKey[i] ?? 0] ?? 0] ?? 0;
  const eventTimes: number[] = [];
  for (let i = 0; i < events.length; i++) eventTimes.push(timeOfEvent(i));
  yield;

  const messages: MessageItem[] = [];
  const activities: ActivityItem[] = [];
  const decisions: DecisionItem[] = [];
  // Background tokens are drawn one at a time per route: a long wait's heartbeats, compressed to a
  // few milliseconds apart, would otherwise fill the sky with dozens of tokens at once. The events
  // still apply to the picture (eventTimes); only their tokens are thinned.
  const backgroundBusyUntil = new Map<string, number>();
  const routes = newKeyNode();
  const routeOf = (e: MessageEvent): string => {
    const node = child(child(child(routes, e.from), e.to), e.type);
    node.key ??= `${e.from}>${e.to}|${e.type}`;
    return node.key;
  };
  yield* inPieces(events.length, (from, to) => {
    for (let i = from; i < to; i++) {
      const e = events[i] as TraceEvent;
      const started = itemStart[i] ?? Number.NaN;
      const start = Number.isNaN(started) ? timeOfEvent(i) : started;
      const bg = background[i] === true;
      if (e.kind === 'message') {
        // A token always travels for its hop time; if the receiver's next moment comes later, it waits there.
        const end = start + (bg ? pacing.backgroundHop : pacing.hop[e.type]);
        if (bg) {
          const route = routeOf(e);
          if (start < (backgroundBusyUntil.get(route) ?? -Infinity)) continue;
          backgroundBusyUntil.set(route, end);
        }
        messages.push({ kind: 'message', eventIndex: i, event: e, start, end, group: (groupOf[i] ?? -1) >= 0 ? (groupOf[i] ?? 0) : -(i + 1), background: bg });
      } else if (e.kind === 'activity') {
        const ended = itemEnd[i] ?? Number.NaN;
        const end = bg ? start + pacing.backgroundHop : Math.max(Number.isNaN(ended) ? 0 : ended, start + pacing.activity);
        activities.push({ kind: 'activity', eventIndex: i, event: e, start, end, background: bg });
      }
    }
  });
  // The scheduler's filter/score activities for a decision: same pod (or none named), between the
  // previous and the next decision. A scenario may emit the decision first and narrate it after.
  // A bulk step's later decisions change the picture (the pod lands) without the verdict overlay.
  const decisionEvents: { e: DecisionEvent; i: number }[] = [];
  events.forEach((e, i) => {
    if (e.kind === 'decision' && background[i] !== true) decisionEvents.push({ e, i });
  });
  // In event order, so in simulated time order: each decision looks at a window found by bisection.
  const schedulerWork = activities.filter((a) => !a.background && a.event.component === 'kube-scheduler');
  const firstAfter = (t: number): number => {
    let lo = 0;
    let hi = schedulerWork.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((schedulerWork[mid]?.event.t ?? Infinity) <= t) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  // The step a decision is narrated by: one a scenario marks at the decision's own simulated time
  // (a cue on the decision, or a step emitted as it hears it), at or after it in event order.
  const stepEvents: { e: StepEvent; i: number }[] = [];
  events.forEach((e, i) => {
    if (e.kind === 'step') stepEvents.push({ e, i });
  });
  const stepIndices = stepEvents.map((s) => s.i);
  let nextStep = 0;
  yield* inPieces(decisionEvents.length, (from, to) => {
    for (let n = from; n < to; n++) {
      const { e, i } = decisionEvents[n] as { e: DecisionEvent; i: number };
      while (nextStep < stepIndices.length && (stepIndices[nextStep] ?? 0) < i) nextStep++;
      const at = timeOfEvent(i);
      const lo = decisionEvents[n - 1]?.e.t ?? -Infinity;
      const hi = decisionEvents[n + 1]?.e.t ?? Infinity;
      const work: ActivityItem[] = [];
      for (let k = firstAfter(lo); k < schedulerWork.length; k++) {
        const a = schedulerWork[k] as ActivityItem;
        if (a.event.t >= hi) break;
        if (a.event.object === undefined || a.event.object === e.pod) work.push(a);
      }
      const start = Math.min(at, ...work.map((a) => a.start));
      const decided = Math.max(at, ...work.map((a) => a.end));
      const score = work.find((a) => a.event.action === 'score');
      const scoring = e.decision.scored && score !== undefined ? score.start : decided;
      // A decision over before the step that narrates it starts (a Filter with no node left is
      // decided at once) stays on stage into that step, until its end at most: the step's caption
      // is about it, and stepping to the step showed bare ships.
      const narrator = stepIndices[nextStep];
      const narratorEvent = narrator === undefined ? undefined : events[narrator];
      let end = decided + pacing.decisionHold;
      if (narrator !== undefined && narratorEvent !== undefined && narratorEvent.t === e.t) {
        const stepStart = timeOfEvent(narrator);
        const following = stepIndices[nextStep + 1];
        const stepEnd = following === undefined ? Infinity : timeOfEvent(following);
        if (stepStart + pacing.decisionHold > end) end = Math.max(end, Math.min(stepStart + pacing.decisionHold, stepEnd));
      }
      decisions.push({ kind: 'decision', eventIndex: i, event: e, start, scoring, decided, end });
    }
  });
  // A hold never covers the next decision (the stage shows the first decision on stage at a time).
  for (let k = 0; k + 1 < decisions.length; k++) {
    const d = decisions[k] as DecisionItem;
    const next = decisions[k + 1] as DecisionItem;
    // Its end without the hold into its step.
    const natural = d.decided + pacing.decisionHold;
    if (d.end > natural && d.end > next.start) decisions[k] = { ...d, end: Math.max(natural, next.start) };
  }

  const lastMoment = P[P.length - 1] ?? 0;
  // A loop, not Math.max(...items): a big trace has more items than a call's argument limit.
  let lastItem = 0;
  for (const m of messages) if (!m.background) lastItem = Math.max(lastItem, m.end);
  for (const a of activities) if (!a.background) lastItem = Math.max(lastItem, a.end);
  for (const d of decisions) lastItem = Math.max(lastItem, d.end);
  const lastStep = stepEvents.length > 0 ? timeOfEvent(stepEvents[stepEvents.length - 1]?.i ?? 0) : 0;
  const duration = Math.max(lastMoment + pacing.tail, lastItem + pacing.tail / 2, lastStep + pacing.stepMin);

  const steps: StepInfo[] = stepEvents.map(({ e, i }, n) => {
    const next = stepEvents[n + 1];
    return {
      index: e.index,
      id: e.id,
      caption: e.caption,
      start: n === 0 ? 0 : timeOfEvent(i),
      end: next === undefined ? duration : timeOfEvent(next.i),
      simTime: e.t,
    };
  });
  const focus = stepEvents.map(({ e }) => e.focus);

  // Clock knots: one per moment, pinned at both ends.
  const pres: number[] = [0];
  const sim: number[] = [moments[0]?.t ?? 0];
  moments.forEach((m, k) => {
    pres.push(P[k] ?? 0);
    sim.push(m.t);
  });
  pres.push(duration);
  sim.push(Math.max(trace.endTime, moments[moments.length - 1]?.t ?? 0));

  return { duration, steps, messages, activities, decisions, skips, clock: { pres, sim }, eventTimes, focus };
}

/** The events at each moment, in event order: one flat list and offsets, not an array per moment (a big trace has hundreds of thousands). */
interface MomentGroups {
  /** Moment k's events are list[offsets[k]] .. list[offsets[k + 1] - 1]. */
  readonly offsets: Int32Array;
  readonly list: Int32Array;
}

/** Groups events by moment (`momentOf(i)`: event i's moment, or undefined). */
function groupByMoment(moments: number, events: number, momentOf: (i: number) => number | undefined): MomentGroups {
  const offsets = new Int32Array(moments + 1);
  for (let i = 0; i < events; i++) {
    const k = momentOf(i);
    if (k !== undefined) offsets[k + 1] = (offsets[k + 1] ?? 0) + 1;
  }
  for (let k = 0; k < moments; k++) offsets[k + 1] = (offsets[k + 1] ?? 0) + (offsets[k] ?? 0);
  const list = new Int32Array(offsets[moments] ?? 0);
  const fill = offsets.slice(0, moments);
  for (let i = 0; i < events; i++) {
    const k = momentOf(i);
    if (k === undefined) continue;
    list[fill[k] ?? 0] = i;
    fill[k] = (fill[k] ?? 0) + 1;
  }
  return { offsets, list };
}

/** Step ordinals a packed moment key holds, and the times it holds: t * STEP_SLOTS + s stays an exact integer (below 2^53). */
const STEP_SLOTS = 1 << 16;
const MAX_PACKED_TIME = 2 ** 36;

/** Events between pauses in each of scheduleInSteps' loops: a few milliseconds of work. */
const PAUSE_EVERY = 4096;
/** Runs `body` over [0, count) in ranges of PAUSE_EVERY, pausing after each: the loops themselves stay plain functions (a loop inside a generator runs slower). */
function* inPieces(count: number, body: (from: number, to: number) => void): Generator<void, void, void> {
  for (let from = 0; from < count; from += PAUSE_EVERY) {
    body(from, Math.min(count, from + PAUSE_EVERY));
    yield;
  }
}

const inFocus = (focus: readonly ComponentId[], c: ComponentId): boolean => focus.length === 0 || focus.includes(c);

const isInstant = (e: TraceEvent | undefined): boolean => e === undefined || e.kind === 'state' || e.kind === 'component' || e.kind === 'skip' || e.kind === 'file' || e.kind === 'static-pod';

/** A generated object name (web-7f9c4d8b6-x2k9q, web-x2k9q): what varies between repeats of one bulk action. */
const GENERATED_NAME = /[a-z0-9]+(?:-[a-z0-9]+)*-[a-z0-9]{5}\b/g;

/**
 * The keys that say two events repeat one another, memoized for one schedule: a big trace's ends,
 * types and actions repeat hundreds of thousands of times and the name pattern backtracks on long
 * hyphenated names. Per build, not per module: a module-level memo kept a 500-node trace's names
 * after another trace replaced it.
 */
interface Keyer {
  /** The event's shape (kind, ends or component, type, action) with digits as `#`: they vary between repeats of one routine ("OK rev 32", "OK rev 34"). Undefined: an event without a shape. */
  routineKey(e: TraceEvent): string | undefined;
  /** As routineKey, with generated names as `*` too (bulk work on other objects). */
  bulkKey(e: TraceEvent): string | undefined;
  /** `part` with generated names as `*`. */
  withoutNames(part: string): string;
}

/**
 * A memo keyed by a sequence of strings, looked up part by part: no array of parts and no joined
 * string built and hashed for each of 400,000 events.
 */
interface KeyNode {
  readonly next: Map<string, KeyNode>;
  key?: string;
  /** For an event shape's node: the shape with names taken out, keyed (see makeKeyer). */
  bulk?: string;
}

const newKeyNode = (): KeyNode => ({ next: new Map() });

function child(node: KeyNode, part: string): KeyNode {
  let next = node.next.get(part);
  if (next === undefined) {
    next = newKeyNode();
    node.next.set(part, next);
  }
  return next;
}

function makeKeyer(): Keyer {
  const namesOut = new Map<string, string>();
  const withoutNames = (part: string): string => {
    let out = namesOut.get(part);
    if (out === undefined) {
      out = part.replace(GENERATED_NAME, '*');
      namesOut.set(part, out);
    }
    return out;
  };
  const keyOf = (parts: readonly string[]): string => parts.join('|').replace(/\d+/g, '#');
  // Keyed by the event's own parts; its node keeps both keys, each made once.
  const root = newKeyNode();
  const nodeOf = (e: TraceEvent): KeyNode | undefined => {
    if (e.kind === 'message') return child(child(child(child(child(root, 'm'), e.from), e.to), e.type), e.action);
    if (e.kind === 'activity') return child(child(child(root, 'a'), e.component), e.action);
    if (e.kind === 'decision') return child(root, 'd');
    return undefined;
  };
  return {
    withoutNames,
    routineKey: (e) => {
      const node = nodeOf(e);
      if (node === undefined) return undefined;
      node.key ??= keyOf(shapeOf(e) ?? []);
      return node.key;
    },
    bulkKey: (e) => {
      const node = nodeOf(e);
      if (node === undefined) return undefined;
      node.bulk ??= keyOf((shapeOf(e) ?? []).map(withoutNames));
      return node.bulk;
    },
  };
}

const shapeOf = (e: TraceEvent): readonly string[] | undefined =>
  e.kind === 'message' ? ['m', e.from, e.to, e.type, e.action] : e.kind === 'activity' ? ['a', e.component, e.action] : e.kind === 'decision' ? ['d'] : undefined;

/** Per event: its shape with generated names and digits taken out (undefined: no shape), and whether it is bulk work. */
interface BulkWork {
  readonly keys: readonly (string | undefined)[];
  readonly bulk: readonly boolean[];
}

/**
 * Which events are bulk work: their action, names aside, happens `bulkRepeats` or more times
 * within one step (a thousand pods evicted, a thousand pod writes). Such an action on another
 * object is a repeat, and at one moment it is one fan-out, however many objects it touches.
 */
function* bulkEvents(events: readonly TraceEvent[], stepOrdinal: readonly number[], bulkRepeats: number, keyer: Keyer): Generator<void, BulkWork, void> {
  const keys: (string | undefined)[] = [];
  yield* inPieces(events.length, (from, to) => {
    for (let i = from; i < to; i++) {
      keys.push(keyer.bulkKey(events[i] as TraceEvent));
    }
  });
  // Per (step, key) counts, the key numbered: a number per event, not a string built twice.
  const ids = new Map<string, number>();
  let steps = 0;
  for (const ord of stepOrdinal) steps = Math.max(steps, ord + 1);
  const slot = keys.map((k, i) => {
    if (k === undefined) return -1;
    let id = ids.get(k);
    if (id === undefined) {
      id = ids.size;
      ids.set(k, id);
    }
    return id * steps + (stepOrdinal[i] ?? 0);
  });
  yield;
  const counts = new Map<number, number>();
  for (const n of slot) if (n >= 0) counts.set(n, (counts.get(n) ?? 0) + 1);
  yield;
  return { keys, bulk: slot.map((n) => n >= 0 && (counts.get(n) ?? 0) >= bulkRepeats) };
}

/**
 * Background events: a message or activity that involves nothing in the step's focus, that
 * repeats something already shown in this step (heartbeats during a long wait), or routine traffic
 * (Lease renewals, raft heartbeats) in a step that is not about it (see routine.ts). They stay visible,
 * but faint and fast, and do not hold up the presentation.
 */
function* classifyBackground(trace: Trace, stepOrdinal: readonly number[], work: BulkWork, keyer: Keyer, routine: (i: number) => boolean): Generator<void, boolean[], void> {
  const focusOf: (readonly ComponentId[])[] = [];
  for (const e of trace.events) if (e.kind === 'step') focusOf.push(e.focus);
  // Routine key -> simulated time it was first seen in this step (same-time repeats are a fan-out, not routine).
  const seen = new Map<string, number>();
  let step = -1;
  // Lease renewals and raft heartbeats (`routine`) are background unless the step is about them, even when they touch a focus component.
  const { keys, bulk } = work;
  const isBackground = (e: TraceEvent, i: number): boolean => {
    if (routine(i)) return true;
    const ord = stepOrdinal[i] ?? 0;
    if (ord - 1 !== step) {
      step = ord - 1;
      seen.clear();
    }
    const focus = focusOf[step] ?? [];
    // A scheduling decision is always part of the story, unless it is one of a step's bulk.
    if ((e.kind !== 'message' && e.kind !== 'activity' && e.kind !== 'decision') || (e.kind === 'decision' && bulk[i] !== true)) return false;
    const offFocus = e.kind === 'message' ? !inFocus(focus, e.from) && !inFocus(focus, e.to) : e.kind === 'activity' && !inFocus(focus, e.component);
    const key = (bulk[i] === true ? keys[i] : undefined) ?? keyer.routineKey(e) ?? '';
    const first = seen.get(key);
    if (first === undefined) seen.set(key, e.t);
    return offFocus || (first !== undefined && first !== e.t);
  };
  const background: boolean[] = [];
  yield* inPieces(trace.events.length, (from, to) => {
    for (let i = from; i < to; i++) {
      background.push(isBackground(trace.events[i] as TraceEvent, i));
    }
  });
  return background;
}

/** Number of trace events whose presentation time is <= t (the state at t applies exactly these). */
export function eventCountAt(schedule: Schedule, t: number): number {
  const xs = schedule.eventTimes;
  let lo = 0;
  let hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((xs[mid] ?? Infinity) <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Index of the step shown at t: the last step starting at or before it (0 before the first). */
export function stepAt(schedule: Schedule, t: number): number {
  let found = schedule.steps.length > 0 ? 0 : -1;
  for (let i = 0; i < schedule.steps.length; i++) if ((schedule.steps[i]?.start ?? Infinity) <= t) found = i;
  return found;
}

/** "+50 s", "+5 min 50 s", "+300 ms" (Korean: "+50초", "+5분 50초", "+300ms"): the label of a compressed wait. */
export function formatSkip(ms: number, lang: Lang = 'en'): string {
  if (ms < 1000) return lang === 'ko' ? `+${Math.round(ms)}ms` : `+${Math.round(ms)} ms`;
  const s = Math.round(ms / 1000);
  const [minute, second] = lang === 'ko' ? ['분', '초'] : [' min', ' s'];
  if (s < 60) return `+${s}${second}`;
  const min = Math.floor(s / 60);
  const rest = s % 60;
  return rest === 0 ? `+${min}${minute}` : `+${min}${minute} ${rest}${second}`;
}

/** Cluster clock text for a simulated time: "00:52.347" (minutes:seconds.milliseconds). */
export function formatClock(ms: number): string {
  const total = Math.floor(Math.max(0, ms));
  const min = Math.floor(total / 60_000);
  const sec = Math.floor((total % 60_000) / 1000);
  const milli = total % 1000;
  return `${String(min).padStart(2, '0')}:${String(sec).padStart(2, '0')}.${String(milli).padStart(3, '0')}`;
}
