import { BlockList, isIP } from 'node:net';
import { DomainError } from '../errors';

/**
 * No server-side request forgery: a webhook may only reach the public internet. Every range below
 * is special-purpose (IANA IPv4/IPv6 Special-Purpose Address Registries) or reaches something
 * other than a public host: this machine, a private network, a cloud metadata service (169.254/16),
 * a carrier-grade NAT, multicast, or an IPv4 address wrapped in IPv6 (mapped, compatible, NAT64,
 * 6to4, Teredo) that could smuggle any of those. Two lists, because Node's BlockList matches an
 * IPv4 address against IPv6 rules through its mapped form (::ffff:0:0/96 would match 8.8.8.8).
 */
const NON_PUBLIC_V4: [string, number][] = [
  ['0.0.0.0', 8], // "this network"
  ['10.0.0.0', 8], // private
  ['100.64.0.0', 10], // carrier-grade NAT
  ['127.0.0.0', 8], // loopback
  ['169.254.0.0', 16], // link-local, cloud metadata
  ['172.16.0.0', 12], // private
  ['192.0.0.0', 24], // IETF protocol assignments
  ['192.0.2.0', 24], // documentation
  ['192.88.99.0', 24], // 6to4 relay anycast
  ['192.168.0.0', 16], // private
  ['198.18.0.0', 15], // benchmarking
  ['198.51.100.0', 24], // documentation
  ['203.0.113.0', 24], // documentation
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved, broadcast
];
const NON_PUBLIC_V6: [string, number][] = [
  ['::', 96], // unspecified, loopback (::1), IPv4-compatible
  ['::ffff:0:0', 96], // IPv4-mapped
  ['64:ff9b::', 96], // NAT64
  ['64:ff9b:1::', 48], // local-use NAT64
  ['100::', 64], // discard
  ['2001::', 23], // IETF protocol assignments, Teredo
  ['2001:db8::', 32], // documentation
  ['2002::', 16], // 6to4
  ['fc00::', 7], // unique local
  ['fe80::', 10], // link-local
  ['fec0::', 10], // site-local (deprecated)
  ['ff00::', 8], // multicast
];

const V4 = new BlockList();
for (const [network, prefix] of NON_PUBLIC_V4) V4.addSubnet(network, prefix, 'ipv4');
const V6 = new BlockList();
for (const [network, prefix] of NON_PUBLIC_V6) V6.addSubnet(network, prefix, 'ipv6');

/** True for a literal IPv4 or IPv6 address of a public host; false for anything else (not an address included). */
export function isPublicAddress(address: string): boolean {
  const bare = address.replace(/^\[|\]$/g, '').replace(/%.*$/, '');
  switch (isIP(bare)) {
    case 4:
      return !V4.check(bare, 'ipv4');
    case 6:
      return !V6.check(bare, 'ipv6');
    default:
      return false;
  }
}

export interface WebhookTarget {
  url: URL;
  /** The host without IPv6 brackets. */
  host: string;
  /** The host is an address literal (no name to resolve). */
  isAddress: boolean;
}

const MAX_URL_LENGTH = 2000;

function refuse(message: string): DomainError {
  return new DomainError('VALIDATION_FAILED', `url ${message}`, { errors: [{ field: 'url', message }] });
}

/**
 * The checks a URL can pass without the network: `https`, no credentials, not a literal
 * non-public address, not a loopback name. A name still has to resolve to public addresses only,
 * at registration and again at every delivery (`assertPublicAddresses`).
 */
export function parseWebhookUrl(raw: string, allowPrivateNetworks: boolean): WebhookTarget {
  if (raw.length > MAX_URL_LENGTH) throw refuse(`must be at most ${MAX_URL_LENGTH} characters`);
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw refuse('must be an absolute URL');
  }
  const allowedProtocols = allowPrivateNetworks ? ['https:', 'http:'] : ['https:'];
  if (!allowedProtocols.includes(url.protocol)) throw refuse('must use https');
  if (url.username || url.password) throw refuse('must not carry credentials');
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const isAddress = isIP(host) !== 0;
  if (!host) throw refuse('must name a host');
  if (!allowPrivateNetworks) {
    if (isAddress && !isPublicAddress(host)) throw refuse('must reach a public address (loopback, private, link-local and other special ranges are refused)');
    const name = host.toLowerCase().replace(/\.$/, '');
    if (name === 'localhost' || name.endsWith('.localhost')) throw refuse('must reach a public address (localhost is refused)');
  }
  return { url, host, isAddress };
}

/** A name must resolve, and only to public addresses: one private answer is enough for a rebinding attack. */
export function assertPublicAddresses(host: string, addresses: readonly string[], allowPrivateNetworks: boolean): void {
  if (addresses.length === 0) throw refuse(`host ${host} does not resolve`);
  if (allowPrivateNetworks) return;
  const bad = addresses.find((address) => !isPublicAddress(address));
  if (bad !== undefined) throw refuse(`host ${host} resolves to a non-public address (${bad})`);
}
