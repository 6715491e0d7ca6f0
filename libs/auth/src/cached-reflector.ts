import { Reflector } from '@nestjs/core';

type Target = object;

/**
 * Route metadata is fixed once the application has started, yet guards read it on every request
 * (reflect-metadata walks the prototype chain each time): this Reflector answers
 * `getAllAndOverride` from a cache per key, handler and class.
 */
export class CachedReflector extends Reflector {
  private readonly cache = new Map<unknown, WeakMap<Target, WeakMap<Target, { value: unknown }>>>();

  constructor(private readonly source: Reflector = new Reflector()) {
    super();
  }

  override getAllAndOverride<T = unknown>(key: unknown, targets: Target[]): T {
    if (targets.length !== 2) return this.source.getAllAndOverride(key as string, targets as never) as T;
    const [handler, classRef] = targets;
    let byHandler = this.cache.get(key);
    if (!byHandler) this.cache.set(key, (byHandler = new WeakMap()));
    let byClass = byHandler.get(handler);
    if (!byClass) byHandler.set(handler, (byClass = new WeakMap()));
    let hit = byClass.get(classRef);
    if (!hit) byClass.set(classRef, (hit = { value: this.source.getAllAndOverride(key as string, targets as never) }));
    return hit.value as T;
  }
}
