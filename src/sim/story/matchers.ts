/**
 * A cue's `when:` as a predicate over trace events, the same tests scenes/lib/match.ts makes.
 * `after` holds state: build the predicates afresh for every run.
 */
import type { Matcher } from '../../model/story/matchers.ts';
import { fits, toPattern, type TextPattern } from '../../model/story/pattern.ts';
import type { TraceEvent } from '../trace.ts';

/** Patterns were checked when the file was loaded; one that fails here matches nothing. */
function compiled(text: string | undefined): TextPattern | undefined {
  if (text === undefined) return undefined;
  const checked = toPattern(text);
  return checked.ok ? checked.pattern : /(?!)/;
}

export function predicateOf(m: Matcher): (e: TraceEvent) => boolean {
  if ('message' in m) {
    const { type, write } = m.message;
    const [from, to, action, object] = [m.message.from, m.message.to, m.message.action, m.message.object].map(compiled);
    return (e) =>
      e.kind === 'message' && fits(from, e.from) && fits(to, e.to) && fits(action, e.action) && fits(object, e.object) && (type === undefined || e.type === type) && (write === undefined || (e.write ?? false) === write);
  }
  if ('activity' in m) {
    const [component, action, object, label] = [m.activity.component, m.activity.action, m.activity.object, m.activity.label].map(compiled);
    return (e) => e.kind === 'activity' && fits(component, e.component) && fits(action, e.action) && fits(object, e.object) && fits(label, e.label.en);
  }
  if ('change' in m) {
    const object = compiled(m.change.object);
    const { path, to } = m.change;
    return (e) => e.kind === 'state' && fits(object, e.object) && e.changes.some((c) => c.path === path && (to === undefined || c.to === to));
  }
  if ('added' in m) {
    const object = compiled(m.added);
    return (e) => e.kind === 'state' && e.op === 'added' && fits(object, e.object);
  }
  if ('deleted' in m) {
    const object = compiled(m.deleted);
    return (e) => e.kind === 'state' && e.op === 'deleted' && fits(object, e.object);
  }
  if ('decision' in m) {
    const pod = compiled(m.decision.pod);
    return (e) => e.kind === 'decision' && fits(pod, e.pod);
  }
  if ('component' in m) {
    const { id, status } = m.component;
    return (e) => e.kind === 'component' && e.component === id && e.status === status;
  }
  const first = predicateOf(m.after.first);
  const then = predicateOf(m.after.then);
  let seen = false;
  return (e) => {
    if (seen) return then(e);
    seen = first(e);
    return false;
  };
}
