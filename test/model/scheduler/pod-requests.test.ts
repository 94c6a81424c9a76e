import { describe, expect, it } from 'vitest';
import type { Pod } from '../../../src/model/objects.ts';
import { QuantityError } from '../../../src/model/quantity.ts';
import { computePodRequest } from '../../../src/model/scheduler/pod-requests.ts';
import { makePod } from './helpers.ts';

describe('pod requests (upstream PodRequests / computePodResourceRequest)', () => {
  it('init containers: max of each init container and the sum of the app containers', () => {
    // upstream's example: IC1 2/1G, IC2 2/3G, C1 2/1G, C2 1/1G -> cpu 3, memory 3G
    const pod = makePod([{ cpu: '2', memory: '1G' }, { cpu: '1', memory: '1G' }], { init: [{ cpu: '2', memory: '1G' }, { cpu: '2', memory: '3G' }] });
    const r = computePodRequest(pod);
    expect(r.milliCPU).toBe(3000);
    expect(r.memory).toBe(3_000_000_000);
  });
  it('non-zero requests: 100m / 200Mi for each container that does not ask, explicit zero stays zero', () => {
    const r = computePodRequest(makePod([{}, { cpu: '0', memory: '0' }, { cpu: '250m' }]));
    expect(r.milliCPU).toBe(250);
    expect(r.memory).toBe(0);
    expect(r.nonZeroMilliCPU).toBe(100 + 0 + 250);
    expect(r.nonZeroMemory).toBe(2 * 200 * 1024 * 1024);
  });
  it('a pod without containers requests nothing, even non-zero', () => {
    const r = computePodRequest(makePod([]));
    expect([r.milliCPU, r.nonZeroMilliCPU, r.nonZeroMemory]).toEqual([0, 0, 0]);
  });
  it('quantities are summed exactly before rounding up (0.5m + 0.5m = 1m)', () => {
    expect(computePodRequest(makePod([{ cpu: '0.5m' }, { cpu: '0.5m' }])).milliCPU).toBe(1);
  });
  it('a limit without a request is the request (apiserver defaulting)', () => {
    const pod: Pod = { ...makePod([]), spec: { containers: [{ name: 'c', image: 'i', resources: { limits: { cpu: '1', memory: '1Gi' } } }] } };
    const r = computePodRequest(pod);
    expect(r.milliCPU).toBe(1000);
    expect(r.memory).toBe(1024 ** 3);
  });
  it('sidecars (restartPolicy Always) add to the app containers and to later init containers', () => {
    const base = makePod([{ cpu: '1' }]);
    const pod: Pod = {
      ...base,
      spec: {
        ...base.spec,
        initContainers: [
          { name: 'sidecar', image: 'i', restartPolicy: 'Always', resources: { requests: { cpu: '500m' } } },
          { name: 'migrate', image: 'i', resources: { requests: { cpu: '2' } } },
        ],
      },
    };
    // app 1 + sidecar 0.5 = 1.5; during "migrate": 2 + sidecar 0.5 = 2.5 -> max 2.5
    expect(computePodRequest(pod).milliCPU).toBe(2500);
  });
  it('overhead is added', () => {
    const base = makePod([{ cpu: '1' }]);
    expect(computePodRequest({ ...base, spec: { ...base.spec, overhead: { cpu: '250m' } } }).milliCPU).toBe(1250);
  });
  it('scalar resources: extended and hugepages only', () => {
    const r = computePodRequest(makePod([{ 'nvidia.com/gpu': '1', 'hugepages-2Mi': '4Mi', foo: '3' }]));
    expect([...r.scalar]).toEqual([
      ['nvidia.com/gpu', 1],
      ['hugepages-2Mi', 4 * 1024 * 1024],
    ]);
  });
  it('a bad quantity names the field', () => {
    expect(() => computePodRequest(makePod([{}, { cpu: '12x' }]))).toThrow(QuantityError);
    expect(() => computePodRequest(makePod([{}, { cpu: '12x' }]))).toThrow('spec.containers[1].resources.requests.cpu: invalid quantity "12x"');
  });
});
