/**
 * kubectl's node and label commands as the REST calls kubectl makes: cordon / uncordon / drain
 * (src/sim/kubectl/drain.ts), taint (GET the node, PATCH spec.taints) and label (GET, PATCH
 * metadata.labels). The checks kubectl makes against the object it read come with its wording.
 */
import type { CordonAction, DrainAction, LabelAction, TaintAction } from '../../../model/kubectl/actions.ts';
import type { K8sObject, ObjectRef, Taint } from '../../../model/objects.ts';
import { timestamp } from '../../../model/time.ts';
import { drain as drainNode, setCordon } from '../../kubectl/drain.ts';
import type { EffectContext } from './context.ts';
import { inTurn, refFor, serverError, succeeded } from './context.ts';
import { printedType, resourceInfo } from '../../../model/kubectl/resources.ts';

/** Runs a kubectl workflow whose errors show only in what it prints. */
function printing(ctx: EffectContext): { readonly print: (line: string) => void; readonly ok: () => boolean } {
  let failed = false;
  return {
    print: (line) => {
      if (/^(error|Error from server)/.test(line)) failed = true;
      ctx.print(line);
    },
    ok: () => !failed,
  };
}

export function cordon(ctx: EffectContext, a: CordonAction): void {
  const out = printing(ctx);
  setCordon(ctx.cluster, a.node, a.kind === 'cordon', out.print, () => ctx.done(out.ok()));
}

export function drain(ctx: EffectContext, a: DrainAction): void {
  drainNode(ctx.cluster, a.node, { ignoreDaemonSets: a.ignoreDaemonsets, force: a.force }, ctx.print, (drained) => ctx.done(drained));
}

const sameTaint = (t: Taint, key: string, effect: string): boolean => t.key === key && t.effect === effect;

/** The node's taints after the change, or kubectl's error (taint.go reorganizeTaints / validation). */
export function taintsAfter(node: string, current: readonly Taint[], a: TaintAction, now: string): { readonly taints: readonly Taint[] } | { readonly error: string } {
  let taints = [...current];
  for (const add of a.add) {
    const existing = taints.find((t) => sameTaint(t, add.key, add.effect));
    if (existing && !a.overwrite) return { error: `error: node ${node} already has ${add.key} taint(s) with same effect(s) and --overwrite is false` };
    taints = taints.filter((t) => !sameTaint(t, add.key, add.effect));
    // The API server stamps timeAdded on NoExecute taints (the taint eviction controller reads it).
    taints.push({ key: add.key, ...(add.value === '' ? {} : { value: add.value }), effect: add.effect, ...(add.effect === 'NoExecute' ? { timeAdded: now } : {}) });
  }
  for (const remove of a.remove) {
    const before = taints.length;
    taints = taints.filter((t) => !(t.key === remove.key && (remove.effect === undefined || t.effect === remove.effect)));
    if (taints.length === before) return { error: `error: taint "${remove.key}${remove.effect ? `:${remove.effect}` : ''}" not found` };
  }
  return { taints };
}

export function taint(ctx: EffectContext, a: TaintAction): void {
  const { cluster } = ctx;
  inTurn(
    a.nodes,
    (node, next) => {
      const ref: ObjectRef = `Node/${node}`;
      cluster.kubectl('GET node', { verb: 'get', ref }, (got) => {
        if (got.object?.kind !== 'Node') {
          ctx.print(serverError(got, 'nodes', node));
          return next(false);
        }
        const result = taintsAfter(node, got.object.spec.taints ?? [], a, timestamp(cluster.now));
        if ('error' in result) {
          ctx.print(result.error);
          return next(false);
        }
        const { taints } = result;
        const mutate = (o: K8sObject): K8sObject => {
          if (o.kind !== 'Node') return o;
          const { taints: _was, ...spec } = o.spec;
          return { ...o, spec: taints.length > 0 ? { ...spec, taints } : spec };
        };
        const summary = [...a.add.map((t) => `taint ${t.key}${t.value ? `=${t.value}` : ''}:${t.effect}`), ...a.remove.map((t) => `untaint ${t.key}`)].join(', ');
        cluster.kubectl('PATCH node (taint)', { verb: 'update', method: 'PATCH', ref, summary, mutate }, (answer) => {
          // kubectl says "untainted" when the change only removed taints.
          ctx.print(succeeded(answer) ? `node/${node} ${a.add.length === 0 ? 'untainted' : 'tainted'}` : serverError(answer, 'nodes', node));
          next(succeeded(answer));
        });
      });
    },
    ctx.done,
  );
}


/** The labels after the change, or kubectl's error (label.go validateNoOverwrites). */
export function labelsAfter(current: Readonly<Record<string, string>>, a: LabelAction): { readonly labels: Readonly<Record<string, string>> } | { readonly error: string } {
  const labels: Record<string, string> = { ...current };
  for (const { key, value } of a.set) {
    const was = labels[key];
    if (was !== undefined && was !== value && !a.overwrite) return { error: `error: '${key}' already has a value (${was}), and --overwrite is false` };
    labels[key] = value;
  }
  return { labels: Object.fromEntries(Object.entries(labels).filter(([key]) => !a.remove.includes(key))) };
}

export function label(ctx: EffectContext, a: LabelAction): void {
  const resource = resourceInfo(a.resource).qualified;
  const shown = printedType(a.resource);
  inTurn(
    a.names,
    (name, next) => {
      const ref = refFor(a.resource, name);
      ctx.cluster.kubectl(`GET ${a.resource}`, { verb: 'get', ref }, (got) => {
        if (!succeeded(got) || got.object === undefined) {
          ctx.print(serverError(got, resource, name));
          return next(false);
        }
        const current = got.object.metadata.labels ?? {};
        const result = labelsAfter(current, a);
        if ('error' in result) {
          ctx.print(result.error);
          return next(false);
        }
        const { labels } = result;
        if (JSON.stringify(labels) === JSON.stringify(current)) {
          ctx.print(`${shown}/${name} not labeled`);
          return next(true);
        }
        const mutate = (o: K8sObject): K8sObject => ({ ...o, metadata: { ...o.metadata, labels } }) as K8sObject;
        const summary = [...a.set.map((l) => `${l.key}=${l.value}`), ...a.remove.map((k) => `${k}-`)].join(' ');
        ctx.cluster.kubectl(`PATCH ${a.resource} (labels)`, { verb: 'update', method: 'PATCH', ref, summary: `labels ${summary}`, mutate }, (answer) => {
          ctx.print(succeeded(answer) ? `${shown}/${name} labeled` : serverError(answer, resource, name));
          next(succeeded(answer));
        });
      });
    },
    ctx.done,
  );
}
