/**
 * The names kube-proxy gives its per-Service rules, as upstream computes them (so they match
 * `iptables-save` and `nft list table ip kube-proxy` on a real node). Pure.
 *
 * iptables (pkg/proxy/iptables/proxier.go): "KUBE-SVC-" + portProtoHash(servicePortName, protocol),
 * "KUBE-SEP-" + the same over servicePortName + protocol + endpoint, where the hash is the first
 * 16 characters of base32 (RFC 4648, Go's base32.StdEncoding) of sha256.
 *
 * nftables (pkg/proxy/nftables/proxier.go): "service-" + hashAndTruncate("ns/name/proto/portName"),
 * "endpoint-" + hashAndTruncate("ns/name/proto/portName__ip/port"), where hashAndTruncate puts the
 * first 8 base32 characters of sha256(name) and "-" before the name.
 *
 * `servicePortName` is upstream's ServicePortName.String(): "namespace/name", ":portName" appended
 * when the port is named; `protocol` is lower case ("tcp").
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { utf8ToBytes } from '@noble/hashes/utils.js';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** RFC 4648 base32 with padding, as Go's base32.StdEncoding.EncodeToString. */
export function base32(bytes: Uint8Array): string {
  let out = '';
  let bits = 0;
  let value = 0;
  for (const byte of bytes) {
    value = ((value << 8) | byte) & 0xffff;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(value >>> (bits - 5)) & 31] ?? '';
      bits -= 5;
    }
  }
  if (bits > 0) out += ALPHABET[(value << (5 - bits)) & 31] ?? '';
  while (out.length % 8 !== 0) out += '=';
  return out;
}

const digest = (s: string): string => base32(sha256(utf8ToBytes(s)));

/** upstream portProtoHash: 16 base32 characters of sha256(servicePortName + protocol). */
export function portProtoHash(servicePortName: string, protocol: string): string {
  return digest(servicePortName + protocol).slice(0, 16);
}

/** KUBE-SVC-<hash>: the iptables chain that picks one endpoint of a Service port. */
export function iptablesServiceChain(servicePortName: string, protocol: string): string {
  return `KUBE-SVC-${portProtoHash(servicePortName, protocol)}`;
}

/** KUBE-SEP-<hash>: the iptables chain that DNATs to one endpoint (`ip:port`). */
export function iptablesEndpointChain(servicePortName: string, protocol: string, endpoint: string): string {
  return `KUBE-SEP-${digest(servicePortName + protocol + endpoint).slice(0, 16)}`;
}

/** nftables names are at most 256 characters; upstream keeps 16 for the prefix. */
const NFT_BASE_MAX = 256 - 16;

function hashAndTruncate(name: string): string {
  const out = `${digest(name).slice(0, 8)}-${name}`;
  return out.length > NFT_BASE_MAX ? `${out.slice(0, NFT_BASE_MAX - 3)}...` : out;
}

/** Upstream's ServicePortName split back into its parts ("default/web:http" -> default, web, http). */
function parts(servicePortName: string): { readonly namespace: string; readonly name: string; readonly port: string } {
  const slash = servicePortName.indexOf('/');
  const rest = servicePortName.slice(slash + 1);
  const colon = rest.indexOf(':');
  return { namespace: servicePortName.slice(0, slash), name: colon < 0 ? rest : rest.slice(0, colon), port: colon < 0 ? '' : rest.slice(colon + 1) };
}

/** service-<HASH>-ns/name/proto/portName: the nftables chain that picks one endpoint. */
export function nftServiceChain(servicePortName: string, protocol: string): string {
  const p = parts(servicePortName);
  return `service-${hashAndTruncate(`${p.namespace}/${p.name}/${protocol}/${p.port}`)}`;
}

/** endpoint-<HASH>-ns/name/proto/portName__ip/port: the nftables chain that DNATs to one endpoint. */
export function nftEndpointChain(servicePortName: string, protocol: string, endpoint: string): string {
  const p = parts(servicePortName);
  const colon = endpoint.lastIndexOf(':');
  // An IPv6 address's colons are not allowed in a chain name: upstream turns them into dots.
  const ip = endpoint.slice(0, colon).replace(/^\[|\]$/g, '').replaceAll(':', '.');
  return `endpoint-${hashAndTruncate(`${p.namespace}/${p.name}/${protocol}/${p.port}__${ip}/${endpoint.slice(colon + 1)}`)}`;
}
