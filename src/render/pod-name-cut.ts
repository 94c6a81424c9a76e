/**
 * Where a pod's name is cut when its chip is too narrow. A ReplicaSet's pod
 * (web-7d4f8c9b6d-x2kq9) is told from its siblings by its suffix: cut in the middle
 * ("web-7d…x2kq9"). Any other (kube-proxy-7ck2g, a DaemonSet's; etcd-controlplane, a mirror pod)
 * is told by its head, which names what runs: cut at the end ("kube-proxy…", not "kube-…7ck2g").
 */
export const cutsInMiddle = (name: string): boolean => /-[a-z0-9]{6,10}-[a-z0-9]{5}$/.test(name);
