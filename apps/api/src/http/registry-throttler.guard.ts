import { Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { InjectThrottlerOptions, InjectThrottlerStorage, ThrottlerGuard, type ThrottlerModuleOptions, type ThrottlerStorage } from '@nestjs/throttler';
import { CachedReflector } from '@registry/auth';

/**
 * The throttler's guard, reading each route's limits once: per request it asks for five metadata
 * keys per named limit (fifteen here), which reflect-metadata looked up anew every time.
 */
@Injectable()
export class RegistryThrottlerGuard extends ThrottlerGuard {
  constructor(@InjectThrottlerOptions() options: ThrottlerModuleOptions, @InjectThrottlerStorage() storage: ThrottlerStorage, reflector: Reflector) {
    super(options, storage, new CachedReflector(reflector));
  }
}
