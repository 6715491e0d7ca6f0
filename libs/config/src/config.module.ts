import { DynamicModule, Global, Module } from '@nestjs/common';
import { REGISTRY_CONFIG } from './config.tokens';
import type { RegistryConfig } from './registry-config';

/** Provides the configuration that main() already validated, so a bad value never boots a module. */
@Global()
@Module({})
export class RegistryConfigModule {
  static forRoot(config: RegistryConfig): DynamicModule {
    return {
      module: RegistryConfigModule,
      providers: [{ provide: REGISTRY_CONFIG, useValue: config }],
      exports: [REGISTRY_CONFIG],
    };
  }
}
