import { Controller, Get, Query, Res } from '@nestjs/common';
import { Public } from '@registry/auth';
import { DomainError } from '@registry/domain';
import { SerialStatusQuery, STATUS_PAGE_SEGMENTS } from '@registry/ledger';
import type { FastifyReply } from 'fastify';
import { OnlyQueryParameters } from '../../http/query-parameters';
import { ExpensiveEndpoint } from '../../http/rate-limits';
import { CurrentPage, type PageContext } from '../http/page-context';
import { PageResponder } from '../http/page-responder';
import { WebPages } from '../http/web-pages.decorator';
import { SerialPage } from '../views/serials';

/** Serial search with paged segments: the public view of GET /v1/serials/status (no holders shown). */
@WebPages()
@Public()
@Controller('serials')
export class SerialPagesController {
  constructor(
    private readonly serialStatus: SerialStatusQuery,
    private readonly pages: PageResponder,
  ) {}

  @Get()
  @ExpensiveEndpoint()
  @OnlyQueryParameters('serial', 'cursor', 'lang')
  async search(@Query() query: Record<string, string | undefined>, @CurrentPage() page: PageContext, @Res() reply: FastifyReply): Promise<void> {
    const serial = query.serial?.trim() || undefined;
    const cursor = query.cursor || undefined;
    const pageSize = STATUS_PAGE_SEGMENTS;
    if (!serial) return this.pages.send(reply, SerialPage({ page, pageSize }));
    try {
      const status = await this.serialStatus.execute(serial, undefined, undefined, cursor);
      this.pages.send(reply, SerialPage({ page, serial, status, cursor, pageSize }));
    } catch (error) {
      const field = error instanceof DomainError ? unreadablePart(error) : undefined;
      if (!field) throw error;
      this.pages.send(reply, SerialPage({ page, serial, cursor, pageSize, error: { field, detail: (error as DomainError).message } }), 400);
    }
  }
}

/** Which part of the query a refusal is about: the serial, or the page cursor; undefined for any other error. */
function unreadablePart(error: DomainError): 'serial' | 'cursor' | undefined {
  if (error.code === 'INVALID_SERIAL' || error.code === 'UNKNOWN_SCHEME') return 'serial';
  const errors = error.details.errors as { field?: string }[] | undefined;
  return error.code === 'VALIDATION_FAILED' && errors?.some((e) => e.field === 'cursor') ? 'cursor' : undefined;
}
