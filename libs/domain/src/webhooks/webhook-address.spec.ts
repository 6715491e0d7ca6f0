import { DomainError } from '../errors';
import { assertPublicAddresses, isPublicAddress, parseWebhookUrl } from './webhook-address';

describe('webhook targets: no server-side request forgery', () => {
  it.each([
    ['127.0.0.1', 'loopback'],
    ['127.255.0.9', 'loopback'],
    ['0.0.0.0', 'this network'],
    ['10.1.2.3', 'private'],
    ['172.16.0.1', 'private'],
    ['172.31.255.255', 'private'],
    ['192.168.1.1', 'private'],
    ['169.254.169.254', 'link-local (cloud metadata)'],
    ['100.64.0.1', 'carrier-grade NAT'],
    ['100.127.255.254', 'carrier-grade NAT'],
    ['224.0.0.1', 'multicast'],
    ['239.255.255.250', 'multicast'],
    ['255.255.255.255', 'broadcast'],
    ['198.18.0.1', 'benchmarking'],
    ['192.0.2.1', 'documentation'],
    ['::1', 'IPv6 loopback'],
    ['::', 'IPv6 unspecified'],
    ['fd12:3456::1', 'IPv6 unique local'],
    ['fc00::1', 'IPv6 unique local'],
    ['fe80::1', 'IPv6 link-local'],
    ['fe80::1%eth0', 'IPv6 link-local with a zone'],
    ['ff02::1', 'IPv6 multicast'],
    ['::ffff:127.0.0.1', 'IPv4-mapped loopback'],
    ['::ffff:8.8.8.8', 'IPv4-mapped (even of a public address: an IPv4 host has its own form)'],
    ['::ffff:a9fe:a9fe', 'IPv4-mapped link-local in hex'],
    ['64:ff9b::7f00:1', 'NAT64 of loopback'],
    ['2002:7f00:1::1', '6to4 of loopback'],
    ['2001:0:4136:e378::1', 'Teredo'],
    ['2001:db8::1', 'IPv6 documentation'],
    ['not-an-address', 'a name'],
  ])('%s is not public (%s)', (address) => {
    expect(isPublicAddress(address)).toBe(false);
  });

  it.each(['8.8.8.8', '1.1.1.1', '93.184.216.34', '172.32.0.1', '100.128.0.1', '2606:4700:4700::1111', '2001:4860:4860::8888', '[2a00:1450::1]'])(
    '%s is public',
    (address) => {
      expect(isPublicAddress(address)).toBe(true);
    },
  );

  const refused = (raw: string, allowPrivate = false) => {
    try {
      parseWebhookUrl(raw, allowPrivate);
    } catch (error) {
      expect(error).toBeInstanceOf(DomainError);
      const e = error as DomainError;
      expect(e.code).toBe('VALIDATION_FAILED');
      expect(e.details?.errors).toEqual([expect.objectContaining({ field: 'url' })]);
      return e.message;
    }
    throw new Error(`${raw} was accepted`);
  };

  it.each([
    'http://example.com/hook',
    'ftp://example.com/hook',
    'https://127.0.0.1/hook',
    'https://2130706433/hook', // 127.0.0.1 as one number
    'https://0x7f.1/hook', // 127.0.0.1 in hex
    'https://[::1]/hook',
    'https://[::ffff:127.0.0.1]/hook',
    'https://10.0.0.5:8443/hook',
    'https://169.254.169.254/latest/meta-data',
    'https://localhost/hook',
    'https://LOCALHOST./hook',
    'https://api.localhost/hook',
    'https://user:pass@example.com/hook',
    'not a url',
    `https://example.com/${'a'.repeat(2000)}`,
  ])('refuses %s naming the url field', (raw) => {
    refused(raw);
  });

  it('accepts https to a public name or address, with a port and path', () => {
    expect(parseWebhookUrl('https://hooks.example.com:8443/a?b=c', false)).toMatchObject({ host: 'hooks.example.com', isAddress: false });
    expect(parseWebhookUrl('https://8.8.8.8/x', false)).toMatchObject({ host: '8.8.8.8', isAddress: true });
    expect(parseWebhookUrl('https://[2606:4700:4700::1111]/x', false)).toMatchObject({ host: '2606:4700:4700::1111', isAddress: true });
  });

  it('accepts http and private addresses when WEBHOOK_ALLOW_PRIVATE_NETWORKS is true', () => {
    expect(parseWebhookUrl('http://127.0.0.1:8080/hook', true).host).toBe('127.0.0.1');
    expect(parseWebhookUrl('https://localhost/hook', true).host).toBe('localhost');
    refused('ftp://127.0.0.1/hook', true);
  });

  it('refuses a name that resolves to any non-public address (DNS rebinding), or to none', () => {
    expect(() => assertPublicAddresses('a.example', ['93.184.216.34', '10.0.0.1'], false)).toThrow(/non-public address \(10\.0\.0\.1\)/);
    expect(() => assertPublicAddresses('a.example', [], false)).toThrow(/does not resolve/);
    expect(() => assertPublicAddresses('a.example', ['93.184.216.34', '2606:4700:4700::1111'], false)).not.toThrow();
    expect(() => assertPublicAddresses('a.example', ['127.0.0.1'], true)).not.toThrow();
  });
});
