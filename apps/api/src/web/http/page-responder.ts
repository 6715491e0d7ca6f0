import { Inject, Injectable } from '@nestjs/common';
import { REGISTRY_CONFIG, type RegistryConfig } from '@registry/config';
import type { FastifyReply } from 'fastify';
import { webPageCsp } from './web-csp';

/** Sends a rendered page with the headers every page carries. */
@Injectable()
export class PageResponder {
  private readonly csp: string;

  constructor(@Inject(REGISTRY_CONFIG) config: RegistryConfig) {
    this.csp = webPageCsp(config.publicBaseUrl);
  }

  send(reply: FastifyReply, html: string, status = 200): void {
    reply
      .status(status)
      .header('Content-Security-Policy', this.csp)
      // The language comes from ?lang=, the switch's cookie or Accept-Language: a cache must keep them apart.
      .header('Vary', 'Accept-Language, Cookie')
      // A signed-in page (or a form with a CSRF token) says no-store itself; a public page may be kept and revalidated.
      .header('Cache-Control', reply.hasHeader('Cache-Control') ? String(reply.getHeader('Cache-Control')) : 'no-cache')
      .type('text/html; charset=utf-8')
      .send(html);
  }
}
