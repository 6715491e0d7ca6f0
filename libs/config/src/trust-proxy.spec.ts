import { parseTrustProxy } from './trust-proxy';

describe('parseTrustProxy (TRUST_PROXY)', () => {
  it.each([
    [undefined, false],
    ['', false],
    ['false', false],
    ['none', false],
    ['0', false],
    ['1', 1],
    [' 2 ', 2],
    ['loopback', ['loopback']],
    ['loopback, linklocal,uniquelocal', ['loopback', 'linklocal', 'uniquelocal']],
    ['10.0.0.1', ['10.0.0.1']],
    ['10.0.0.0/8,192.168.1.7, fd00::/8, ::1', ['10.0.0.0/8', '192.168.1.7', 'fd00::/8', '::1']],
    ['loopback,172.16.0.0/12', ['loopback', '172.16.0.0/12']],
  ])('reads %j as %j', (raw, expected) => {
    expect(parseTrustProxy(raw)).toEqual({ ok: true, value: expected });
  });

  it.each([
    ['true', /every client/],
    ['33', /hop count/],
    ['-1', /"-1"/],
    ['1.5', /"1.5"/],
    ['proxy.example.com', /"proxy.example.com"/],
    ['10.0.0.0/33', /"10.0.0.0\/33"/],
    ['fd00::/129', /"fd00::\/129"/],
    ['10.0.0.0/8/1', /"10.0.0.0\/8\/1"/],
    ['10.0.0.0/x', /"10.0.0.0\/x"/],
    ['256.0.0.1', /"256.0.0.1"/],
    ['loopback,', /""/],
    ['loopback;10.0.0.1', /"loopback;10.0.0.1"/],
  ])('refuses %j, saying why', (raw, message) => {
    const parsed = parseTrustProxy(raw);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.message).toMatch(message);
  });
});
