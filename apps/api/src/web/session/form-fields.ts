import type { FormBody } from '../../http/body-parsers';

/** A form field given once, as text; absent, repeated or not a form at all: undefined. */
export function formField(body: unknown, name: string): string | undefined {
  if (body === null || typeof body !== 'object') return undefined;
  const value = (body as FormBody)[name];
  return typeof value === 'string' ? value : undefined;
}
