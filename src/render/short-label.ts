/**
 * Token labels shorten by rule, never mid-word: each label has a list of ever shorter forms
 * ("txn put /registry/pods/default/web-1" -> "put pods/web-1" -> "put pods"), and the renderer
 * takes the first that fits. Pure.
 */

/** etcd keys: /registry/<resource>/<namespace>/<name> or /registry/<resource>/<name>. */
const ETCD_KEY = /^(txn put|txn delete|range|put|delete)\s+\/registry\/([^/\s]+)(?:\/([^/\s]+))?(?:\/([^/\s]+))?(.*)$/;

/** A generated name's random tail ("web-7d9f8c-x2k4q", "nginx.17e3a9c") dropped at a word boundary. */
function baseName(name: string): string | undefined {
  const dot = name.indexOf('.');
  if (dot > 0) return name.slice(0, dot);
  const parts = name.split('-');
  return parts.length > 2 ? parts.slice(0, -2).join('-') : undefined;
}

/** Ever shorter forms of a token label, the label itself first; every one made of whole words. */
export function shortForms(label: string): string[] {
  const out: string[] = [label];
  const add = (s: string | undefined): void => {
    if (s !== undefined && s.length > 0 && !out.includes(s)) out.push(s);
  };
  const key = ETCD_KEY.exec(label);
  if (key !== null) {
    const verb = (key[1] ?? '').replace(/^txn /, '');
    const resource = key[2] ?? '';
    // With a namespace the name is the last segment; cluster-scoped keys have the name second.
    const name = key[4] ?? key[3];
    const rest = (key[5] ?? '').trim();
    if (name !== undefined) {
      add(`${verb} ${resource}/${name}${rest === '' ? '' : ` ${rest}`}`);
      add(`${verb} ${resource}/${name}`);
      const base = baseName(name);
      if (base !== undefined) add(`${verb} ${resource}/${base}`);
    }
    add(`${verb} ${resource}`);
    return out;
  }
  // "watch: MODIFIED ×3" -> "MODIFIED ×3"; "POST event (Unhealthy)" -> "POST event"; drop trailing words one at a time.
  add(label.replace(/^watch: /, ''));
  add(label.replace(/\s*\([^)]*\)/g, ''));
  const words = label.split(' ');
  for (let n = words.length - 1; n >= 1; n--) add(words.slice(0, n).join(' '));
  return out;
}

/** Shorter forms of an activity label that does not fit, longest first (a station's activity line, scene/station.ts). */
export function activityForms(label: string): string[] {
  const out: string[] = [];
  const aside = /^(.*\S)\s+\([^()]*\)$/.exec(label);
  const bare = aside?.[1];
  if (bare !== undefined) out.push(bare);
  const colon = label.indexOf(': ');
  // After its head, clauses joined by " · " keep the first ("Filter: 100 nodes fit · 149 of 150
  // checked" -> "Filter: 100 nodes fit"). Not at a comma: a list of reasons ("0/4 nodes fit: 1
  // node(s) had untolerated taint(s), 3 node(s) didn't match…") would lose all but its first.
  const clause = colon > 0 ? (bare ?? label).indexOf(' · ', colon) : -1;
  if (clause > 0) out.push((bare ?? label).slice(0, clause));
  if (colon > 0) out.push(label.slice(0, colon));
  return out;
}
