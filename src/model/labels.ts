/**
 * Label and node selector matching, with the semantics of k8s.io/apimachinery/pkg/labels and
 * k8s.io/component-helpers/scheduling/corev1/nodeaffinity:
 * - a NodeSelectorTerm ANDs its requirements; a node selector ORs its terms;
 * - an empty term (no expressions, no fields) matches nothing;
 * - a term with an invalid requirement (In without values, Gt with a non-integer...) matches nothing
 *   (upstream ignores the parse error for backward compatibility and treats the term as unmatched);
 * - matchFields supports only `metadata.name` with In / NotIn and exactly one value.
 */
import type { LabelSelector, Node, NodeSelectorRequirement, NodeSelectorTerm, Pod } from './objects.ts';

export type Labels = Readonly<Record<string, string>>;

const INTEGER = /^[+-]?\d+$/;

/** undefined when the requirement is malformed (upstream: a parse error). */
function requirementMatches(req: NodeSelectorRequirement, labels: Labels): boolean | undefined {
  const values = req.values ?? [];
  const has = Object.hasOwn(labels, req.key);
  const actual = has ? labels[req.key] : undefined;
  switch (req.operator) {
    case 'In':
      if (values.length === 0) return undefined;
      return actual !== undefined && values.includes(actual);
    case 'NotIn':
      if (values.length === 0) return undefined;
      return actual === undefined || !values.includes(actual);
    case 'Exists':
      if (values.length !== 0) return undefined;
      return has;
    case 'DoesNotExist':
      if (values.length !== 0) return undefined;
      return !has;
    case 'Gt':
    case 'Lt': {
      const bound = values[0];
      if (values.length !== 1 || bound === undefined || !INTEGER.test(bound)) return undefined;
      if (actual === undefined || !INTEGER.test(actual)) return false;
      const a = BigInt(actual);
      const b = BigInt(bound);
      return req.operator === 'Gt' ? a > b : a < b;
    }
    default:
      return undefined;
  }
}

function fieldMatches(req: NodeSelectorRequirement, nodeName: string): boolean | undefined {
  const values = req.values ?? [];
  const only = values[0];
  if (req.key !== 'metadata.name' || values.length !== 1 || only === undefined) return undefined;
  if (req.operator === 'In') return nodeName === only;
  if (req.operator === 'NotIn') return nodeName !== only;
  return undefined;
}

/** One NodeSelectorTerm against a node's labels and name. */
export function nodeSelectorTermMatches(term: NodeSelectorTerm, labels: Labels, nodeName: string): boolean {
  const exprs = term.matchExpressions ?? [];
  const fields = term.matchFields ?? [];
  if (exprs.length === 0 && fields.length === 0) return false;
  for (const req of exprs) if (requirementMatches(req, labels) !== true) return false;
  for (const req of fields) if (fieldMatches(req, nodeName) !== true) return false;
  return true;
}

/** Terms are ORed; no terms matches nothing. */
export function nodeSelectorTermsMatch(terms: readonly NodeSelectorTerm[], labels: Labels, nodeName: string): boolean {
  for (const term of terms) if (nodeSelectorTermMatches(term, labels, nodeName)) return true;
  return false;
}

/** pod.spec.nodeSelector: every key must be present with exactly that value. */
export function nodeSelectorMapMatches(selector: Labels | undefined, labels: Labels): boolean {
  if (selector === undefined) return true;
  for (const key of Object.keys(selector)) {
    if (!Object.hasOwn(labels, key) || labels[key] !== selector[key]) return false;
  }
  return true;
}

/**
 * The pod's required node affinity: nodeSelector AND requiredDuringSchedulingIgnoredDuringExecution
 * (upstream nodeaffinity.GetRequiredNodeAffinity(pod).Match(node)).
 */
export function podRequiredAffinityMatches(pod: Pod, node: Node): boolean {
  const labels = node.metadata.labels ?? {};
  if (!nodeSelectorMapMatches(pod.spec.nodeSelector, labels)) return false;
  const required = pod.spec.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution;
  if (required === undefined) return true;
  return nodeSelectorTermsMatch(required.nodeSelectorTerms, labels, node.metadata.name);
}

/**
 * metav1.LabelSelector: matchLabels AND matchExpressions. An empty selector matches everything
 * (LabelSelectorAsSelector); a malformed expression matches nothing.
 */
export function labelSelectorMatches(selector: LabelSelector, labels: Labels): boolean {
  if (!nodeSelectorMapMatches(selector.matchLabels, labels)) return false;
  for (const expr of selector.matchExpressions ?? []) {
    if (requirementMatches(expr, labels) !== true) return false;
  }
  return true;
}
