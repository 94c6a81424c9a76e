import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SandboxAction } from '../../../src/model/kubectl/actions.ts';
import type { ClusterNames } from '../../../src/model/kubectl/cluster-names.ts';
import { formatAction } from '../../../src/model/kubectl/format.ts';
import { parseCommand } from '../../../src/model/kubectl/parse.ts';

// Names valid for every kind (DNS-1035 labels), existing ones drawn from the cluster below.
const dnsLabel = fc.stringMatching(/^[a-z][a-z0-9-]{0,10}[a-z0-9]$/);
const existing = ['web', 'api', 'worker-1', 'etcd-1'];
const cluster: ClusterNames = {
  pods: existing,
  deployments: existing,
  replicasets: existing,
  // The Service expose makes by default takes the target's name: web and api are free for it.
  services: ['worker-1', 'etcd-1'],
  nodes: existing,
  etcdMembers: existing,
};
const present = fc.constantFrom(...existing);
const fresh = dnsLabel.filter((n) => !existing.includes(n));
const labelKey = fc.oneof(fc.stringMatching(/^[A-Za-z0-9]([A-Za-z0-9._-]{0,8}[A-Za-z0-9])?$/), fc.constantFrom('example.com/team', 'app.kubernetes.io/name'));
const labelValue = fc.stringMatching(/^([A-Za-z0-9]([A-Za-z0-9._-]{0,8}[A-Za-z0-9])?)?$/);
const uniqueBy = <T>(arb: fc.Arbitrary<T>, key: (t: T) => string, min = 0) => fc.uniqueArray(arb, { selector: key, minLength: min, maxLength: 4 });
const pair = fc.record({ key: labelKey, value: labelValue });
// Images with characters a shell needs quoted, to exercise quoting.
const image = fc.oneof(fc.constantFrom('nginx:1.27', 'reg.io/team/app@sha256:abc', "it's", 'a b', 'x"y\\z', '$HOME'), fc.string({ minLength: 1, maxLength: 12 }).filter((s) => !s.includes(',') && !s.includes('\n')));
const port = fc.integer({ min: 1, max: 65535 });
const seconds = fc.integer({ min: 1, max: 100_000 });
const effect = fc.constantFrom('NoSchedule' as const, 'PreferNoSchedule' as const, 'NoExecute' as const);
const optional = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });
const withOptional = <T extends object>(base: T, extra: Record<string, unknown>): T =>
  ({ ...base, ...Object.fromEntries(Object.entries(extra).filter(([, v]) => v !== undefined)) }) as T;

const actions: fc.Arbitrary<SandboxAction> = fc.oneof(
  fc.record({ name: fresh, image, labels: uniqueBy(pair, (p) => p.key), port: optional(port) }).map(({ port: p, ...rest }) => withOptional<SandboxAction>({ kind: 'run', ...rest }, { port: p })),
  fc.record({ name: fresh, images: fc.array(image, { minLength: 1, maxLength: 3 }), replicas: fc.integer({ min: 0, max: 1000 }), port: optional(port) }).map(({ port: p, ...rest }) =>
    withOptional<SandboxAction>({ kind: 'create-deployment', ...rest }, { port: p }),
  ),
  fc.string({ minLength: 1, maxLength: 80 }).filter((m) => m.trim() !== '').map((manifest): SandboxAction => ({ kind: 'apply', manifest })),
  fc.record({ resource: fc.constantFrom('deployment' as const, 'replicaset' as const), name: present, replicas: fc.integer({ min: 0, max: 1000 }) }).map(
    ({ resource, name, replicas }): SandboxAction => ({ kind: 'scale', target: { resource, name }, replicas }),
  ),
  fc.record({ deployment: present, images: uniqueBy(fc.record({ container: fc.oneof(dnsLabel, fc.constant('*')), image }), (i) => i.container, 1) }).map((r): SandboxAction => ({ kind: 'set-image', ...r })),
  fc.record({ deployment: present, toRevision: optional(fc.integer({ min: 1, max: 50 })) }).map(({ toRevision, deployment }) => withOptional<SandboxAction>({ kind: 'rollout-undo', deployment }, { toRevision })),
  present.map((deployment): SandboxAction => ({ kind: 'rollout-status', deployment })),
  fc.record({
    targets: fc.array(
      fc.oneof(
        fc.record({ resource: fc.constantFrom('pod' as const, 'deployment' as const, 'replicaset' as const), name: present }),
        fc.record({ resource: fc.constant('service' as const), name: fc.constantFrom('worker-1', 'etcd-1') }),
      ),
      { minLength: 1, maxLength: 3 },
    ),
    gracePeriod: optional(fc.integer({ min: 0, max: 600 })),
    force: fc.boolean(),
  }).map(({ gracePeriod, ...rest }) => withOptional<SandboxAction>({ kind: 'delete', ...rest }, { gracePeriod })),
  fc.record({
    target: fc.oneof(
      fc.record({ resource: fc.constantFrom('deployment' as const, 'replicaset' as const, 'pod' as const), name: fc.constantFrom('web', 'api') }),
      fc.record({ resource: fc.constant('service' as const), name: fc.constantFrom('worker-1', 'etcd-1') }),
    ),
    port: optional(port),
    targetPort: optional(port),
    serviceName: optional(fresh),
    type: fc.constantFrom('ClusterIP' as const, 'NodePort' as const),
  }).map(({ target, type, ...extra }) =>
    // Exposing a Service under its own name always collides, in kubectl too: give it a new one.
    withOptional<SandboxAction>({ kind: 'expose', target, type }, { ...extra, serviceName: extra.serviceName ?? (target.resource === 'service' ? 'exposed' : undefined) }),
  ),
  fc.record({ kind: fc.constantFrom('cordon' as const, 'uncordon' as const), node: present }),
  fc.record({ node: present, ignoreDaemonsets: fc.boolean(), deleteEmptydirData: fc.boolean(), force: fc.boolean(), gracePeriod: optional(fc.integer({ min: 0, max: 600 })) }).map(({ gracePeriod, ...rest }) =>
    withOptional<SandboxAction>({ kind: 'drain', ...rest }, { gracePeriod }),
  ),
  fc.record({
    nodes: fc.uniqueArray(present, { minLength: 1, maxLength: 3 }),
    add: fc.array(fc.record({ key: labelKey, value: labelValue, effect }), { maxLength: 3 }),
    remove: fc.array(fc.record({ key: labelKey, effect: optional(effect) }).map(({ key, effect: e }) => withOptional<{ key: string }>({ key }, { effect: e })), { maxLength: 3 }),
    overwrite: fc.boolean(),
  })
    .filter((t) => t.add.length + t.remove.length > 0)
    .map((t): SandboxAction => ({ kind: 'taint', ...t })),
  fc.record({
    resource: fc.constantFrom('node' as const, 'pod' as const, 'deployment' as const),
    names: fc.uniqueArray(present, { minLength: 1, maxLength: 3 }),
    set: uniqueBy(pair, (p) => p.key),
    remove: fc.uniqueArray(labelKey, { maxLength: 3 }),
    overwrite: fc.boolean(),
  })
    .filter((l) => l.set.length + l.remove.length > 0)
    .map((l): SandboxAction => ({ kind: 'label', ...l })),
  fc.record({ kind: fc.constantFrom('node-power-off' as const, 'node-power-on' as const, 'node-disconnect' as const, 'node-reconnect' as const, 'kubelet-stop' as const, 'kubelet-start' as const), node: present }),
  fc.record({ kind: fc.constantFrom('etcd-stop' as const, 'etcd-start' as const), member: present }),
  seconds.map((s): SandboxAction => ({ kind: 'wait', seconds: s })),
);

describe('formatAction round-trips through parseCommand', () => {
  it('parseCommand(formatAction(a)) equals a, for every kind of action', () => {
    fc.assert(
      fc.property(actions, (action) => {
        const result = parseCommand(formatAction(action), cluster);
        // fast-check builds null-prototype records; a JSON copy is a plain one. Strict equality
        // also fails if the parser leaves an optional field present but undefined.
        expect(result).toStrictEqual({ ok: true, action: JSON.parse(JSON.stringify(action)) as unknown });
      }),
      { numRuns: 500, seed: 12 },
    );
  });

  it('the canonical lines a learner sees', () => {
    expect(formatAction({ kind: 'scale', target: { resource: 'deployment', name: 'web' }, replicas: 3 })).toBe('kubectl scale deployment/web --replicas=3');
    expect(formatAction({ kind: 'run', name: 'p', image: 'a b', labels: [{ key: 'app', value: 'x' }] })).toBe("kubectl run p --image='a b' --labels=app=x");
    expect(formatAction({ kind: 'wait', seconds: 90 })).toBe('wait 1m30s');
    expect(formatAction({ kind: 'taint', nodes: ['n'], add: [{ key: 'k', value: '', effect: 'NoSchedule' }], remove: [{ key: 'd' }], overwrite: false })).toBe(
      'kubectl taint nodes n k:NoSchedule d-',
    );
    expect(formatAction({ kind: 'apply', manifest: 'a: 1\nEOF' })).toBe("kubectl apply -f - <<'EOF1'\na: 1\nEOF\nEOF1");
  });
});
