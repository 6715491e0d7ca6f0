import { isIP } from 'node:net';

/**
 * Which peers may set X-Forwarded-For (Fastify's `trustProxy`, proxy-addr as Express's `trust proxy` was): `false` trusts none (the default:
 * a client cannot pick the address its rate limit counts against); a hop count; or named ranges
 * (`loopback`, `linklocal`, `uniquelocal`) and addresses/CIDRs.
 */
export type TrustProxy = false | number | string[];

const NAMED_RANGES = ['loopback', 'linklocal', 'uniquelocal'];

export type TrustProxyParse = { ok: true; value: TrustProxy } | { ok: false; message: string };

export function parseTrustProxy(raw: string | undefined): TrustProxyParse {
  const text = raw?.trim() ?? '';
  if (text === '' || text === 'false' || text === 'none') return { ok: true, value: false };
  if (text === 'true') {
    return { ok: false, message: 'true would trust every client to name its own address; give a hop count or the proxies\' addresses' };
  }
  if (/^\d+$/.test(text)) {
    const hops = Number(text);
    return hops <= 32 ? { ok: true, value: hops === 0 ? false : hops } : { ok: false, message: 'a hop count must be 0-32' };
  }
  const entries = text.split(',').map((entry) => entry.trim());
  const bad = entries.find((entry) => !isTrustEntry(entry));
  if (bad !== undefined) {
    return {
      ok: false,
      message: `"${bad}" is not a hop count, loopback, linklocal, uniquelocal, an IP address or a CIDR (comma-separated)`,
    };
  }
  return { ok: true, value: entries };
}

function isTrustEntry(entry: string): boolean {
  if (NAMED_RANGES.includes(entry)) return true;
  const [address, prefix, ...rest] = entry.split('/');
  const family = isIP(address);
  if (family === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  if (!/^\d{1,3}$/.test(prefix)) return false;
  return Number(prefix) <= (family === 4 ? 32 : 128);
}
