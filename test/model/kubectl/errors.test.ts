import { describe, expect, it } from 'vitest';
import { parseCommand } from '../../../src/model/kubectl/parse.ts';
import { cluster, error } from './cluster.ts';

describe("a bad command gets kubectl's answer", () => {
  it('unknown command, with cobra\'s "Did you mean this?" for a close typo', () => {
    expect(error('kubectl sacle deploy/web --replicas=3')).toBe('error: unknown command "sacle" for "kubectl"\n\nDid you mean this?\n\tscale\n');
    expect(error('kubectl cordn worker-1')).toBe('error: unknown command "cordn" for "kubectl"\n\nDid you mean this?\n\tcordon\n');
    expect(error('kubectl frobnicate')).toBe('error: unknown command "frobnicate" for "kubectl"');
    expect(error('kubectl rollout undoo deploy/web')).toBe('error: unknown command "undoo" for "kubectl rollout"\n\nDid you mean this?\n\tundo\n');
  });

  it('NotFound and AlreadyExists from the server, with the qualified resource', () => {
    expect(error('kubectl scale deployment api2 --replicas=2')).toBe('Error from server (NotFound): deployments.apps "api2" not found');
    expect(error('kubectl set image deploy/nope a=b')).toBe('Error from server (NotFound): deployments.apps "nope" not found');
    expect(error('kubectl delete pod x')).toBe('Error from server (NotFound): pods "x" not found');
    expect(error('kubectl delete svc/nope')).toBe('Error from server (NotFound): services "nope" not found');
    expect(error('kubectl scale rs/nope --replicas=1')).toBe('Error from server (NotFound): replicasets.apps "nope" not found');
    expect(error('kubectl drain worker-9')).toBe('Error from server (NotFound): nodes "worker-9" not found');
    expect(error('node power-off worker-9')).toBe('Error from server (NotFound): nodes "worker-9" not found');
    expect(error('kubectl create deployment web --image=nginx')).toBe('Error from server (AlreadyExists): deployments.apps "web" already exists');
    expect(error('kubectl run debug --image=busybox')).toBe('Error from server (AlreadyExists): pods "debug" already exists');
    expect(error('kubectl expose deployment web --port=80')).toBe('Error from server (AlreadyExists): services "web" already exists');
  });

  it('a namespace other than the cluster\'s holds nothing', () => {
    expect(error('kubectl delete pod debug -n kube-system')).toBe('Error from server (NotFound): pods "debug" not found');
    expect(error('kubectl create deployment x --image=nginx -n prod')).toBe('Error from server (NotFound): namespaces "prod" not found');
    const elsewhere = parseCommand('kubectl delete pod debug -n prod', { ...cluster, namespace: 'prod' });
    expect(elsewhere.ok).toBe(true);
  });

  it('unknown resource types, and a type given twice', () => {
    expect(error('kubectl delete pood web')).toBe('error: the server doesn\'t have a resource type "pood"');
    expect(error('kubectl scale deploymnt/web --replicas=1')).toBe('error: the server doesn\'t have a resource type "deploymnt"');
    expect(error('kubectl scale deployment deployment/web --replicas=1')).toBe(
      "error: there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'kubectl get resource/<resource_name>' instead of 'kubectl get resource resource/<resource_name>'",
    );
    expect(error('kubectl delete pod/')).toBe('error: arguments in resource/name form must have a single resource and name');
  });

  it('required flags and arguments', () => {
    expect(error('kubectl run nginx')).toBe('error: required flag(s) "image" not set');
    expect(error('kubectl create deployment shop')).toBe('error: required flag(s) "image" not set');
    expect(error('kubectl scale deploy/web')).toBe('error: required flag(s) "replicas" not set');
    expect(error('kubectl run --image=nginx')).toBe('error: NAME is required for run');
    expect(error('kubectl create deployment --image=nginx')).toBe('error: exactly one NAME is required, got 0');
    expect(error('kubectl create deployment a b --image=nginx')).toBe('error: exactly one NAME is required, got 2');
    expect(error('kubectl scale deployment --replicas=1')).toBe('error: resource(s) were provided, but no name was specified');
    expect(error('kubectl delete pods')).toBe('error: resource(s) were provided, but no name, label selector, or --all flag specified');
    expect(error('kubectl delete')).toMatch(/^error: You must provide one or more resources by argument or filename\.\n/);
    expect(error('kubectl rollout undo')).toBe('error: required resource not specified');
    expect(error('kubectl set image deploy/web')).toBe('error: at least one image update is required');
    expect(error('kubectl cordon')).toBe("error: USAGE: cordon NODE [flags]\nSee 'kubectl cordon -h' for help and examples");
    expect(error('kubectl drain')).toBe("error: USAGE: drain NODE [flags]\nSee 'kubectl drain -h' for help and examples");
    expect(error('kubectl taint nodes worker-1')).toBe('error: at least one taint update is required');
    expect(error('kubectl label nodes worker-1')).toBe('error: at least one label update is required');
    expect(error('kubectl apply')).toBe('error: must specify one of -f and -k');
    expect(error('kubectl apply -f -')).toBe('error: no objects passed to apply');
    expect(error('kubectl apply -f web.yaml')).toBe('error: the path "web.yaml" does not exist');
    expect(error('kubectl create')).toBe('Error: must specify one of -f and -k');
  });

  it('flag values: strictly decimal integers, booleans, unknown flags, missing values', () => {
    expect(error('kubectl scale deploy/web --replicas=abc')).toBe('error: invalid argument "abc" for "--replicas" flag: strconv.ParseInt: parsing "abc": invalid syntax');
    expect(error('kubectl scale deploy/web --replicas 0x3')).toBe('error: invalid argument "0x3" for "--replicas" flag: strconv.ParseInt: parsing "0x3": invalid syntax');
    expect(error('kubectl scale deploy/web --replicas=3.5')).toBe('error: invalid argument "3.5" for "--replicas" flag: strconv.ParseInt: parsing "3.5": invalid syntax');
    expect(error('kubectl create deployment x --image=n -r 9999999999')).toBe(
      'error: invalid argument "9999999999" for "-r, --replicas" flag: strconv.ParseInt: parsing "9999999999": value out of range',
    );
    expect(error('kubectl delete pod debug --force=maybe')).toBe('error: invalid argument "maybe" for "--force" flag: strconv.ParseBool: parsing "maybe": invalid syntax');
    expect(error('kubectl scale deploy/web --replicas=-1')).toBe('error: The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0');
    expect(error('kubectl scale deploy/web --replica=3')).toBe('error: unknown flag: --replica');
    expect(error('kubectl drain worker-1 -x')).toBe("error: unknown shorthand flag: 'x' in -x");
    expect(error('kubectl scale deploy/web --replicas')).toBe('error: flag needs an argument: --replicas');
    expect(error('kubectl delete pod debug -n')).toBe("error: flag needs an argument: 'n' in -n");
  });

  it('taint, label and object validation', () => {
    expect(error('kubectl taint nodes worker-1 a=b:Sometimes')).toBe('error: invalid taint effect: Sometimes, unsupported taint effect');
    expect(error('kubectl taint nodes worker-1 a=b=c:NoSchedule')).toBe('error: invalid taint spec: a=b=c:NoSchedule');
    expect(error('kubectl taint pods debug a=b:NoSchedule')).toBe('error: invalid resource type pods, only node types are supported');
    expect(error('kubectl label nodes worker-1 a=b=c')).toBe('error: invalid label spec: a=b=c');
    expect(error('kubectl label nodes worker-1 a=-bad-')).toMatch(/^error: invalid label value: "a=-bad-": a valid label must be an empty string/);
    expect(error('kubectl run p --image=i --labels=oops')).toBe('error: invalid label spec: [oops]');
    expect(error('kubectl create deployment Web --image=nginx')).toMatch(/^The Deployment "Web" is invalid: metadata\.name: Invalid value: "Web": a lowercase RFC 1123 subdomain/);
    expect(error('kubectl create deployment x --image=nginx --port=70000')).toBe(
      'The Deployment "x" is invalid: spec.template.spec.containers[0].ports[0].containerPort: Invalid value: 70000: must be between 1 and 65535, inclusive',
    );
    expect(error('kubectl expose deploy/api --type=LoadBalancer')).toBe(
      'The Service "api" is invalid: spec.type: Unsupported value: "LoadBalancer": supported values: "ClusterIP", "NodePort"',
    );
    expect(error('kubectl expose node worker-1')).toBe('error: cannot expose a Node');
  });

  it('kubedeck\'s own errors: fault commands, durations, quoting, what the sandbox leaves out', () => {
    expect(error('etcd stop etcd-9')).toBe('error: etcd member "etcd-9" not found');
    expect(error('node reboot worker-1')).toBe('error: unknown command "reboot" for "node"');
    expect(error('kubelet restart worker-1')).toBe('error: unknown command "restart" for "kubelet"\n\nDid you mean this?\n\tstart\n');
    expect(error('node power-off')).toBe('error: USAGE: node power-off NODE');
    expect(error('wait')).toBe('error: USAGE: wait DURATION (30, 30s, 2m, 1m30s)');
    expect(error('wait 0s')).toMatch(/^error: invalid duration "0s"/);
    expect(error('wait 1.5m')).toMatch(/^error: invalid duration "1.5m"/);
    expect(error('wait 30s2m')).toMatch(/^error: invalid duration "30s2m"/);
    // kubectl has none of kubedeck's own commands; its wait waits for a condition, not for time.
    expect(error('kubectl node power-off worker-1')).toBe('error: "node power-off" is a kubedeck sandbox command, not kubectl\'s: type it without "kubectl"');
    expect(error('k etcd stop etcd-1')).toBe('error: "etcd stop" is a kubedeck sandbox command, not kubectl\'s: type it without "kubectl"');
    expect(error('kubectl wait 30s')).toBe('error: kubedeck\'s sandbox cannot run "kubectl wait" (it waits for a condition on resources); to let simulated time pass, type "wait 30s"');
    expect(error('kubectl wait --for=condition=Ready pod/debug')).toMatch(/cannot run "kubectl wait"/);
    expect(parseCommand('wait 30s', cluster).ok).toBe(true);
    expect(parseCommand('node power-off worker-1', cluster).ok).toBe(true);
    expect(error("kubectl run 'x --image=y")).toBe('error: unterminated single quote');
    expect(error('   ')).toBe('error: no command given');
    expect(error('kubectl get pods')).toBe('error: kubedeck\'s sandbox cannot run "kubectl get"');
    expect(error('kubectl create configmap x')).toBe("error: kubedeck's sandbox cannot create configmap");
    expect(error('kubectl label pod/debug node/worker-1 a=b')).toBe("error: kubedeck's sandbox labels objects of one type at a time");
    expect(error('kubectl scale deploy web api --replicas=2')).toBe("error: kubedeck's sandbox scales one resource at a time");
    expect(error('kubectl delete ds/x')).toBe("error: kubedeck's sandbox cannot delete daemonsets");
    expect(error('kubectl run p --image=i -- sleep 10')).toBe("error: kubedeck's sandbox does not take these arguments to run: sleep 10");
  });

  it('a bad command leaves the cluster view untouched', () => {
    const before = JSON.stringify(cluster);
    error('kubectl delete pod x');
    expect(JSON.stringify(cluster)).toBe(before);
  });
});
