import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { DomainError, type ErrorCode } from '@registry/domain';
import type { FastifyReply } from 'fastify';
import { Counter } from 'prom-client';
import { catchError, tap, type Observable } from 'rxjs';
import { MetricsRegistry } from './metrics-registry';

/**
 * The 409s of the single-retirement guarantee: a serial already retired (the use case's check), or
 * the database's overlap guard refusing a concurrent retirement (SERIAL_CONFLICT from the store).
 */
const CONFLICT_CODES: ErrorCode[] = ['ALREADY_RETIRED', 'SERIAL_CONFLICT'];

@Injectable()
export class RetirementMetrics {
  readonly retirements: Counter;
  readonly conflicts: Counter<'code'>;

  constructor(registry: MetricsRegistry) {
    this.retirements = new Counter({ name: 'registry_retirements_total', help: 'Retirements recorded (idempotent replays not counted)', registers: [registry] });
    this.conflicts = new Counter({
      name: 'registry_retirement_conflicts_total',
      help: 'Retirements refused with 409 because a serial is already retired or a concurrent retirement took it',
      labelNames: ['code'],
      registers: [registry],
    });
  }
}

/** On the retire handler: counts what it recorded and what the single-retirement guarantee refused. */
@Injectable()
export class CountRetirements implements NestInterceptor {
  constructor(private readonly metrics: RetirementMetrics) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const res = context.switchToHttp().getResponse<FastifyReply>();
    return next.handle().pipe(
      tap(() => {
        if (res.getHeader('Idempotent-Replayed') !== 'true') this.metrics.retirements.inc();
      }),
      catchError((error: unknown) => {
        if (error instanceof DomainError && CONFLICT_CODES.includes(error.code)) this.metrics.conflicts.inc({ code: error.code });
        throw error;
      }),
    );
  }
}
