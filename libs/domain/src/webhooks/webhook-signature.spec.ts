import { Webhook } from 'standardwebhooks';
import { newWebhookSecret, signWebhook, verifyWebhookSignature, webhookSignatureHeader, WEBHOOK_SECRET_PREFIX } from './webhook-signature';

// The known-answer vector of the Standard Webhooks reference libraries' tests.
const SPEC = {
  secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
  content: { id: 'msg_p5jXN8AQM9LWM0D4loKWxJek', timestamp: 1614265330, body: '{"test": 2432232314}' },
  signature: 'v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=',
};

describe('Standard Webhooks signatures', () => {
  it('signs the Standard Webhooks known-answer vector exactly', () => {
    expect(signWebhook(SPEC.secret, SPEC.content)).toBe(SPEC.signature);
  });

  it('verifies the vector, and refuses a changed body, id, timestamp or secret', () => {
    expect(verifyWebhookSignature(SPEC.secret, SPEC.content, SPEC.signature)).toBe(true);
    expect(verifyWebhookSignature(SPEC.secret, { ...SPEC.content, body: '{"test": 2432232315}' }, SPEC.signature)).toBe(false);
    expect(verifyWebhookSignature(SPEC.secret, { ...SPEC.content, id: 'msg_other' }, SPEC.signature)).toBe(false);
    expect(verifyWebhookSignature(SPEC.secret, { ...SPEC.content, timestamp: 1614265331 }, SPEC.signature)).toBe(false);
    expect(verifyWebhookSignature(newWebhookSecret(), SPEC.content, SPEC.signature)).toBe(false);
  });

  it('signs with every secret in force during a rotation, space-separated; either verifies', () => {
    const next = newWebhookSecret();
    const header = webhookSignatureHeader([next, SPEC.secret], SPEC.content);
    expect(header.split(' ')).toHaveLength(2);
    expect(verifyWebhookSignature(SPEC.secret, SPEC.content, header)).toBe(true);
    expect(verifyWebhookSignature(next, SPEC.content, header)).toBe(true);
  });

  it('makes secrets of whsec_ + base64 of 32 random bytes, each different', () => {
    const a = newWebhookSecret();
    expect(a.startsWith(WEBHOOK_SECRET_PREFIX)).toBe(true);
    expect(Buffer.from(a.slice(WEBHOOK_SECRET_PREFIX.length), 'base64')).toHaveLength(32);
    expect(newWebhookSecret()).not.toBe(a);
  });

  it('agrees with standardwebhooks, the reference implementation, on fresh secrets and bodies', () => {
    for (const body of ['{}', '{"type":"retirement.created","data":{"beneficiary":"株式会社サンプル"}}', '[1, 2.5, "\\u00e9"]']) {
      const secret = newWebhookSecret();
      const content = { id: `msg_${Math.random().toString(36).slice(2)}`, timestamp: Math.floor(Date.now() / 1000), body };
      expect(signWebhook(secret, content)).toBe(new Webhook(secret).sign(content.id, new Date(content.timestamp * 1000), body));
      const headers = { 'webhook-id': content.id, 'webhook-timestamp': String(content.timestamp), 'webhook-signature': webhookSignatureHeader([newWebhookSecret(), secret], content) };
      expect(() => new Webhook(secret).verify(body, headers)).not.toThrow();
    }
  });

  it('refuses a secret shorter than 24 bytes', () => {
    expect(() => signWebhook('whsec_' + Buffer.alloc(16).toString('base64'), SPEC.content)).toThrow(/24 bytes/);
  });
});
