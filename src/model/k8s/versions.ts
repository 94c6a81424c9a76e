/**
 * The Kubernetes releases kubedeck can show, in one place: the version picker, the CLI's `--k8s`
 * and the `k8s` link / embed parameter all read this list. 1.31 stays for older course notes;
 * 1.37 is the newest released minor (checked 2026-12-05, docs/kubernetes-versions.md).
 */
export const K8S_VERSIONS = ['1.31', '1.32', '1.33', '1.34', '1.35', '1.36', '1.37'] as const;

export type K8sVersion = (typeof K8S_VERSIONS)[number];

/** The newest release: what a run shows when nobody picked a version. */
export const DEFAULT_K8S_VERSION: K8sVersion = '1.37';

export type VersionCheck =
  | { readonly ok: true; readonly version: K8sVersion }
  | { readonly ok: false; readonly message: string };

export function isK8sVersion(value: string): value is K8sVersion {
  return (K8S_VERSIONS as readonly string[]).includes(value);
}

/** "1.35", "v1.35" and "1.35.2" all name the 1.35 release; a patch level changes nothing kubedeck shows. */
export function checkK8sVersion(raw: string): VersionCheck {
  const m = /^v?(1\.\d{1,3})(?:\.\d{1,4})?$/.exec(raw.trim());
  const minor = m?.[1];
  if (minor !== undefined && isK8sVersion(minor)) return { ok: true, version: minor };
  return { ok: false, message: unsupportedVersionMessage(raw) };
}

/** One line, for the CLI and the embed protocol: what was asked and what there is. */
export function unsupportedVersionMessage(raw: string): string {
  const shown = raw.length > 20 ? `${raw.slice(0, 19)}…` : raw;
  return `Kubernetes version "${shown}" is not supported; supported versions: ${K8S_VERSIONS.join(', ')}`;
}

/** The tag of the control-plane and kube-proxy images and the kubelet's reported version: "v1.37.0" for 1.37. */
export function releaseTag(version: K8sVersion): string {
  return `v${version}.0`;
}

/** 37 for "1.37". */
export function minorOf(version: K8sVersion): number {
  return Number(version.slice(2));
}
