import { createLogRedactor, isSensitiveName, REDACTED, redactingSerializers } from './log-redaction';

describe('log redaction', () => {
  const redactor = createLogRedactor(['admin-key-0123456789abcdef']);
  const orgKey = 'ork_0123456789abcdef_AbCdEfGhIjKlMnOpQrStUvWxYz0123456789-_abcde';

  it.each(['authorization', 'Cookie', 'x-api-key', 'api-key', 'X-Auth-Token', 'x-amz-security-token', 'x-client-secret', 'idempotency-key', 'proxy-authorization', 'x-session-id'])(
    'treats the header or parameter name %s as a credential',
    (name) => expect(isSensitiveName(name)).toBe(true),
  );

  it.each(['accept', 'user-agent', 'x-request-id', 'content-type', 'serial', 'number', 'scheme', 'lang', 'cursor', 'limit', 'status'])(
    'keeps %s readable',
    (name) => expect(isSensitiveName(name)).toBe(false),
  );

  it('replaces credential query values in a URL, keeping the others and their order', () => {
    expect(redactor.url('/v1/me?lang=ja&api_key=abc&apikey=def&Token=x&access_token=y&api%5Fkey=z&flag')).toBe(
      `/v1/me?lang=ja&api_key=${REDACTED}&apikey=${REDACTED}&Token=${REDACTED}&access_token=${REDACTED}&api%5Fkey=${REDACTED}&flag`,
    );
    expect(redactor.url('/v1/x?key')).toBe(`/v1/x?key=${REDACTED}`);
    expect(redactor.url('/v1/x?bad%E0%A4%A=1&secret=2')).toBe(`/v1/x?bad%E0%A4%A=1&secret=${REDACTED}`);
  });

  it('scrubs organisation keys and the admin key wherever they appear', () => {
    expect(redactor.url(`/v1/serials/status?serial=${orgKey}&q=admin-key-0123456789abcdef`)).toBe(`/v1/serials/status?serial=${REDACTED}&q=${REDACTED}`);
    expect(redactor.url(`/verify/${orgKey}`)).toBe(`/verify/${REDACTED}`);
    expect(redactor.query({ serial: orgKey, nested: { token: 'x', ok: 'y' }, list: ['a', orgKey] })).toEqual({
      serial: REDACTED,
      nested: { token: REDACTED, ok: 'y' },
      list: ['a', REDACTED],
    });
  });

  it('redacts credential headers and URLs inside other headers', () => {
    expect(
      redactor.headers({
        authorization: `Bearer ${orgKey}`,
        'x-api-key': 'k',
        cookie: 's=1',
        referer: 'https://a.test/p?api_key=k&x=1',
        accept: 'application/json',
        'x-forwarded-for': ['1.2.3.4', '5.6.7.8'],
      }),
    ).toEqual({
      authorization: REDACTED,
      'x-api-key': REDACTED,
      cookie: REDACTED,
      referer: `https://a.test/p?api_key=${REDACTED}&x=1`,
      accept: 'application/json',
      'x-forwarded-for': ['1.2.3.4', '5.6.7.8'],
    });
    expect(redactor.headers(undefined)).toBeUndefined();
  });

  it('redacts a header the same way every time it is asked (names are remembered)', () => {
    const headers = { 'x-api-key': 'k', accept: 'a' };
    for (let i = 0; i < 3; i++) expect(redactor.headers(headers)).toEqual({ 'x-api-key': REDACTED, accept: 'a' });
    const many = Object.fromEntries(Array.from({ length: 2000 }, (_, i) => [`x-custom-${i}`, orgKey]));
    expect(Object.values(redactor.headers({ ...many, 'x-late-token': 't' })!)).toEqual([...Array.from({ length: 2000 }, () => REDACTED), REDACTED]);
  });

  it('leaves out of a response line the headers every answer carries with the same value, and only those', () => {
    const sameOnEveryAnswer = { 'x-frame-options': 'SAMEORIGIN', 'content-security-policy': "default-src 'self'" };
    const { res } = redactingSerializers(redactor, sameOnEveryAnswer);
    expect(
      res({
        statusCode: 200,
        headers: {
          'x-frame-options': 'SAMEORIGIN',
          'content-security-policy': "default-src 'none'",
          'content-type': 'application/json',
          'set-cookie': 'session=secret',
          location: `/verify/${orgKey}`,
        },
      }),
    ).toEqual({
      statusCode: 200,
      headers: { 'content-security-policy': "default-src 'none'", 'content-type': 'application/json', 'set-cookie': REDACTED, location: `/verify/${REDACTED}` },
    });
  });
});
