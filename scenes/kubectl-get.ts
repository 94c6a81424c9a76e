/**
 * kubectl-get: the read path (reference/kubernetes.md section 1.2): authentication, authorization,
 * no admission, a read from etcd, the answer. Then two refusals: a client kube-apiserver cannot
 * authenticate (401 Unauthorized) and a user RBAC does not allow (403 Forbidden, upstream wording).
 */
import { setup } from 'xstate';
import { forbiddenMessage } from '../src/model/forbidden.ts';
import type { Localized } from '../src/model/localized.ts';
import { text } from '../src/model/localized.ts';
import { withParticle } from '../src/model/josa.ts';
import type { K8sKind } from '../src/model/objects.ts';
import { API_GROUP, REST_RESOURCE } from '../src/model/registry.ts';
import type { Cluster } from '../src/sim/cluster.ts';
import type { ApiRequest } from '../src/sim/core/messages.ts';
import type { ScenarioDefinition, ScenarioEvent, ScenarioInput, ScenarioParams, StepCue } from '../src/sim/scenario.ts';
import { waitingFor } from '../src/sim/scenario.ts';
import { activity, message } from './lib/match.ts';
import { kubectlGetAbout } from './about/kubectl-get.ts';

/** A client certificate that expired: kube-apiserver's x509 authenticator rejects it. */
export const UNKNOWN_USER = 'intern';
export const DEVELOPER = 'developer';

type Resource = 'pods' | 'deployments' | 'nodes';
const KIND: Readonly<Record<Resource, K8sKind>> = { pods: 'Pod', deployments: 'Deployment', nodes: 'Node' };

function resourceOf(params: ScenarioParams): Resource {
  const r = String(params.resource);
  return r === 'deployments' || r === 'nodes' ? r : 'pods';
}

const namespaced = (r: Resource): boolean => r !== 'nodes';

/** GET /api/v1/namespaces/default/pods, GET /apis/apps/v1/namespaces/default/deployments, GET /api/v1/nodes. */
export function urlOf(r: Resource, namespace = 'default'): string {
  const base = API_GROUP[KIND[r]] === '' ? '/api/v1' : `/apis/${API_GROUP[KIND[r]]}/v1`;
  return namespaced(r) ? `${base}/namespaces/${namespace}/${r}` : `${base}/${r}`;
}

function listRequest(r: Resource, namespace = 'default'): ApiRequest {
  return namespaced(r) ? { verb: 'list', kind: KIND[r], namespace } : { verb: 'list', kind: KIND[r] };
}

/** The message kubectl prints after "Error from server (Forbidden): ". */
export function deniedMessage(r: Resource): string {
  return forbiddenMessage({ user: DEVELOPER, verb: 'list', resource: REST_RESOURCE[KIND[r]], apiGroup: API_GROUP[KIND[r]], ...(namespaced(r) ? { namespace: 'default' } : {}) });
}

const response = (status: number) => message({ to: 'kubectl', type: 'response', action: new RegExp(`^${status} `) });

function buildCluster(cluster: Cluster): void {
  cluster.addNode('worker-1', { cpu: '4', memory: '8Gi' });
  cluster.addNode('worker-2', { cpu: '4', memory: '8Gi' });
  cluster.seedDeployment('web', 3, { image: 'nginx:1.27', requests: { cpu: '250m', memory: '256Mi' } });
}

function answerCaption(r: Resource): Localized {
  switch (r) {
    case 'nodes':
      return text('200 OK: the NodeList. kubectl prints NAME, STATUS, ROLES, AGE, VERSION: worker-1 and worker-2, both Ready.', '200 OK: NodeList가 돌아옵니다. kubectl은 NAME, STATUS, ROLES, AGE, VERSION을 출력합니다: worker-1, worker-2 모두 Ready.');
    case 'deployments':
      return text('200 OK: the DeploymentList. kubectl prints NAME, READY, UP-TO-DATE, AVAILABLE: web 3/3.', '200 OK: DeploymentList가 돌아옵니다. kubectl은 NAME, READY, UP-TO-DATE, AVAILABLE을 출력합니다: web 3/3.');
    case 'pods':
      return text('200 OK: the PodList. kubectl prints NAME, READY, STATUS, RESTARTS, AGE: three web pods, 1/1 Running. Nothing was written and no watch event was sent: a read changes nothing.', '200 OK: PodList가 돌아옵니다. kubectl은 NAME, READY, STATUS, RESTARTS, AGE를 출력합니다: web 파드 3개, 1/1 Running. 아무것도 쓰지 않았고 watch 이벤트도 없습니다: 읽기는 아무것도 바꾸지 않습니다.');
  }
}

function cues(params: ScenarioParams): readonly StepCue[] {
  const r = resourceOf(params);
  const out: StepCue[] = [
    {
      id: 'authn',
      caption: text(
        'Authentication: kube-apiserver checks the client certificate in kubeconfig against its --client-ca-file. The certificate’s CN is the user (kubernetes-admin), its O the groups (kubeadm:cluster-admins).',
        '인증: kube-apiserver가 kubeconfig의 클라이언트 인증서를 --client-ca-file로 검증합니다. 인증서의 CN이 사용자(kubernetes-admin), O가 그룹(kubeadm:cluster-admins)입니다.',
      ),
      focus: ['kubectl', 'kube-apiserver'],
      when: activity('kube-apiserver', 'authenticate'),
    },
    {
      id: 'authz',
      caption: text(
        `Authorization (--authorization-mode=Node,RBAC): may this user "list" "${r}"? A ClusterRoleBinding gives kubeadm:cluster-admins the ClusterRole cluster-admin, so RBAC allows it.`,
        `인가(--authorization-mode=Node,RBAC): 이 사용자가 "${r}"를 "list"할 수 있는가? ClusterRoleBinding이 kubeadm:cluster-admins 그룹에 ClusterRole cluster-admin을 주므로 RBAC가 허용합니다.`,
      ),
      focus: ['kube-apiserver'],
      when: activity('kube-apiserver', 'authorize'),
    },
    {
      id: 'etcd-read',
      caption: text(
        `No admission: admission controllers only see writes (create, update, delete). kube-apiserver reads the range ${namespaced(r) ? `/registry/${r}/default/` : '/registry/minions/'} from etcd. (Since v1.31 it may answer a list like this from its watch cache, once that cache has caught up with etcd’s current revision.)`,
        `어드미션 없음: 어드미션 컨트롤러는 쓰기(create, update, delete)만 봅니다. kube-apiserver가 etcd에서 ${namespaced(r) ? `/registry/${r}/default/` : '/registry/minions/'} 범위를 읽습니다. (v1.31부터는 watch 캐시가 etcd의 현재 리비전을 따라잡으면 이런 list를 캐시에서 답하기도 합니다.)`,
      ),
      focus: ['kube-apiserver', 'etcd'],
      when: message({ from: 'kube-apiserver', to: 'etcd', action: /^range / }),
    },
    { id: 'answer', caption: answerCaption(r), focus: ['kube-apiserver', 'kubectl'], when: response(200) },
    {
      id: 'unauthorized',
      caption: text(
        'No authenticator accepts the request: the certificate has expired (or was signed by a CA kube-apiserver does not trust). 401 Unauthorized; authorization never runs. kubectl prints "error: You must be logged in to the server (Unauthorized)".',
        '어떤 인증 모듈도 요청을 받아들이지 않습니다: 인증서가 만료되었습니다(또는 kube-apiserver가 신뢰하지 않는 CA가 서명했습니다). 401 Unauthorized이며 인가 단계는 실행되지 않습니다. kubectl 출력: "error: You must be logged in to the server (Unauthorized)".',
      ),
      focus: ['kube-apiserver', 'kubectl'],
      when: response(401),
    },
    {
      id: 'forbidden',
      caption: text(
        `The developer is authenticated, but RBAC finds no rule that allows it (their RoleBinding grants "view" in the namespace "dev" only). 403 Forbidden: "Error from server (Forbidden): ${deniedMessage(r)}". Check with \`kubectl auth can-i list ${r} --as developer\`.`,
        `developer는 인증되었지만 RBAC에 이를 허용하는 규칙이 없습니다(RoleBinding은 "dev" 네임스페이스에서만 "view"를 줍니다). 403 Forbidden: "Error from server (Forbidden): ${deniedMessage(r)}". \`kubectl auth can-i list ${r} --as developer\`로 확인할 수 있습니다.`,
      ),
      focus: ['kube-apiserver', 'kubectl'],
      when: response(403),
    },
  ];
  if (namespaced(r)) {
    out.push({
      id: 'own-namespace',
      caption: text(
        `In "dev" the same request is allowed: a RoleBinding grants a role in one namespace only. kube-apiserver answers 200 OK and kubectl prints "No resources found in dev namespace."`,
        `"dev" 네임스페이스에서는 같은 요청이 허용됩니다: RoleBinding은 한 네임스페이스에서만 권한을 줍니다. 200 OK가 오고 "No resources found in dev namespace."가 출력됩니다.`,
      ),
      focus: ['kube-apiserver', 'kubectl'],
      when: response(200),
    });
  }
  return out;
}

const machine = setup({
  types: { input: {} as ScenarioInput, context: {} as ScenarioInput, events: {} as ScenarioEvent },
  actions: {
    build: ({ context }) => buildCluster(context.cluster),
    adminGet: ({ context }) => {
      const r = resourceOf(context.params);
      context.cluster.step(
        'kubectl',
        text(`\`kubectl get ${r}\` sends GET ${urlOf(r)} — a list — to kube-apiserver, with kubernetes-admin’s client certificate from ~/.kube/config.`, `${withParticle(`\`kubectl get ${r}\``, '이/가')} kube-apiserver에 GET ${urlOf(r)}(list)를 보냅니다. ~/.kube/config에 있는 kubernetes-admin의 클라이언트 인증서를 사용합니다.`),
        ['kubectl', 'kube-apiserver'],
      );
      context.cluster.kubectl(`GET ${r}`, listRequest(r));
    },
    unknownGet: ({ context }) => {
      const r = resourceOf(context.params);
      context.cluster.step(
        'unknown-client',
        text(`An intern runs \`kubectl get ${r}\` with an old kubeconfig: its client certificate expired last month.`, `인턴이 오래된 kubeconfig로 ${withParticle(`\`kubectl get ${r}\``, '을/를')} 실행합니다: 클라이언트 인증서가 지난달에 만료되었습니다.`),
        ['kubectl', 'kube-apiserver'],
      );
      context.cluster.kubectl(`GET ${r}`, listRequest(r), undefined, UNKNOWN_USER);
    },
    developerGet: ({ context }) => {
      const r = resourceOf(context.params);
      context.cluster.step(
        'developer',
        text(`The user "developer" (a valid certificate, CN=developer) runs \`kubectl get ${r}\`${namespaced(r) ? ' in the namespace default' : ''}.`, `사용자 "developer"(유효한 인증서, CN=developer)가 ${namespaced(r) ? 'default 네임스페이스에서 ' : ''}${withParticle(`\`kubectl get ${r}\``, '을/를')} 실행합니다.`),
        ['kubectl', 'kube-apiserver'],
      );
      context.cluster.kubectl(`GET ${r}`, listRequest(r), undefined, DEVELOPER);
    },
    developerOwnNamespace: ({ context }) => {
      const r = resourceOf(context.params);
      context.cluster.step('developer-dev', text(`The developer tries again in their own namespace: \`kubectl get ${r} -n dev\`.`, `developer가 자기 네임스페이스에서 다시 시도합니다: \`kubectl get ${r} -n dev\`.`), ['kubectl', 'kube-apiserver']);
      context.cluster.kubectl(`GET ${r}`, listRequest(r, 'dev'), undefined, DEVELOPER);
    },
  },
  guards: {
    answered: ({ event }) => event.event.kind === 'message' && event.event.to === 'kubectl' && event.event.type === 'response',
    namespaced: ({ context }) => namespaced(resourceOf(context.params)),
  },
}).createMachine({
  id: 'kubectl-get',
  context: ({ input }) => input,
  entry: 'build',
  initial: 'ready',
  states: {
    ready: { after: { 400: { target: 'admin', actions: 'adminGet' } } },
    admin: {
      meta: waitingFor(text('kube-apiserver\'s answer to kubectl', 'kubectl에 대한 kube-apiserver의 응답')),
      on: { trace: { guard: 'answered', target: 'adminDone' } },
    },
    adminDone: { after: { 1500: { target: 'unknown', actions: 'unknownGet' } } },
    unknown: {
      meta: waitingFor(text('kube-apiserver\'s answer to kubectl', 'kubectl에 대한 kube-apiserver의 응답')),
      on: { trace: { guard: 'answered', target: 'unknownDone' } },
    },
    unknownDone: { after: { 1500: { target: 'developer', actions: 'developerGet' } } },
    developer: {
      meta: waitingFor(text('kube-apiserver\'s answer to kubectl', 'kubectl에 대한 kube-apiserver의 응답')),
      on: { trace: { guard: 'answered', target: 'developerDone' } },
    },
    developerDone: {
      after: { 1500: [{ guard: 'namespaced', target: 'ownNamespace', actions: 'developerOwnNamespace' }, { target: 'done' }] },
    },
    ownNamespace: {
      meta: waitingFor(text('kube-apiserver\'s answer to kubectl', 'kubectl에 대한 kube-apiserver의 응답')),
      on: { trace: { guard: 'answered', target: 'settling' } },
    },
    settling: { after: { 800: 'done' } },
    done: { type: 'final' },
  },
});

export const kubectlGet: ScenarioDefinition = {
  ...kubectlGetAbout,
  machine,
  cues,
  maxSimTimeMs: 60_000,
};
