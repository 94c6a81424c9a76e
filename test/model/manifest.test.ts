import { describe, expect, it } from 'vitest';
import { ManifestError, parseNodes, parsePod, parsePods } from '../../src/model/manifest/index.ts';

const nodeList = (cpu: string) =>
  JSON.stringify({
    apiVersion: 'v1',
    kind: 'List',
    items: [
      { apiVersion: 'v1', kind: 'Node', metadata: { name: 'a', labels: { zone: 'x' }, managedFields: [{}] }, spec: {}, status: { allocatable: { cpu: '2', memory: '4Gi', pods: '110' }, images: [] } },
      { apiVersion: 'v1', kind: 'Node', metadata: { name: 'b' }, spec: { taints: [{ key: 'k', effect: 'NoSchedule' }] }, status: { allocatable: { cpu, memory: '4Gi' } } },
    ],
  });

describe('manifest parsing', () => {
  it('reads a kubectl-style List and drops unknown fields', () => {
    const nodes = parseNodes(nodeList('2'), 'nodes.json');
    expect(nodes.map((n) => n.metadata.name)).toEqual(['a', 'b']);
    expect(nodes[0]?.metadata).toEqual({ name: 'a', labels: { zone: 'x' } });
    expect(nodes[1]?.spec.taints).toEqual([{ key: 'k', effect: 'NoSchedule' }]);
  });
  it('names the file and the field of a bad quantity', () => {
    expect(() => parseNodes(nodeList('2x'), 'nodes.yaml')).toThrow(ManifestError);
    expect(() => parseNodes(nodeList('2x'), 'nodes.yaml')).toThrow('nodes.yaml: items[1].status.allocatable.cpu: invalid quantity "2x"');
  });
  it('reports JSON syntax errors with line and column', () => {
    expect(() => parsePod('{\n  "kind": "Pod",\n    x\n}', 'pod.json')).toThrow(/^pod\.json: line 3 column 5: invalid JSON: /);
  });
  it('reports YAML syntax errors with line and column', () => {
    expect(() => parsePods('kind: Pod\nmetadata: [\n', 'pods.yaml')).toThrow(/^pods\.yaml: line 3 column 1: invalid YAML: /);
  });
  it('reads a multi-document YAML stream; numbers are quantities; "" effect is any effect', () => {
    const pods = parsePods(
      `apiVersion: v1
kind: Pod
metadata: {name: p1}
spec:
  nodeName: a
  tolerations: [{operator: Exists, effect: ""}]
  containers: [{name: c, image: nginx, resources: {requests: {cpu: 0.5, memory: 1e3}}}]
---
apiVersion: v1
kind: Pod
metadata: {name: p2}
spec:
  containers: [{name: c, image: nginx}]
status: {phase: Succeeded}
`,
      'pods.yaml',
    );
    expect(pods.map((p) => p.metadata.name)).toEqual(['p1', 'p2']);
    expect(pods[0]?.spec.containers[0]?.resources?.requests).toEqual({ cpu: '0.5', memory: '1000' });
    expect(pods[0]?.spec.tolerations).toEqual([{ operator: 'Exists' }]);
    expect(pods[1]?.status?.phase).toBe('Succeeded');
  });
  it('paths inside a stream name the document', () => {
    expect(() => parsePods('kind: Pod\nmetadata: {name: a}\nspec: {containers: [{name: c}]}\n---\nkind: Pod\nmetadata: {name: b}\nspec: {containers: []}\n', 'p.yaml')).toThrow(
      'p.yaml: document 2: spec.containers: a pod needs at least one container',
    );
  });
  it('missing fields and wrong kinds', () => {
    expect(() => parsePod('{"kind": "Pod", "metadata": {}, "spec": {"containers": [{"name": "c"}]}}', 'pod.json')).toThrow('pod.json: metadata.name: required field is missing');
    expect(() => parsePod('{"kind": "Node", "metadata": {"name": "n"}}', 'pod.json')).toThrow('pod.json: kind: expected Pod, got "Node"');
    expect(() => parsePod(nodeList('1').replaceAll('"Node"', '"Pod"'), 'pod.json')).toThrow(/^pod\.json: items\[0\]\.spec\.containers: /);
    expect(() => parsePod('', 'pod.yaml')).toThrow('pod.yaml: expected exactly one Pod, found 0');
  });
  it('extended resource keys are quoted in paths', () => {
    const bad = nodeList('1').replace('"pods":"110"', '"nvidia.com/gpu":"x"');
    expect(() => parseNodes(bad, 'n.json')).toThrow('n.json: items[0].status.allocatable["nvidia.com/gpu"]: invalid quantity "x"');
  });
});

describe('resource validation', () => {
  it('rejects negative requests as the API does', () => {
    expect(() => parsePod('kind: Pod\nmetadata: {name: p}\nspec: {containers: [{name: c, resources: {requests: {cpu: "-1"}}}]}\n', 'pod.yaml')).toThrow(
      'pod.yaml: spec.containers[0].resources.requests.cpu: invalid value "-1": must be greater than or equal to 0',
    );
  });
});
