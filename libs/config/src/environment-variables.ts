import 'reflect-metadata';
import { Type } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
  Max,
  Min,
  MinLength,
  ValidateBy, } from 'class-validator';
import { parseTrustProxy } from './trust-proxy';

/** TRUST_PROXY: the message says what was wrong with the value. */
const IsTrustProxy = () =>
  ValidateBy({
    name: 'isTrustProxy',
    validator: {
      validate: (value: unknown) => typeof value === 'string' && parseTrustProxy(value).ok,
      defaultMessage: (args) => {
        const parsed = parseTrustProxy(String(args?.value));
        return parsed.ok ? 'is invalid' : parsed.message;
      },
    },
  });

/** The process environment as the registry reads it (API.md "Start-up configuration"). */
export class EnvironmentVariables {
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(65535)
  PORT?: number;

  @IsOptional() @Matches(/^postgres(ql)?:\/\/\S+$/, { message: 'must be a postgres:// or postgresql:// URL' })
  DATABASE_URL?: string;

  @IsOptional() @IsString() @MinLength(1)
  SQLITE_PATH?: string;

  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(256)
  SQLITE_WRITE_GROUP?: number;

  @IsOptional() @Matches(/^rediss?:\/\/\S+$/, { message: 'must be a redis:// or rediss:// URL' })
  REDIS_URL?: string;

  @IsOptional() @IsString() @MinLength(24, { message: 'must be at least 24 characters (use a random secret)' })
  ADMIN_API_KEY?: string;

  @IsOptional() @IsUrl({ require_tld: false, protocols: ['http', 'https'], require_protocol: true })
  PUBLIC_BASE_URL?: string;

  /** The transparency log's name in checkpoints and the name its key signs under (C2SP: no spaces, no '+'). */
  @IsOptional() @Matches(/^[\x21-\x2a\x2c-\x7e]{1,200}$/)
  LOG_ORIGIN?: string;

  @IsOptional() @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL?: string;

  @IsOptional() @Type(() => Number) @IsInt() @Min(1024) @Max(100 * 1024 * 1024)
  BODY_LIMIT_BYTES?: number;

  /** Largest file a web form may upload (a statement on /imports); the API's own uploads keep their limit. */
  @IsOptional() @Type(() => Number) @IsInt() @Min(1024) @Max(512 * 1024 * 1024)
  WEB_UPLOAD_LIMIT_BYTES?: number;

  @IsOptional() @Type(() => Number) @IsInt() @Min(0)
  RATE_LIMIT_PER_MINUTE?: number;

  @IsOptional() @Type(() => Number) @IsInt() @Min(0)
  RATE_LIMIT_PER_KEY_PER_MINUTE?: number;

  @IsOptional() @Type(() => Number) @IsInt() @Min(0)
  RATE_LIMIT_EXPENSIVE_PER_MINUTE?: number;

  @IsOptional() @IsTrustProxy()
  TRUST_PROXY?: string;

  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(64)
  WORKER_CONCURRENCY?: number;

  @IsOptional() @Matches(/^[1-9]\d{0,17}$/, { message: 'must be a whole number from 1 to 999999999999999999' })
  MAX_BLOCK_QUANTITY?: string;

  @IsOptional() @Matches(/^[A-Za-z0-9_-]{1,40}$/, { message: 'must be 1-40 letters, digits, _ or -' })
  REDIS_PREFIX?: string;

  /** Where people's sessions are kept: the database (default) or the Redis of REDIS_URL. */
  @IsOptional() @IsIn(['database', 'redis'])
  SESSION_STORE?: string;

  @IsOptional() @IsString() @MinLength(1)
  CERTIFICATE_KEYS_DIR?: string;

  @IsOptional() @Type(() => Number) @IsInt() @Min(1000) @Max(600_000)
  WORKER_LOCK_MS?: number;

  @IsOptional() @Type(() => Number) @IsInt() @Min(0) @Max(19)
  WORKER_NICE?: number;

  @IsOptional() @IsIn(['idle', 'nice'], { message: 'must be idle or nice' })
  WORKER_CPU_POLICY?: 'idle' | 'nice';

  @IsOptional() @Matches(/^(fail-first-attempt|delay-ms=\d{1,6})(,(fail-first-attempt|delay-ms=\d{1,6}))*$/, {
    message: 'must be a comma-separated list of fail-first-attempt and delay-ms=<n> (test environments only)',
  })
  JOB_FAULT_INJECTION?: string;

  @IsOptional() @IsIn(['true', 'false'], { message: 'must be true or false' })
  WEBHOOK_ALLOW_PRIVATE_NETWORKS?: 'true' | 'false';

  @IsOptional() @IsString() @MinLength(24, { message: 'must be at least 24 characters (use a random secret)' })
  METRICS_TOKEN?: string;

  @IsOptional() @Type(() => Number) @IsInt() @Min(0) @Max(600_000)
  SHUTDOWN_GRACE_MS?: number;

  @IsOptional() @Type(() => Number) @IsInt() @Min(0) @Max(600_000)
  SHUTDOWN_DELAY_MS?: number;
  @IsOptional() @IsIn(['true', 'false'], { message: 'must be true or false' })
  MIGRATIONS_RUN?: 'true' | 'false';
}
