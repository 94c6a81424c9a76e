/**
 * Requested vs allocatable cpu and memory per node, as kube-scheduler's NodeResourcesFit counts
 * them: the node's status.allocatable and the requests of the non-terminal pods bound to it.
 * Computed when the cluster state changes (not per frame).
 */
import type { K8sObject, ObjectRef, Pod } from '../model/objects.ts';
import { addPodToNodeInfo, createNodeInfo, type NodeInfo } from '../model/scheduler/node-info.ts';
import { computePodRequest } from '../model/scheduler/pod-requests.ts';

export interface NodeUsage {
  readonly allocMilliCPU: number;
  readonly allocMemory: number;
  readonly reqMilliCPU: number;
  readonly reqMemory: number;
  /** Pods the scheduler counts on the node, against status.allocatable.pods (110 by default). */
  readonly pods: number;
  readonly allocPods: number;
}

/**
 * The pod count becomes a node's limit long before cpu or memory when pods request little (an
 * nginx without requests: 110 of them and the node is full at cpu 0/4): from this share of its
 * allowed pods, the ship shows the count beside cpu and memory.
 */
export const PODS_SHOWN_FROM = 0.8;
export const showsPods = (u: NodeUsage): boolean => u.allocPods > 0 && u.pods >= PODS_SHOWN_FROM * u.allocPods;

export function nodeUsage(objects: ReadonlyMap<ObjectRef, K8sObject>): Map<string, NodeUsage> {
  const infos = new Map<string, NodeInfo>();
  for (const o of objects.values()) if (o.kind === 'Node') infos.set(o.metadata.name, createNodeInfo(o));
  for (const o of objects.values()) {
    if (o.kind !== 'Pod' || o.spec.nodeName === undefined) continue;
    // The scheduler's cache drops pods that finished (upstream: assigned, non-terminal pods).
    if (o.status?.phase === 'Succeeded' || o.status?.phase === 'Failed') continue;
    const info = infos.get(o.spec.nodeName);
    if (info !== undefined) addPodToNodeInfo(info, o);
  }
  const out = new Map<string, NodeUsage>();
  for (const [name, i] of infos) {
    out.set(name, { allocMilliCPU: i.allocatable.milliCPU, allocMemory: i.allocatable.memory, reqMilliCPU: i.requested.milliCPU, reqMemory: i.requested.memory, pods: i.podCount, allocPods: i.allocatable.allowedPodNumber });
  }
  return out;
}

/** The pod's cpu (milli) and memory requests, or undefined when it is not a pod. */
export function podRequests(obj: K8sObject | undefined): { readonly milliCPU: number; readonly memory: number } | undefined {
  if (obj?.kind !== 'Pod') return undefined;
  const r = computePodRequest(obj as Pod);
  return { milliCPU: r.milliCPU, memory: r.memory };
}

/** "4", "2.5", "500m": cores as kubectl would read them. */
export function formatCPU(milli: number): string {
  if (milli % 1000 === 0) return String(milli / 1000);
  if (milli < 1000) return `${milli}m`;
  return String(Math.round(milli / 100) / 10);
}

/** "8Gi", "1.5Gi", "512Mi". */
export function formatMemory(bytes: number): string {
  const gi = bytes / 1024 ** 3;
  if (gi >= 1) return `${Math.round(gi * 10) / 10}Gi`;
  return `${Math.round(bytes / 1024 ** 2)}Mi`;
}
