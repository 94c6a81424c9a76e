import { describe, expect, it } from 'vitest';
import { action } from './cluster.ts';

describe('kubectl forms parse into typed actions', () => {
  it('run: --image required, --labels, -l, --port; kubectl and k prefixes optional', () => {
    expect(action('kubectl run nginx --image=nginx:1.27')).toEqual({ kind: 'run', name: 'nginx', image: 'nginx:1.27', labels: [] });
    expect(action('k run nginx --image nginx -l app=web,tier=front --port 80')).toEqual({
      kind: 'run',
      name: 'nginx',
      image: 'nginx',
      labels: [{ key: 'app', value: 'web' }, { key: 'tier', value: 'front' }],
      port: 80,
    });
    expect(action('run nginx --labels="app=a,app=b" --image=nginx')).toMatchObject({ labels: [{ key: 'app', value: 'b' }] });
  });

  it('create deployment (and its alias deploy): repeated --image, --replicas, -r, --port', () => {
    expect(action('kubectl create deployment shop --image=nginx')).toEqual({ kind: 'create-deployment', name: 'shop', images: ['nginx'], replicas: 1 });
    expect(action('create deploy shop --image=nginx --image=redis --replicas 3 --port=8080')).toEqual({
      kind: 'create-deployment',
      name: 'shop',
      images: ['nginx', 'redis'],
      replicas: 3,
      port: 8080,
    });
    // --image is a string slice in kubectl: commas split it
    expect(action('create deployment shop --image=nginx,redis -r=2')).toMatchObject({ images: ['nginx', 'redis'], replicas: 2 });
    expect(action('create deployment shop --image=nginx -r0')).toMatchObject({ replicas: 0 });
  });

  it('apply -f - carries the manifest on the following lines, with or without a heredoc', () => {
    const manifest = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: x';
    expect(action(`kubectl apply -f - <<'EOF'\n${manifest}\nEOF`)).toEqual({ kind: 'apply', manifest });
    expect(action(`kubectl apply -f - <<EOF\n${manifest}\nEOF\n`)).toEqual({ kind: 'apply', manifest });
    expect(action(`kubectl apply --filename=-\n${manifest}`)).toEqual({ kind: 'apply', manifest });
  });

  it('scale: TYPE NAME, TYPE/NAME, short names, flag before or after, = or a space', () => {
    const expected = { kind: 'scale', target: { resource: 'deployment', name: 'web' }, replicas: 3 };
    expect(action('kubectl scale deployment web --replicas=3')).toEqual(expected);
    expect(action('kubectl scale deploy/web --replicas=3')).toEqual(expected);
    expect(action('kubectl scale --replicas 3 deployments web')).toEqual(expected);
    expect(action('scale Deployment/web --replicas=+3')).toEqual(expected);
    expect(action('scale rs web-7d4b9c --replicas=0')).toEqual({ kind: 'scale', target: { resource: 'replicaset', name: 'web-7d4b9c' }, replicas: 0 });
    expect(action('scale replicaset/web-7d4b9c --replicas=1 --replicas=4')).toMatchObject({ replicas: 4 });
  });

  it('set image: deployment/NAME or deployment NAME, one or more CONTAINER=IMAGE, * for all', () => {
    expect(action('kubectl set image deployment/web nginx=nginx:1.28')).toEqual({
      kind: 'set-image',
      deployment: 'web',
      images: [{ container: 'nginx', image: 'nginx:1.28' }],
    });
    expect(action('set image deploy web nginx=nginx:1.28 sidecar=envoy:1 "*=busybox"')).toMatchObject({
      images: [{ container: 'nginx', image: 'nginx:1.28' }, { container: 'sidecar', image: 'envoy:1' }, { container: '*', image: 'busybox' }],
    });
  });

  it('rollout undo (--to-revision) and rollout status', () => {
    expect(action('kubectl rollout undo deployment/web')).toEqual({ kind: 'rollout-undo', deployment: 'web' });
    expect(action('kubectl rollout undo deployment web --to-revision=2')).toEqual({ kind: 'rollout-undo', deployment: 'web', toRevision: 2 });
    expect(action('kubectl rollout undo deploy/web --to-revision=0')).toEqual({ kind: 'rollout-undo', deployment: 'web' });
    expect(action('kubectl rollout status deploy web')).toEqual({ kind: 'rollout-status', deployment: 'web' });
  });

  it('delete: several names, several TYPE/NAME, --grace-period, --force', () => {
    expect(action('kubectl delete pod web-7d4b9c-abcde debug')).toEqual({
      kind: 'delete',
      targets: [{ resource: 'pod', name: 'web-7d4b9c-abcde' }, { resource: 'pod', name: 'debug' }],
      force: false,
    });
    expect(action('kubectl delete po/debug svc/web deploy/api rs/web-7d4b9c --grace-period=0 --force')).toEqual({
      kind: 'delete',
      targets: [
        { resource: 'pod', name: 'debug' },
        { resource: 'service', name: 'web' },
        { resource: 'deployment', name: 'api' },
        { resource: 'replicaset', name: 'web-7d4b9c' },
      ],
      gracePeriod: 0,
      force: true,
    });
    expect(action('kubectl delete pods debug --grace-period=-1 --force=false')).toEqual({ kind: 'delete', targets: [{ resource: 'pod', name: 'debug' }], force: false });
  });

  it('expose: --port, --target-port, --name, --type', () => {
    expect(action('kubectl expose deployment api --port=80')).toEqual({ kind: 'expose', target: { resource: 'deployment', name: 'api' }, port: 80, type: 'ClusterIP' });
    expect(action('kubectl expose deploy/web --port 80 --target-port 8080 --name web-np --type=NodePort')).toEqual({
      kind: 'expose',
      target: { resource: 'deployment', name: 'web' },
      port: 80,
      targetPort: 8080,
      serviceName: 'web-np',
      type: 'NodePort',
    });
    expect(action('kubectl expose pod debug')).toEqual({ kind: 'expose', target: { resource: 'pod', name: 'debug' }, type: 'ClusterIP' });
  });

  it('cordon, uncordon and drain with its flags; node/NAME accepted', () => {
    expect(action('kubectl cordon worker-1')).toEqual({ kind: 'cordon', node: 'worker-1' });
    expect(action('kubectl uncordon node/worker-1')).toEqual({ kind: 'uncordon', node: 'worker-1' });
    expect(action('kubectl drain worker-2 --ignore-daemonsets --delete-emptydir-data --force --grace-period 30')).toEqual({
      kind: 'drain',
      node: 'worker-2',
      ignoreDaemonsets: true,
      deleteEmptydirData: true,
      force: true,
      gracePeriod: 30,
    });
    expect(action('kubectl drain worker-2')).toEqual({ kind: 'drain', node: 'worker-2', ignoreDaemonsets: false, deleteEmptydirData: false, force: false });
  });

  it('taint: add key=value:Effect and key:Effect, remove key:Effect- and key-', () => {
    expect(action('kubectl taint nodes worker-1 dedicated=gpu:NoSchedule')).toEqual({
      kind: 'taint',
      nodes: ['worker-1'],
      add: [{ key: 'dedicated', value: 'gpu', effect: 'NoSchedule' }],
      remove: [],
      overwrite: false,
    });
    expect(action('kubectl taint no worker-1 worker-2 maintenance:NoExecute example.com/gone:PreferNoSchedule- dedicated- --overwrite')).toEqual({
      kind: 'taint',
      nodes: ['worker-1', 'worker-2'],
      add: [{ key: 'maintenance', value: '', effect: 'NoExecute' }],
      remove: [{ key: 'example.com/gone', effect: 'PreferNoSchedule' }, { key: 'dedicated' }],
      overwrite: true,
    });
    expect(action('kubectl taint node/worker-1 a=b:NoSchedule')).toMatchObject({ nodes: ['worker-1'] });
  });

  it('label: nodes, pods, deployments; key=value, key- removal, --overwrite', () => {
    expect(action('kubectl label nodes worker-1 disktype=ssd zone-')).toEqual({
      kind: 'label',
      resource: 'node',
      names: ['worker-1'],
      set: [{ key: 'disktype', value: 'ssd' }],
      remove: ['zone'],
      overwrite: false,
    });
    expect(action('kubectl label pod/debug app=x --overwrite')).toMatchObject({ resource: 'pod', names: ['debug'], overwrite: true });
    expect(action('kubectl label deploy web example.com/team=blue')).toMatchObject({ resource: 'deployment', set: [{ key: 'example.com/team', value: 'blue' }] });
  });

  it('the namespace flag, short or long, before or after the verb, for the cluster namespace', () => {
    expect(action('kubectl -n default scale deploy/web --replicas=2')).toMatchObject({ kind: 'scale', replicas: 2 });
    expect(action('kubectl scale deploy/web --namespace=default --replicas=2')).toMatchObject({ kind: 'scale' });
    expect(action('kubectl delete pod debug -ndefault')).toMatchObject({ kind: 'delete' });
  });

  it('shell quoting: single and double quotes, backslash escapes', () => {
    expect(action(`kubectl run "my-pod" --image='reg.io/my image'`)).toMatchObject({ name: 'my-pod', image: 'reg.io/my image' });
    expect(action(`kubectl set image deployment/web 'nginx'="reg.io/a\\"b"`)).toMatchObject({ images: [{ container: 'nginx', image: 'reg.io/a"b' }] });
    expect(action('kubectl\tcordon   worker\\-1')).toEqual({ kind: 'cordon', node: 'worker-1' });
  });
});

describe('fault and time commands', () => {
  it('node power, kubelet, network and etcd faults', () => {
    expect(action('node power-off worker-2')).toEqual({ kind: 'node-power-off', node: 'worker-2' });
    expect(action('node power-on worker-2')).toEqual({ kind: 'node-power-on', node: 'worker-2' });
    expect(action('node disconnect worker-1')).toEqual({ kind: 'node-disconnect', node: 'worker-1' });
    expect(action('node reconnect worker-1')).toEqual({ kind: 'node-reconnect', node: 'worker-1' });
    expect(action('kubelet stop worker-1')).toEqual({ kind: 'kubelet-stop', node: 'worker-1' });
    expect(action('kubelet start worker-1')).toEqual({ kind: 'kubelet-start', node: 'worker-1' });
    expect(action('etcd stop etcd-2')).toEqual({ kind: 'etcd-stop', member: 'etcd-2' });
    expect(action('etcd start etcd-2')).toEqual({ kind: 'etcd-start', member: 'etcd-2' });
  });

  it('wait accepts seconds and h/m/s units', () => {
    expect(action('wait 30')).toEqual({ kind: 'wait', seconds: 30 });
    expect(action('wait 30s')).toEqual({ kind: 'wait', seconds: 30 });
    expect(action('wait 2m')).toEqual({ kind: 'wait', seconds: 120 });
    expect(action('wait 1m30s')).toEqual({ kind: 'wait', seconds: 90 });
    expect(action('wait 1h')).toEqual({ kind: 'wait', seconds: 3600 });
  });
});
