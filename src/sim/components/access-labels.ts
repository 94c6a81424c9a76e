/**
 * kube-apiserver's authentication and authorization stages, worked out once per caller: the
 * identity, the decision and the labels the trace shows depend only on the user, the verb, the
 * resource and the namespace, and every request worked them out again (two label strings per
 * stage). One cache per apiserver, so it ends with the run. A caller's decisions are few (a
 * kubelet: get pods, patch pods/status, update leases...): a short list, scanned, is cheaper
 * than nested maps, and a request then costs one map lookup (its user).
 */
import type { Decision, Identity, Verb } from '../../model/access.ts';
import { authenticate, authorize } from '../../model/access.ts';
import type { Localized } from '../../model/localized.ts';
import { text } from '../../model/localized.ts';

export interface Authorized {
  readonly verb: Verb;
  readonly resource: string;
  readonly namespace: string | undefined;
  readonly decision: Decision;
  readonly label: Localized;
}

/** Past this many distinct requests a caller's decisions are worked out each time (a scan must stay short). */
const MAX_KEPT = 32;

export class Caller {
  /** The authenticate stage's label. */
  readonly label: Localized;
  private readonly kept: Authorized[] = [];

  constructor(
    user: string,
    /** Undefined: no valid credentials (401). */
    readonly identity: Identity | undefined,
  ) {
    this.label = identity === undefined ? authnFailedLabel(user) : authnLabel(identity);
  }

  /** authorize(identity, verb, resource, namespace) and the authorize stage's label. */
  authorized(identity: Identity, verb: Verb, resource: string, namespace: string | undefined): Authorized {
    for (const a of this.kept) if (a.verb === verb && a.resource === resource && a.namespace === namespace) return a;
    const decision = authorize(identity, verb, resource, namespace);
    const worked: Authorized = { verb, resource, namespace, decision, label: authzLabel(decision, verb, resource) };
    if (this.kept.length < MAX_KEPT) this.kept.push(worked);
    return worked;
  }
}

export class AccessLabels {
  private readonly callers = new Map<string, Caller>();

  /** Who sent the request (authenticate's answer) and what its stages show. */
  caller(user: string): Caller {
    let caller = this.callers.get(user);
    if (caller === undefined) this.callers.set(user, (caller = new Caller(user, authenticate(user))));
    return caller;
  }
}

function authnFailedLabel(user: string): Localized {
  return text(`authentication failed: "${user}" has no valid credentials`, `인증 실패: "${user}" 유효한 자격 증명 없음`);
}

function authnLabel(identity: Identity): Localized {
  return text(`authenticate: ${identity.method} (${identity.user})`, `인증: ${identity.method === 'x509 client certificate' ? 'x509 클라이언트 인증서' : '서비스 어카운트 토큰'} (${identity.user})`);
}

function authzLabel(decision: Decision, verb: Verb, resource: string): Localized {
  return decision.allowed
    ? text(`authorize: ${verb} ${resource} allowed by ${decision.by}`, `인가: ${verb} ${resource} 허용 (${decision.by})`)
    : text(`authorize: ${verb} ${resource} denied (${decision.by})`, `인가: ${verb} ${resource} 거부 (${decision.by})`);
}
