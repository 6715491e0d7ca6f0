import type { SessionRecord, SessionStore } from '@registry/ledger/ports';
import type { Redis } from 'ioredis';

/**
 * People's sessions in Redis (SESSION_STORE=redis): one hash per session, under the SHA-256 of its
 * token as in the database, expiring at the session's absolute end, and a set of each person's
 * session ids so a password reset revokes them all. Each change is one Lua script, so concurrent
 * requests in any process see it whole (a revoked session stays revoked; last-seen is written once
 * a minute however many requests race).
 *
 * Not in the database's transaction: a unit of work that fails after a session write does not undo
 * it. Every such case fails safe: a session inserted by a sign-in that then failed was never handed
 * to anyone; a revocation whose reset or sign-out failed only signs a person out.
 */
export class RedisSessionStore implements SessionStore {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
  ) {}

  private sessionKey(id: string): string {
    return `${this.prefix}:session:${id}`;
  }

  private personKey(personId: string): string {
    return `${this.prefix}:person-sessions:${personId}`;
  }

  async insert(s: SessionRecord): Promise<void> {
    const expiresAtMs = String(Date.parse(s.expiresAt));
    await this.redis
      .multi()
      .hset(this.sessionKey(s.id), { personId: s.personId, createdAt: s.createdAt, lastSeenAt: s.lastSeenAt, expiresAt: s.expiresAt, revokedAt: s.revokedAt ?? '' })
      .pexpireat(this.sessionKey(s.id), expiresAtMs)
      .sadd(this.personKey(s.personId), s.id)
      // The set lives as long as the person's longest session (GT: never shortened by a newer, shorter one).
      .pexpireat(this.personKey(s.personId), expiresAtMs, 'GT')
      .pexpireat(this.personKey(s.personId), expiresAtMs, 'NX')
      .exec();
  }

  async findById(id: string): Promise<SessionRecord | null> {
    const fields = await this.redis.hgetall(this.sessionKey(id));
    if (!fields.personId) return null;
    return {
      id,
      personId: fields.personId,
      createdAt: fields.createdAt,
      lastSeenAt: fields.lastSeenAt,
      expiresAt: fields.expiresAt,
      revokedAt: fields.revokedAt || null,
    };
  }

  async touchLastSeen(id: string, at: string, staleBefore: string): Promise<boolean> {
    const touched = await this.redis.eval(TOUCH, 1, this.sessionKey(id), at, staleBefore);
    return touched === 1;
  }

  async revoke(id: string, at: string): Promise<boolean> {
    return (await this.redis.eval(REVOKE, 1, this.sessionKey(id), at)) === 1;
  }

  async revokeAllOf(personId: string, at: string): Promise<number> {
    return Number(await this.redis.eval(REVOKE_ALL, 1, this.personKey(personId), at, `${this.prefix}:session:`));
  }
}

/** ISO 8601 instants in UTC compare as strings, in Lua as in SQL. */
const TOUCH = `
local seen = redis.call('HMGET', KEYS[1], 'lastSeenAt', 'revokedAt')
if not seen[1] or seen[2] ~= '' or seen[1] >= ARGV[2] then return 0 end
redis.call('HSET', KEYS[1], 'lastSeenAt', ARGV[1])
return 1`;

const REVOKE = `
local revoked = redis.call('HGET', KEYS[1], 'revokedAt')
if revoked ~= '' then return 0 end
redis.call('HSET', KEYS[1], 'revokedAt', ARGV[1])
return 1`;

/** Revokes every live session of the person; ids whose session has expired leave the set. */
const REVOKE_ALL = `
local count = 0
for _, id in ipairs(redis.call('SMEMBERS', KEYS[1])) do
  local key = ARGV[2] .. id
  local revoked = redis.call('HGET', key, 'revokedAt')
  if not revoked then
    redis.call('SREM', KEYS[1], id)
  elseif revoked == '' then
    redis.call('HSET', key, 'revokedAt', ARGV[1])
    count = count + 1
  end
end
return count`;
