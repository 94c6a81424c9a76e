/**
 * kube-apiserver's authentication and authorization stages, worked out once per caller: the
 * decision and the labels the trace shows depend only on the identity (shared per user by
 * authenticate), the verb, the resource and the namespace, and every request asked again,
 * building the same two label strings each time. One cache per apiserver, so it ends with the run.
 */
import type { Decision, Identity, Verb } from '../../model/access.ts';
import { authorize } from '../../model/access.ts';
import type { Localized } from '../../model/localized.ts';
import { text } from '../../model/localized.ts';

export interface Authorized {
  readonly decision: Decision;
  readonly label: Localized;
}

export class AccessLabels {
  private readonly authn = new Map<Identity, Localized>();
  /** By identity, verb, resource, then namespace (undefined: cluster-scoped): no key string built per request. */
  private readonly authz = new Map<Identity, Map<Verb, Map<string, Map<string | undefined, Authorized>>>>();

  /** The authenticate stage's label for a known identity. */
  authenticated(identity: Identity): Localized {
    let label = this.authn.get(identity);
    if (label === undefined) this.authn.set(identity, (label = authnLabel(identity)));
    return label;
  }

  /** authorize(identity, verb, resource, namespace) and the authorize stage's label. */
  authorized(identity: Identity, verb: Verb, resource: string, namespace: string | undefined): Authorized {
    let byVerb = this.authz.get(identity);
    if (byVerb === undefined) this.authz.set(identity, (byVerb = new Map()));
    let byResource = byVerb.get(verb);
    if (byResource === undefined) byVerb.set(verb, (byResource = new Map()));
    let byNamespace = byResource.get(resource);
    if (byNamespace === undefined) byResource.set(resource, (byNamespace = new Map()));
    let known = byNamespace.get(namespace);
    if (known === undefined) {
      const decision = authorize(identity, verb, resource, namespace);
      byNamespace.set(namespace, (known = { decision, label: authzLabel(decision, verb, resource) }));
    }
    return known;
  }
}

export function authnFailedLabel(user: string): Localized {
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
