import fastifyCookie from '@fastify/cookie';
import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import type { RegistryConfig } from '@registry/config';
import { Logger } from 'nestjs-pino';
import { ApiModule, type ApiModuleOptions } from './api.module';
import { registerBodyParsers } from './http/body-parsers';
import { mountOpenApi } from './http/openapi';
import { SingleQueryValuesPipe } from './http/query-parameters';
import { answerFrameworkError, installRequestHooks, requestIdOf } from './http/request-hooks';
import { createValidationPipe } from './http/validation.pipe';
import { HttpMetrics } from './metrics/http-metrics';
import { registerWebUploads } from './web/forms/upload-form';

/** The whole HTTP application, configured but not listening (main() and the e2e tests share it); main() installs the signal handling. */
export async function createApiApp(config: RegistryConfig, options: ApiModuleOptions = {}): Promise<INestApplication> {
  const adapter = new FastifyAdapter({
    // Decides req.ip, hence whose rate limit a request counts against: by default no peer may name the client.
    trustProxy: config.trustProxy,
    bodyLimit: config.bodyLimitBytes,
    genReqId: requestIdOf,
    logger: false,
    frameworkErrors: answerFrameworkError,
    // As Express routed: '/v1/retirements/' is '/v1/retirements'.
    routerOptions: { ignoreTrailingSlash: true },
  });
  const app = await NestFactory.create<NestFastifyApplication>(ApiModule.forRoot(config, options), adapter, { bodyParser: false, bufferLogs: true });
  app.useLogger(app.get(Logger));
  const fastify = app.getHttpAdapter().getInstance();
  installRequestHooks(fastify);
  fastify.addHook('onResponse', app.get(HttpMetrics).onResponse);
  registerBodyParsers(fastify, config.bodyLimitBytes);
  // request.cookies and reply.setCookie for the web pages' sessions; no secret: nothing is signed, a
  // session token is its own proof (stored as its SHA-256) and the CSRF token is derived from it.
  await app.register(fastifyCookie);
  await registerWebUploads(fastify);
  // A repeated query parameter becomes an array (refused by SingleQueryValuesPipe), never a nested
  // object as with qs's `a[b]=1`: Fastify's parser is flat.
  app.useGlobalPipes(new SingleQueryValuesPipe(), createValidationPipe());
  mountOpenApi(app);
  return app;
}

/** Routes are registered by init(); Fastify answers once it is ready (listen() does both). */
export async function readyApiApp(app: INestApplication): Promise<void> {
  await app.init();
  await (app as NestFastifyApplication).getHttpAdapter().getInstance().ready();
}
