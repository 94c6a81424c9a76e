/** Names in a scenario file: Kubernetes object names, object refs and component ids. */
// zod without eval (CSP) before this module builds its schemas, whoever loads it first.
import '../../zod-jitless.ts';
import { z } from 'zod';
import { said } from './bilingual.ts';

/** A DNS-1123 subdomain, as Kubernetes names nodes, Deployments, Services... */
export const resourceName = z
  .string()
  .max(253)
  .regex(/^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/, said({
      en: 'expected a Kubernetes name: lower-case letters, digits, "-" and ".", starting and ending with a letter or digit',
      ko: 'Kubernetes 이름이어야 합니다: 소문자, 숫자, "-", "."만 쓰고 문자나 숫자로 시작하고 끝나야 합니다',
    }),
  );

/** A Deployment or app name that pod names start with (`web` for `web-5d7c…`). */
export const podOrAppName = resourceName;

/** `Kind/namespace/name` or, for cluster-scoped kinds, `Kind/name`: how the trace names objects. */
export const objectRef = z
  .string()
  .max(600)
  .regex(/^[A-Z][A-Za-z]+\/[a-z0-9]([-a-z0-9.]*[a-z0-9])?(\/[a-z0-9]([-a-z0-9.]*[a-z0-9])?)?$/, said({ en: 'expected an object such as Pod/default/web-1 or Node/worker-2', ko: 'Pod/default/web-1이나 Node/worker-2 같은 오브젝트여야 합니다' }));

/** A component on the stage: kube-apiserver, etcd, kubelet/worker-2... (src/sim/trace.ts ComponentId). */
export const componentId = z
  .string()
  .max(300)
  .regex(
    /^(kubectl|kube-apiserver|etcd|kube-scheduler|kube-controller-manager|(kubelet|containerd|kube-proxy|etcd|client|node)\/[a-z0-9]([-a-z0-9.]*[a-z0-9])?)$/,
    said({
      en: 'expected a component: kubectl, kube-apiserver, etcd, kube-scheduler, kube-controller-manager, or kubelet/NODE, containerd/NODE, kube-proxy/NODE, etcd/MEMBER, client/NAME, node/NODE',
      ko: '컴포넌트여야 합니다: kubectl, kube-apiserver, etcd, kube-scheduler, kube-controller-manager, 또는 kubelet/노드, containerd/노드, kube-proxy/노드, etcd/멤버, client/이름, node/노드',
    }),
  );
