/**
 * kubectl's workload commands as the REST calls kubectl makes: run (POST a Pod), create deployment
 * (POST a Deployment), scale (PATCH the scale subresource), delete, expose (GET the object, POST
 * a Service selecting its pods). Each prints what kubectl prints.
 */
import type { CreateDeploymentAction, DeleteAction, ExposeAction, RunAction, ScaleAction } from '../../../model/kubectl/actions.ts';
import type { Container, Deployment, K8sObject, Pod, Service } from '../../../model/objects.ts';
import type { ApiAnswer } from '../../components/client.ts';
import type { EffectContext } from './context.ts';
import { inTurn, NAMESPACE, refFor, serverError, succeeded } from './context.ts';
import { printedType, resourceInfo } from '../../../model/kubectl/resources.ts';

/** kubectl create deployment names each container after its image: `nginx:1.27` -> nginx. */
export function containerNameOf(image: string): string {
  const last = image.split('/').pop() ?? image;
  return (last.split('@')[0] ?? last).split(':')[0] ?? last;
}

const withPort = (c: Container, port: number | undefined): Container => (port === undefined ? c : { ...c, ports: [{ containerPort: port }] });

export function run(ctx: EffectContext, a: RunAction): void {
  // kubectl run labels the pod run=NAME unless --labels says otherwise.
  const labels = a.labels.length > 0 ? Object.fromEntries(a.labels.map((l) => [l.key, l.value])) : { run: a.name };
  const pod: Pod = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: a.name, namespace: NAMESPACE, labels },
    spec: { containers: [withPort({ name: a.name, image: a.image }, a.port)] },
  };
  ctx.cluster.kubectl('POST pod', { verb: 'create', object: pod }, (answer) => {
    ctx.print(succeeded(answer) ? `pod/${a.name} created` : serverError(answer, 'pods', a.name));
    ctx.done(succeeded(answer));
  });
}

export function createDeployment(ctx: EffectContext, a: CreateDeploymentAction): void {
  const labels = { app: a.name };
  const deployment: Deployment = {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: a.name, namespace: NAMESPACE, labels },
    spec: {
      replicas: a.replicas,
      selector: { matchLabels: labels },
      template: { metadata: { labels }, spec: { containers: a.images.map((image) => withPort({ name: containerNameOf(image), image }, a.port)) } },
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' } },
    },
  };
  ctx.cluster.kubectl('POST deployment', { verb: 'create', object: deployment }, (answer) => {
    ctx.print(succeeded(answer) ? `deployment.apps/${a.name} created` : serverError(answer, 'deployments.apps', a.name));
    ctx.done(succeeded(answer));
  });
}

export function scale(ctx: EffectContext, a: ScaleAction): void {
  const { resource, name } = a.target;
  const onAnswer = (answer: ApiAnswer): void => {
    ctx.print(succeeded(answer) ? `${printedType(resource)}/${name} scaled` : serverError(answer, resourceInfo(resource).qualified, name));
    ctx.done(succeeded(answer));
  };
  if (resource === 'deployment') {
    // The same call a scenario's cluster.scale makes, so a file's scale equals the built-in one.
    ctx.cluster.scale(name, a.replicas, onAnswer);
    return;
  }
  ctx.cluster.kubectl(
    'PATCH replicaset/scale',
    { verb: 'update', method: 'PATCH', ref: refFor(resource, name), summary: `replicas ${a.replicas}`, mutate: (o) => (o.kind === 'ReplicaSet' ? { ...o, spec: { ...o.spec, replicas: a.replicas } } : o) },
    onAnswer,
  );
}


export function remove(ctx: EffectContext, a: DeleteAction): void {
  // kubectl --force with --grace-period=0 (or --force alone, which implies it) deletes at once.
  const grace = a.force ? 0 : a.gracePeriod;
  if (a.force) ctx.print('Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.');
  inTurn(
    a.targets,
    (target, next) => {
      const ref = refFor(target.resource, target.name);
      const request = grace === undefined ? ({ verb: 'delete', ref } as const) : ({ verb: 'delete', ref, gracePeriodSeconds: grace } as const);
      ctx.cluster.kubectl(`DELETE ${target.resource}`, request, (answer) => {
        ctx.print(succeeded(answer) ? `${printedType(target.resource)} "${target.name}" ${a.force ? 'force deleted' : 'deleted'}` : serverError(answer, resourceInfo(target.resource).qualified, target.name));
        next(succeeded(answer));
      });
    },
    ctx.done,
  );
}

/** The pods' labels a Service for `obj` selects, and the port kubectl finds by introspection. */
function exposed(obj: K8sObject): { readonly selector: Readonly<Record<string, string>>; readonly port: number | undefined } | undefined {
  const firstPort = (containers: readonly Container[]): number | undefined => containers.flatMap((c) => c.ports ?? [])[0]?.containerPort;
  switch (obj.kind) {
    case 'Deployment':
    case 'ReplicaSet':
      return { selector: obj.spec.selector.matchLabels ?? {}, port: firstPort(obj.spec.template.spec.containers) };
    case 'Pod':
      return { selector: obj.metadata.labels ?? {}, port: firstPort(obj.spec.containers) };
    case 'Service':
      return { selector: obj.spec.selector ?? {}, port: obj.spec.ports[0]?.port };
    default:
      return undefined;
  }
}


export function expose(ctx: EffectContext, a: ExposeAction): void {
  const { resource, name } = a.target;
  ctx.cluster.kubectl(`GET ${resource}`, { verb: 'get', ref: refFor(resource, name) }, (got) => {
    const found = got.object && exposed(got.object);
    if (!succeeded(got) || !found) {
      ctx.print(serverError(got, resourceInfo(resource).qualified, name));
      return ctx.done(false);
    }
    const port = a.port ?? found.port;
    // expose.go: "couldn't find port via --port flag or introspection".
    if (port === undefined) {
      ctx.print('error: couldn\'t find port via --port flag or introspection');
      return ctx.done(false);
    }
    if (Object.keys(found.selector).length === 0) {
      ctx.print(`error: couldn't retrieve selectors via --selector flag or introspection: the ${resource} has no labels`);
      return ctx.done(false);
    }
    const serviceName = a.serviceName ?? name;
    const service: Service = {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: serviceName, namespace: NAMESPACE },
      spec: { type: a.type, selector: found.selector, ports: [{ port, targetPort: a.targetPort ?? port, protocol: 'TCP' }] },
    };
    ctx.cluster.kubectl('POST service', { verb: 'create', object: service }, (answer) => {
      ctx.print(succeeded(answer) ? `service/${serviceName} exposed` : serverError(answer, 'services', serviceName));
      ctx.done(succeeded(answer));
    });
  });
}
