import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { RegistryConfig } from '@registry/config';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import { ApiModule, type ApiModuleOptions } from './api.module';
import { mountOpenApi } from './http/openapi';
import { requestIdMiddleware } from './http/request-id.middleware';
import { createValidationPipe } from './http/validation.pipe';
import { refuseNonFiniteNumbers, verifyJsonBody } from './http/json-depth';
import { SingleQueryValuesPipe } from './http/query-parameters';
import { parsesCsvBody } from './imports/streamed-uploads';
import { HttpMetrics } from './metrics/http-metrics';

/** The whole HTTP application, configured but not listening (main() and the e2e tests share it); main() installs the signal handling. */
export async function createApiApp(config: RegistryConfig, options: ApiModuleOptions = {}): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(ApiModule.forRoot(config, options), {
    bodyParser: false,
    bufferLogs: true,
  });
  app.useLogger(app.get(Logger));
  app.disable('x-powered-by');
  // Decides req.ip, hence whose rate limit a request counts against: by default no peer may name the client.
  app.set('trust proxy', config.trustProxy);
  app.use(app.get(HttpMetrics).middleware);
  app.use(requestIdMiddleware);
  app.use(helmet());
  app.useBodyParser('json', { limit: config.bodyLimitBytes, strict: true, verify: verifyJsonBody, reviver: refuseNonFiniteNumbers, type: ['application/json', 'application/merge-patch+json'] });
  app.useBodyParser('text', { limit: config.bodyLimitBytes, type: parsesCsvBody });
  // Node's querystring: a repeated parameter becomes an array (refused by SingleQueryValuesPipe),
  // never a nested object as with qs's `a[b]=1`.
  app.set('query parser', 'simple');
  app.useGlobalPipes(new SingleQueryValuesPipe(), createValidationPipe());
  mountOpenApi(app);
  return app;
}
