import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { paths } from '../generated/openapi';
import { responseMismatches } from './schema-conformance';
import type { TestApp } from './test-app';

/**
 * Supertest typed by the committed contract (openapi.json through openapi-typescript): a request
 * body or parameter the contract does not allow fails to compile, and a response is the 200/201
 * JSON schema of its operation, so a test reads only what the contract promises. Each answer is
 * also checked against that schema at run time: the types are only as true as the document.
 */
type Method = 'get' | 'post' | 'patch' | 'put' | 'delete';
type PathsWith<M extends Method> = { [P in keyof paths]: paths[P][M] extends { responses: unknown } ? P : never }[keyof paths];
type Operation<P extends keyof paths, M extends Method> = paths[P][M] & { responses: unknown; parameters: unknown; requestBody?: unknown };

type JsonOf<T> = T extends { content: { 'application/json': infer J } } ? J : never;
export type RequestBody<P extends keyof paths, M extends Method> = JsonOf<NonNullable<Operation<P, M>['requestBody']>>;
export type ResponseBody<P extends keyof paths, M extends Method> =
  Operation<P, M>['responses'] extends { 200: infer R } ? JsonOf<R> : Operation<P, M>['responses'] extends { 201: infer R } ? JsonOf<R> : unknown;
type Parameters<P extends keyof paths, M extends Method, In extends 'path' | 'query'> = Operation<P, M>['parameters'] extends { [K in In]?: infer X } ? NonNullable<X> : never;

type Options<P extends keyof paths, M extends Method> = {
  auth?: Record<string, string>;
  status: number;
  query?: Parameters<P, M, 'query'>;
} & ([Parameters<P, M, 'path'>] extends [never] ? { path?: never } : { path: Parameters<P, M, 'path'> }) &
  ([RequestBody<P, M>] extends [never] ? { body?: never } : { body: RequestBody<P, M> });

export interface TypedResponse<T> {
  status: number;
  body: T;
}

const CONTRACT = JSON.parse(readFileSync(path.resolve(__dirname, '..', '..', 'openapi.json'), 'utf8'));

export function typedClient(t: TestApp) {
  const call =
    <M extends Method>(method: M) =>
    async <P extends PathsWith<M>>(route: P, options: Options<P, M>): Promise<TypedResponse<ResponseBody<P, M>>> => {
      const url = String(route).replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(String((options.path as Record<string, unknown>)[name])));
      let request = t.http[method](url).set(options.auth ?? {});
      if (options.query) request = request.query(options.query as object);
      if (options.body !== undefined) request = request.send(options.body as object);
      const res = await request.expect(options.status);
      expect({ [`${method.toUpperCase()} ${String(route)}`]: responseMismatches(CONTRACT, String(route), method, res.status, res.body) }).toEqual({ [`${method.toUpperCase()} ${String(route)}`]: [] });
      return { status: res.status, body: res.body as ResponseBody<P, M> };
    };
  return { get: call('get'), post: call('post'), patch: call('patch'), put: call('put'), delete: call('delete') };
}
