import type { paths } from '../generated/openapi';
import type { TestApp } from './test-app';

/**
 * Supertest typed by the committed contract (openapi.json through openapi-typescript): a request
 * body or parameter the contract does not allow fails to compile, and a response is the 200/201
 * JSON schema of its operation, so a test reads only what the contract promises.
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

export function typedClient(t: TestApp) {
  const call =
    <M extends Method>(method: M) =>
    async <P extends PathsWith<M>>(path: P, options: Options<P, M>): Promise<TypedResponse<ResponseBody<P, M>>> => {
      const url = String(path).replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(String((options.path as Record<string, unknown>)[name])));
      let request = t.http[method](url).set(options.auth ?? {});
      if (options.query) request = request.query(options.query as object);
      if (options.body !== undefined) request = request.send(options.body as object);
      const res = await request.expect(options.status);
      return { status: res.status, body: res.body as ResponseBody<P, M> };
    };
  return { get: call('get'), post: call('post'), patch: call('patch'), put: call('put'), delete: call('delete') };
}
