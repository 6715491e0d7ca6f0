import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { ThrottlerGuard, ThrottlerModule } from '@nestjs/throttler';
import { AuthModule } from '@registry/auth';
import { RegistryConfigModule, type RegistryConfig } from '@registry/config';
import { JobsModule } from '@registry/jobs';
import { CertificateSweepModule, JobHandlersModule, LedgerModule } from '@registry/ledger';
import { PersistenceModule, SqliteCheckpointModule } from '@registry/persistence';
import { LoggerModule } from 'nestjs-pino';
import { CertificatesController } from './certificates/certificates.controller';
import { VerifyController } from './certificates/verify.controller';
import { ClaimsController } from './claims/claims.controller';
import { RegisterController } from './claims/register.controller';
import { HealthController } from './health/health.controller';
import { ProblemDetailsFilter } from './http/problem-details.filter';
import { HoldingsController } from './ledger/holdings.controller';
import { LedgerController } from './ledger/ledger.controller';
import { RetirementsController } from './ledger/retirements.controller';
import { MeController } from './me/me.controller';
import { SerialsController } from './serials/serials.controller';
import { JobsController } from './ops/jobs.controller';
import { OrganizationsController } from './organizations/organizations.controller';

@Module({})
export class ApiModule {
  static forRoot(config: RegistryConfig): DynamicModule {
    return {
      module: ApiModule,
      imports: [
        RegistryConfigModule.forRoot(config),
        LoggerModule.forRoot({
          pinoHttp: {
            level: config.logLevel,
            genReqId: (req) => (req as { id?: string }).id ?? '',
            redact: { paths: ['req.headers.authorization', 'req.headers.cookie'], remove: true },
            customLogLevel: (_req, res, err) => (err || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info'),
            autoLogging: { ignore: (req) => req.url?.startsWith('/health/') ?? false },
          },
        }),
        ThrottlerModule.forRoot({
          throttlers: [{ ttl: 60_000, limit: config.rateLimitPerMinute }],
          skipIf: () => config.rateLimitPerMinute === 0,
        }),
        PersistenceModule,
        SqliteCheckpointModule,
        JobsModule.forRoot(JobHandlersModule),
        LedgerModule,
        // With BullMQ the workers sweep (the API would only re-enqueue, in its request loop, what waits anyway).
        ...(config.redisUrl ? [] : [CertificateSweepModule]),
        AuthModule,
      ],
      controllers: [
        HealthController,
        OrganizationsController,
        MeController,
        JobsController,
        SerialsController,
        HoldingsController,
        RetirementsController,
        LedgerController,
        ClaimsController,
        RegisterController,
        CertificatesController,
        VerifyController,
      ],
      providers: [
        { provide: APP_GUARD, useClass: ThrottlerGuard },
        { provide: APP_FILTER, useClass: ProblemDetailsFilter },
      ],
    };
  }
}
