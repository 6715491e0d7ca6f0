import { SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { CachedReflector } from './cached-reflector';

class Controller {
  @SetMetadata('role', 'handler')
  annotated(): void {}
  plain(): void {}
}
SetMetadata('role', 'class')(Controller);

describe('CachedReflector', () => {
  it('answers as Reflector does: the handler overrides the class, the class answers for a plain handler', () => {
    const cached = new CachedReflector(new Reflector());
    const proto = Controller.prototype;
    expect(cached.getAllAndOverride('role', [proto.annotated, Controller])).toBe('handler');
    expect(cached.getAllAndOverride('role', [proto.plain, Controller])).toBe('class');
    expect(cached.getAllAndOverride('missing', [proto.plain, Controller])).toBeUndefined();
  });

  it('reads the metadata once per key, handler and class, and keeps an undefined answer too', () => {
    const source = new Reflector();
    const read = jest.spyOn(source, 'getAllAndOverride');
    const cached = new CachedReflector(source);
    const proto = Controller.prototype;
    for (let i = 0; i < 5; i++) {
      cached.getAllAndOverride('role', [proto.annotated, Controller]);
      cached.getAllAndOverride('missing', [proto.annotated, Controller]);
    }
    cached.getAllAndOverride('role', [proto.plain, Controller]);
    expect(read).toHaveBeenCalledTimes(3);
  });
});
