// kube-deck.js's entry (vite.element.config.ts): zod without eval before the protocol's schemas are
// built, since the element runs under the host page's CSP; then the element itself.
import '../zod-jitless.ts';
export * from './element.ts';
