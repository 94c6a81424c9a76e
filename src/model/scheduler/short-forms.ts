/**
 * Short forms of upstream scheduler wording for tight places on stage (a node's verdict band, a
 * taint chip). Each rule only drops words that repeat what the place already says ("node(s)" beside
 * a node) or well-known key prefixes, so the upstream text stays recognisable; the full text is in
 * the caption and the node's card.
 */

/** The well-known prefixes of the kubelet's and the node lifecycle controller's taint keys. */
const KEY_PREFIXES = /^(?:node-role\.kubernetes\.io\/|node\.kubernetes\.io\/)/;

/** "node-role.kubernetes.io/control-plane:NoSchedule" -> "control-plane:NoSchedule". */
export function shortTaint(taint: string): string {
  return taint.replace(KEY_PREFIXES, '');
}

/** "{dedicated: gpu}" -> "dedicated=gpu", "{node-role.kubernetes.io/control-plane: }" -> "node-role.kubernetes.io/control-plane". */
function taintPairs(inner: string): string {
  return inner
    .split(/,\s*/)
    .map((pair) => {
      const m = /^(.*?):\s*(.*)$/.exec(pair.trim());
      if (m === null) return pair.trim();
      const [, key = '', value = ''] = m;
      return value === '' ? key : `${key}=${value}`;
    })
    .join(', ');
}

/**
 * An upstream Filter reason without the words the node's own band makes redundant:
 * "node(s) had untolerated taint {dedicated: gpu}" -> "untolerated taint dedicated=gpu",
 * "node(s) were unschedulable" -> "unschedulable",
 * "node(s) didn't match Pod's node affinity/selector" -> "didn't match node affinity/selector".
 * Reasons without those words ("Insufficient cpu", "Too many pods") stay as they are.
 */
export function shortReason(reason: string): string {
  return reason
    .replace(/^node\(s\) (?:had |were )?/, '')
    .replace(/\{([^}]*)\}/g, (_, inner: string) => taintPairs(inner))
    .replace(/Pod's /g, '')
    .trim();
}

/**
 * Lines that each pass `fits` (measured by the caller), broken between words; a word longer than a line is
 * broken after a '/', '.' or '=' (never inside a name part), so nothing is cut mid-word.
 */
export function wrapWords(textIn: string, fits: (line: string) => boolean): string[] {
  // glued: the piece continues the previous one (a long word broken at a separator).
  const pieces: { text: string; glued: boolean }[] = [];
  for (const word of textIn.split(/\s+/).filter((w) => w !== '')) {
    if (fits(word)) {
      pieces.push({ text: word, glued: false });
      continue;
    }
    // Split a long word at its separators, keeping each separator at the end of its part.
    const parts = word.match(/[^/.=]+[/.=]?|[/.=]/g) ?? [word];
    let cur = '';
    let first = true;
    for (const part of parts) {
      if (cur !== '' && !fits(cur + part)) {
        pieces.push({ text: cur, glued: !first });
        first = false;
        cur = part;
      } else cur += part;
    }
    if (cur !== '') pieces.push({ text: cur, glued: !first });
  }
  const lines: string[] = [];
  let line = '';
  for (const p of pieces) {
    // Parts of one broken word join without a space: they carry their separator.
    const next = line === '' ? p.text : line + (p.glued ? '' : ' ') + p.text;
    if (line !== '' && !fits(next)) {
      lines.push(line);
      line = p.text;
    } else line = next;
  }
  if (line !== '') lines.push(line);
  return lines;
}
