import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { ThrottlerModule } from '@nestjs/throttler';
import { AuthModule } from '@registry/auth';
import { RegistryConfigModule, type RegistryConfig } from '@registry/config';
import { DocumentsModule } from '@registry/documents';
import { JobsModule } from '@registry/jobs';
import { CertificateSweepModule, JobHandlersModule, LedgerModule, LogSequencerModule, WebhookDispatchModule } from '@registry/ledger';
import { PersistenceModule, SqliteCheckpointModule } from '@registry/persistence';
import { LoggerModule } from 'nestjs-pino';
import type { DestinationStream } from 'pino';
import type { Options as PinoHttpOptions } from 'pino-http';
import { CertificatesController } from './certificates/certificates.controller';
import { FaviconController } from './certificates/favicon.controller';
import { ClaimProvidersController } from './claims/claim-providers.controller';
import { ClaimsController } from './claims/claims.controller';
import { RegisterController } from './claims/register.controller';
import { ReconciliationsController } from './reconciliations/reconciliations.controller';
import { HealthController } from './health/health.controller';
import { createLogRedactor, redactingSerializers } from './http/log-redaction';
import { ProblemDetailsFilter } from './http/problem-details.filter';
import { SECURITY_HEADERS } from './http/request-hooks';
import { anyRateLimit, rateLimits } from './http/rate-limits';
import { RegistryThrottlerGuard } from './http/registry-throttler.guard';
import { HoldingsController } from './ledger/holdings.controller';
import { ImportsController } from './imports/imports.controller';
import { LedgerController } from './ledger/ledger.controller';
import { LogController } from './log/log.controller';
import { RetirementsController } from './ledger/retirements.controller';
import { ListsController } from './lists/lists.controller';
import { ShutdownState } from './lifecycle/shutdown-state';
import { MetricsModule } from './metrics/metrics.module';
import { MeController } from './me/me.controller';
import { SerialsController } from './serials/serials.controller';
import { JobsController } from './ops/jobs.controller';
import { ApiKeysController } from './organizations/api-keys.controller';
import { OrganizationsController } from './organizations/organizations.controller';
import { WebhooksController } from './webhooks/webhooks.controller';
import { WebModule } from './web/web.module';

export interface ApiModuleOptions {
  /** Where logs go instead of stdout (tests read them back). */
  logDestination?: DestinationStream;
}

@Module({})
export class ApiModule {
  static forRoot(config: RegistryConfig, options: ApiModuleOptions = {}): DynamicModule {
    // pino-http's options give the logger its level, destination and (redacting) serializers; its
    // middleware is mounted on no route: request lines are written by the onResponse hook
    // (http/request-hooks.ts) only when their level is on.
    const pinoHttp: PinoHttpOptions = {
      level: config.logLevel,
      serializers: redactingSerializers(createLogRedactor(config.adminApiKey ? [config.adminApiKey] : []), SECURITY_HEADERS),
    };
    return {
      module: ApiModule,
      imports: [
        RegistryConfigModule.forRoot(config),
        LoggerModule.forRoot({ pinoHttp: options.logDestination ? [pinoHttp, options.logDestination] : pinoHttp, forRoutes: [] }),
        ThrottlerModule.forRoot(rateLimits(config)),
        PersistenceModule,
        SqliteCheckpointModule,
        DocumentsModule,
        JobsModule.forRoot(JobHandlersModule),
        LedgerModule,
        // With BullMQ the workers sweep (the API would only re-enqueue, in its request loop, what waits anyway).
        ...(config.redisUrl ? [] : [CertificateSweepModule]),
        WebhookDispatchModule.forRoot({ periodicSweep: !config.redisUrl }),
        LogSequencerModule,
        AuthModule,
        MetricsModule,
        WebModule,
      ],
      controllers: [
        HealthController,
        OrganizationsController,
        ApiKeysController,
        MeController,
        JobsController,
        SerialsController,
        HoldingsController,
        ListsController,
        ClaimProvidersController,
        ImportsController,
        RetirementsController,
        LedgerController,
        LogController,
        ClaimsController,
        RegisterController,
        CertificatesController,
        FaviconController,
        WebhooksController,
        ReconciliationsController,
      ],
      providers: [
        // Registered before AuthModule's key guard, so it runs first: floods of made-up keys are limited
        // before any database lookup (rate-limits.e2e.ts holds this). With every limit 0 there is nothing to count.
        ...(anyRateLimit(config) ? [{ provide: APP_GUARD, useClass: RegistryThrottlerGuard }] : []),
        { provide: APP_FILTER, useClass: ProblemDetailsFilter },
        ShutdownState,
      ],
    };
  }
}
