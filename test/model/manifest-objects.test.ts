import { describe, expect, it } from 'vitest';
import { MAX_BYTES, MAX_OBJECTS, ManifestError, parseObjects } from '../../src/model/manifest/index.ts';
import type { K8sObject } from '../../src/model/objects.ts';

const podSpec = { containers: [{ name: 'c', image: 'nginx' }] };

const deployment = `apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: shop, labels: {tier: front}}
spec:
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}, annotations: {note: dropped}}
    spec:
      containers: [{name: c, image: nginx}]
`;

const one = (text: string): K8sObject => {
  const objs = parseObjects(text, 'm.yaml');
  expect(objs).toHaveLength(1);
  const [obj] = objs;
  if (obj === undefined) throw new Error('no object');
  return obj;
};

/** The message parseObjects throws for `text`, or "" when it parses. */
const errorOf = (text: string, file = 'm.yaml'): string => {
  try {
    parseObjects(text, file);
    return '';
  } catch (e) {
    expect(e).toBeInstanceOf(ManifestError);
    return e instanceof Error ? e.message : String(e);
  }
};

describe('parseObjects: each kind', () => {
  it('Deployment: replicas 1 and RollingUpdate 25%/25% filled in, unknown fields dropped', () => {
    expect(one(deployment)).toEqual({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'web', namespace: 'shop', labels: { tier: 'front' } },
      spec: {
        replicas: 1,
        selector: { matchLabels: { app: 'web' } },
        template: { metadata: { labels: { app: 'web' } }, spec: podSpec },
        strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' } },
      },
    });
  });

  it('Deployment: a given maxSurge keeps the default maxUnavailable; Recreate has no rollingUpdate', () => {
    const surge = one(deployment.replace('spec:\n  selector', 'spec:\n  replicas: 3\n  strategy: {rollingUpdate: {maxSurge: 2}}\n  selector'));
    expect(surge.kind === 'Deployment' && surge.spec).toMatchObject({ replicas: 3, strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 2, maxUnavailable: '25%' } } });
    const recreate = one(deployment.replace('spec:\n  selector', 'spec:\n  strategy: {type: Recreate}\n  selector'));
    expect(recreate.kind === 'Deployment' && recreate.spec.strategy).toEqual({ type: 'Recreate' });
  });

  it('ReplicaSet: replicas default 1; matchExpressions selectors', () => {
    const rs = one(`{"apiVersion": "apps/v1", "kind": "ReplicaSet", "metadata": {"name": "rs"},
      "spec": {"selector": {"matchExpressions": [{"key": "app", "operator": "In", "values": ["a", "b"]}]},
               "template": {"metadata": {"labels": {"app": "b"}}, "spec": {"containers": [{"name": "c", "image": "nginx"}]}}}}`);
    expect(rs).toEqual({
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      metadata: { name: 'rs' },
      spec: {
        replicas: 1,
        selector: { matchExpressions: [{ key: 'app', operator: 'In', values: ['a', 'b'] }] },
        template: { metadata: { labels: { app: 'b' } }, spec: podSpec },
      },
    });
  });

  it('DaemonSet: RollingUpdate with maxUnavailable 1, maxSurge 0 filled in', () => {
    const ds = one('apiVersion: apps/v1\nkind: DaemonSet\nmetadata: {name: agent}\nspec:\n  selector: {matchLabels: {app: agent}}\n  template: {metadata: {labels: {app: agent}}, spec: {containers: [{name: c, image: nginx}]}}\n');
    expect(ds).toEqual({
      apiVersion: 'apps/v1',
      kind: 'DaemonSet',
      metadata: { name: 'agent' },
      spec: {
        selector: { matchLabels: { app: 'agent' } },
        template: { metadata: { labels: { app: 'agent' } }, spec: podSpec },
        updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 0, maxUnavailable: 1 } },
      },
    });
  });

  it('Service: type ClusterIP, protocol TCP and targetPort = port filled in', () => {
    expect(one('apiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec: {selector: {app: web}, ports: [{port: 80}]}\n')).toEqual({
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'web' },
      spec: { type: 'ClusterIP', selector: { app: 'web' }, ports: [{ port: 80, targetPort: 80, protocol: 'TCP' }] },
    });
  });

  it('Service: NodePort with named ports, nodePort and protocol', () => {
    const svc = one(`apiVersion: v1
kind: Service
metadata: {name: web}
spec:
  type: NodePort
  selector: {app: web}
  ports:
  - {name: http, port: 80, targetPort: 8080, nodePort: 30080}
  - {name: dns, port: 53, protocol: UDP}
`);
    expect(svc.kind === 'Service' && svc.spec).toEqual({
      type: 'NodePort',
      selector: { app: 'web' },
      ports: [
        { name: 'http', port: 80, targetPort: 8080, nodePort: 30080, protocol: 'TCP' },
        { name: 'dns', port: 53, targetPort: 53, protocol: 'UDP' },
      ],
    });
  });

  it('Service: a headless Service may have no ports', () => {
    const svc = one('apiVersion: v1\nkind: Service\nmetadata: {name: db}\nspec: {clusterIP: None, selector: {app: db}}\n');
    expect(svc.kind === 'Service' && svc.spec).toEqual({ type: 'ClusterIP', clusterIP: 'None', selector: { app: 'db' }, ports: [] });
  });

  it('PodDisruptionBudget: minAvailable as a number, maxUnavailable as a percent', () => {
    const min = one('apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata: {name: pdb}\nspec: {minAvailable: 2, selector: {matchLabels: {app: web}}}\n');
    expect(min).toEqual({ apiVersion: 'policy/v1', kind: 'PodDisruptionBudget', metadata: { name: 'pdb' }, spec: { minAvailable: 2, selector: { matchLabels: { app: 'web' } } } });
    const max = one('apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata: {name: pdb}\nspec: {maxUnavailable: "50%", selector: {}}\n');
    expect(max.kind === 'PodDisruptionBudget' && max.spec).toEqual({ maxUnavailable: '50%', selector: {} });
  });

  it('Pod and Node, through the existing schemas', () => {
    expect(one('apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec: {containers: [{name: c, image: nginx}]}\n')).toEqual({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'p' },
      spec: podSpec,
    });
    expect(one('apiVersion: v1\nkind: Node\nmetadata: {name: n}\nstatus: {allocatable: {cpu: 2}}\n')).toEqual({
      apiVersion: 'v1',
      kind: 'Node',
      metadata: { name: 'n' },
      spec: {},
      status: { allocatable: { cpu: '2' } },
    });
  });
});

describe('parseObjects: documents', () => {
  it('reads a multi-document stream of mixed kinds in order, skipping empty documents', () => {
    const text = `${deployment}---\n---\napiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec: {ports: [{port: 80}]}\n---\napiVersion: v1\nkind: Node\nmetadata: {name: n1}\n`;
    expect(parseObjects(text, 'm.yaml').map((o) => `${o.kind}/${o.metadata.name}`)).toEqual(['Deployment/web', 'Service/web', 'Node/n1']);
  });

  it('reads a kind: List', () => {
    const list = JSON.stringify({
      apiVersion: 'v1',
      kind: 'List',
      items: [
        { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'a' }, spec: podSpec },
        { apiVersion: 'policy/v1', kind: 'PodDisruptionBudget', metadata: { name: 'b' }, spec: { selector: {}, maxUnavailable: 1 } },
      ],
    });
    expect(parseObjects(list, 'list.json').map((o) => `${o.kind}/${o.metadata.name}`)).toEqual(['Pod/a', 'PodDisruptionBudget/b']);
  });

  it('empty text is no objects', () => {
    expect(parseObjects('', 'm.yaml')).toEqual([]);
  });

  it('strings stay plain data', () => {
    const pod = one('apiVersion: v1\nkind: Pod\nmetadata: {name: "${process.exit()}", labels: {a: "{{ x }}"}}\nspec: {containers: [{name: c, image: "`rm -rf /`"}]}\n');
    expect(pod.metadata).toEqual({ name: '${process.exit()}', labels: { a: '{{ x }}' } });
    expect(pod.kind === 'Pod' && pod.spec.containers[0]?.image).toBe('`rm -rf /`');
  });
});

describe('parseObjects: mistakes', () => {
  it('a wrong field type names the document and the field path', () => {
    const text = `apiVersion: v1\nkind: Node\nmetadata: {name: n}\n---\n${deployment.replace('image: nginx', 'image: 3')}`;
    expect(errorOf(text, 'story.yaml')).toBe('story.yaml: document 2: spec.template.spec.containers[0].image: expected string, received number');
  });

  it('inside a List the path starts at the item', () => {
    const list = JSON.stringify({ kind: 'List', items: [{ apiVersion: 'v1', kind: 'Service', metadata: { name: 's' }, spec: { ports: [{ port: 0 }] } }] });
    expect(errorOf(list, 'l.json')).toBe('l.json: items[0].spec.ports[0].port: must be between 1 and 65535, inclusive');
  });

  it('unsupported kinds name the supported ones', () => {
    expect(errorOf('apiVersion: v1\nkind: Node\nmetadata: {name: n}\n---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\n')).toBe(
      'm.yaml: document 2: kind ConfigMap is not supported here (supported: Pod, Node, Deployment, ReplicaSet, DaemonSet, Service, PodDisruptionBudget)',
    );
    expect(errorOf('{"apiVersion": "v1", "metadata": {"name": "x"}}')).toBe('m.yaml: kind: required field is missing');
    expect(errorOf('- 1\n')).toBe('m.yaml: [0]: expected an object, got 1');
  });

  it('a kind in the wrong apiVersion is refused as the API server does', () => {
    expect(errorOf(deployment.replace('apps/v1', 'v1'))).toBe('m.yaml: no matches for kind "Deployment" in version "v1" (expected "apps/v1")');
    expect(errorOf('apiVersion: policy/v1beta1\nkind: PodDisruptionBudget\nmetadata: {name: p}\nspec: {selector: {}}\n')).toBe(
      'm.yaml: no matches for kind "PodDisruptionBudget" in version "policy/v1beta1" (expected "policy/v1")',
    );
    expect(errorOf(deployment.replace('apiVersion: apps/v1\n', ''))).toBe('m.yaml: apiVersion: required field is missing');
  });

  it('a selector that does not match the template labels', () => {
    expect(errorOf(deployment.replace('labels: {app: web}, annotations', 'labels: {app: api}, annotations'))).toBe(
      'm.yaml: spec.template.metadata.labels: Invalid value: {"app":"api"}: `selector` does not match template `labels`',
    );
    expect(errorOf(deployment.replace('{matchLabels: {app: web}}', '{}'))).toBe('m.yaml: spec.selector: Invalid value: {}: empty selector is invalid for deployment');
    const ds = 'apiVersion: apps/v1\nkind: DaemonSet\nmetadata: {name: d}\nspec:\n  selector: {matchLabels: {app: d}}\n  template: {spec: {containers: [{name: c, image: x}]}}\n';
    expect(errorOf(ds)).toBe('m.yaml: spec.template.metadata.labels: Invalid value: {}: `selector` does not match template `labels`');
    expect(errorOf(deployment.replace('selector: {matchLabels: {app: web}}\n', ''))).toBe('m.yaml: spec.selector: required field is missing');
  });

  it('bad rolling-update values', () => {
    const withStrategy = (s: string) => deployment.replace('spec:\n  selector', `spec:\n  strategy: ${s}\n  selector`);
    expect(errorOf(withStrategy('{rollingUpdate: {maxSurge: 0, maxUnavailable: "0%"}}'))).toBe(
      'm.yaml: spec.strategy.rollingUpdate.maxUnavailable: Invalid value: "0%": may not be 0 when `maxSurge` is 0',
    );
    expect(errorOf(withStrategy('{type: Recreate, rollingUpdate: {maxSurge: 1}}'))).toBe(
      "m.yaml: spec.strategy.rollingUpdate: Forbidden: may not be specified when strategy `type` is 'Recreate'",
    );
    expect(errorOf(withStrategy('{rollingUpdate: {maxUnavailable: "150%"}}'))).toBe('m.yaml: spec.strategy.rollingUpdate.maxUnavailable: Invalid value: "150%": must not be greater than 100%');
    // Upstream caps a Deployment's maxUnavailable at 100%, not its maxSurge.
    const surge = one(withStrategy('{rollingUpdate: {maxSurge: "150%"}}'));
    expect(surge.kind === 'Deployment' && surge.spec.strategy).toEqual({ type: 'RollingUpdate', rollingUpdate: { maxSurge: '150%', maxUnavailable: '25%' } });
    expect(errorOf(withStrategy('{type: Canary}'))).toBe('m.yaml: spec.strategy.type: Invalid option: expected one of "RollingUpdate"|"Recreate"');
    expect(errorOf(deployment.replace('spec:\n  selector', 'spec:\n  replicas: -1\n  selector'))).toBe('m.yaml: spec.replicas: must be greater than or equal to 0');
  });

  it('DaemonSet rolling updates: exactly one of maxSurge and maxUnavailable is non-zero', () => {
    const ds = (strategy: string) =>
      `apiVersion: apps/v1\nkind: DaemonSet\nmetadata: {name: d}\nspec:\n  updateStrategy: ${strategy}\n  selector: {matchLabels: {app: d}}\n  template: {metadata: {labels: {app: d}}, spec: {containers: [{name: c, image: x}]}}\n`;
    // maxUnavailable keeps its default 1, so a surge alone is refused as upstream does.
    expect(errorOf(ds('{rollingUpdate: {maxSurge: 1}}'))).toBe('m.yaml: spec.updateStrategy.rollingUpdate.maxSurge: Invalid value: 1: may not be set when maxUnavailable is non-zero');
    expect(errorOf(ds('{rollingUpdate: {maxUnavailable: "0%"}}'))).toBe('m.yaml: spec.updateStrategy.rollingUpdate.maxUnavailable: Required value: cannot be 0 when maxSurge is 0');
    expect(errorOf(ds('{rollingUpdate: {maxSurge: "101%", maxUnavailable: 0}}'))).toBe('m.yaml: spec.updateStrategy.rollingUpdate.maxSurge: Invalid value: "101%": must not be greater than 100%');
    const surge = one(ds('{rollingUpdate: {maxSurge: "10%", maxUnavailable: 0}}'));
    expect(surge.kind === 'DaemonSet' && surge.spec.updateStrategy).toEqual({ type: 'RollingUpdate', rollingUpdate: { maxSurge: '10%', maxUnavailable: 0 } });
    const onDelete = one(ds('{type: OnDelete}'));
    expect(onDelete.kind === 'DaemonSet' && onDelete.spec.updateStrategy).toEqual({ type: 'OnDelete' });
    expect(errorOf(ds('{}').replace('{matchLabels: {app: d}}', '{}'))).toBe('m.yaml: spec.selector: Invalid value: {}: empty selector is invalid for daemonset');
  });

  it('Service mistakes', () => {
    const svc = (spec: string) => `apiVersion: v1\nkind: Service\nmetadata: {name: s}\nspec: ${spec}\n`;
    expect(errorOf(svc('{ports: [{port: 80, nodePort: 30080}]}'))).toBe("m.yaml: spec.ports[0].nodePort: Forbidden: may not be used when `type` is 'ClusterIP'");
    expect(errorOf(svc('{type: NodePort, ports: [{port: 80, nodePort: 80}]}'))).toBe(
      'm.yaml: spec.ports[0].nodePort: provided port is not in the valid range. The range of valid ports is 30000-32767',
    );
    expect(errorOf(svc('{ports: [{port: 80, targetPort: http}]}'))).toBe('m.yaml: spec.ports[0].targetPort: named target ports are not supported here; use the container port number');
    expect(errorOf(svc('{ports: [{port: 80}, {name: b, port: 81}]}'))).toBe('m.yaml: spec.ports[0].name: Required value');
    expect(errorOf(svc('{selector: {app: a}}'))).toBe('m.yaml: spec.ports: Required value');
    expect(errorOf(svc('{type: ExternalName, ports: [{port: 80}]}'))).toBe('m.yaml: spec.type: Invalid option: expected one of "ClusterIP"|"NodePort"|"LoadBalancer"');
  });

  it('PodDisruptionBudget mistakes', () => {
    const pdb = (spec: string) => `apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata: {name: p}\nspec: ${spec}\n`;
    expect(errorOf(pdb('{selector: {}, minAvailable: 1, maxUnavailable: 1}'))).toBe('m.yaml: spec: minAvailable and maxUnavailable cannot be both set');
    expect(errorOf(pdb('{selector: {}, minAvailable: "half"}'))).toBe(
      `m.yaml: spec.minAvailable: Invalid value: "half": a valid percent string must be a numeric string followed by an ending '%'`,
    );
    expect(errorOf(pdb('{selector: {}, maxUnavailable: -1}'))).toBe('m.yaml: spec.maxUnavailable: Invalid value: -1: must be greater than or equal to 0');
    expect(errorOf(pdb('{selector: {}, minAvailable: "101%"}'))).toBe('m.yaml: spec.minAvailable: Invalid value: "101%": must not be greater than 100%');
    expect(errorOf(pdb('{selector: {}, maxUnavailable: true}'))).toBe('m.yaml: spec.maxUnavailable: expected an integer or a percent such as "25%"');
    expect(errorOf(pdb('{minAvailable: 1}'))).toBe('m.yaml: spec.selector: required field is missing');
  });

  it('size bounds', () => {
    const node = (i: number) => `apiVersion: v1\nkind: Node\nmetadata: {name: n${i}}\n`;
    const docs = (n: number) => Array.from({ length: n }, (_, i) => node(i)).join('---\n');
    expect(parseObjects(docs(MAX_OBJECTS), 'm.yaml')).toHaveLength(500);
    expect(errorOf(docs(MAX_OBJECTS + 1))).toBe('m.yaml: too many objects: 501 (at most 500)');
    // Multi-byte characters count as their UTF-8 bytes.
    expect(errorOf(`# ${'é'.repeat(MAX_BYTES / 2)}\n`)).toBe('m.yaml: too large: 1048579 bytes (at most 1048576 bytes, 1 MiB)');
  });
});
