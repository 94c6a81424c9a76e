/** What travels on the pod network in the simulation (one-way `signal` messages): DNS and HTTP. */
export type Packet =
  | { readonly proto: 'dns-query'; readonly name: string }
  | { readonly proto: 'dns-answer'; readonly name: string; readonly ip?: string }
  | { readonly proto: 'http-request'; readonly src: string; readonly dst: string }
  | { readonly proto: 'http-response'; readonly status: number };
