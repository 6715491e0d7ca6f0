import { Controller, Get, HttpCode, Inject, Param, Post, Query, Req, Res } from '@nestjs/common';
import { REGISTRY_CONFIG, type RegistryConfig } from '@registry/config';
import { refusedRowsCsv } from '@registry/documents';
import { DomainError } from '@registry/domain';
import { decodeToUtf8, holdingsFormatNames, ImportQueries, StartHoldingsImportUseCase } from '@registry/ledger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Readable } from 'node:stream';
import { OnlyQueryParameters } from '../../http/query-parameters';
import { discardUpload, UploadForm, uploadedFormOf } from '../forms/upload-form';
import { readUploadedFile, STATEMENT_FILE, uploadSizeText } from '../forms/uploaded-file';
import { CurrentPage, pageHref, type PageContext } from '../http/page-context';
import { PageResponder } from '../http/page-responder';
import { WebPages } from '../http/web-pages.decorator';
import { formField } from '../session/form-fields';
import { CurrentSession, SignedIn, type WebSession } from '../session/web-session';
import { IMPORT_CHARSETS, ImportFormPage, type ImportFormPageProps } from '../views/import-form';
import { ImportProgressPage, importRunning } from '../views/import-progress';
import { ImportsListPage } from '../views/imports-list';

const LIST_PAGE = 50;
const REFUSED_PAGE = 100;

/**
 * A provider's statement imports through forms: the upload starts the same job as POST /v1/imports
 * (StartHoldingsImportUseCase, the file streamed into it as it arrives), and the progress page reads
 * the same import as GET /v1/imports/{id}, for the importing organisation only (404 otherwise).
 */
@WebPages()
@SignedIn('provider')
@Controller('imports')
export class ImportPagesController {
  constructor(
    private readonly startImport: StartHoldingsImportUseCase,
    private readonly imports: ImportQueries,
    private readonly pages: PageResponder,
    @Inject(REGISTRY_CONFIG) private readonly config: Pick<RegistryConfig, 'webUploadLimitBytes'>,
  ) {}

  @Get()
  @OnlyQueryParameters('cursor', 'lang')
  async list(@CurrentPage() page: PageContext, @CurrentSession() session: WebSession, @Query('cursor') cursor: string | undefined, @Res() reply: FastifyReply): Promise<void> {
    const { items, nextCursor } = await this.imports.list(organizationOf(session), cursor, LIST_PAGE);
    const first = cursor ? pageHref(page, '/imports') : undefined;
    const next = nextCursor ? pageHref(page, '/imports', { cursor: nextCursor }) : undefined;
    this.pages.send(reply, ImportsListPage({ page, items, first, next }));
  }

  @Get('new')
  @OnlyQueryParameters('lang')
  form(@CurrentPage() page: PageContext, @Res() reply: FastifyReply): void {
    this.sendForm(page, reply, {});
  }

  /** Starts the import and answers 303 to its progress page; a refused form comes back with the reason beside its field. */
  @Post()
  @HttpCode(200)
  @UploadForm({ file: STATEMENT_FILE, limit: 'webUpload' })
  @OnlyQueryParameters('lang')
  async start(@CurrentPage() page: PageContext, @CurrentSession() session: WebSession, @Req() req: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const e = page.t.imports.errors;
    const upload = uploadedFormOf(req);
    const fields = upload?.fields ?? req.body;
    const format = formField(fields, 'format') || undefined;
    const charset = formField(fields, 'charset') || 'auto';
    const values = { format, charset, dryRun: formField(fields, 'dryRun') === 'true' };
    const formatError = format !== undefined && !holdingsFormatNames().includes(format) ? e.format : undefined;
    const charsetError = (IMPORT_CHARSETS as readonly string[]).includes(charset) ? undefined : e.charset;
    const file = await readUploadedFile(upload?.file, { kind: 'statement', maxBytes: this.config.webUploadLimitBytes, declaredBytes: Number(req.headers['content-length']) });
    if (formatError || charsetError || !file.ok) {
      discardUpload(req);
      const statement = file.ok ? undefined : file.problem === 'tooLarge' ? e.tooLarge(uploadSizeText(this.config.webUploadLimitBytes, 'MB')) : e[file.problem];
      return this.sendForm(page, reply, { values, errors: { format: formatError, charset: charsetError, statement } }, !file.ok && file.problem === 'tooLarge' ? 413 : 422);
    }
    try {
      const body = decodeToUtf8(file.body, charset);
      const started = await this.startImport.execute({ actor: organizationActor(session), format, dryRun: values.dryRun, body, maxBytes: this.config.webUploadLimitBytes });
      reply.redirect(pageHref(page, `/imports/${started.id}`), 303);
    } catch (error) {
      if (!(error instanceof DomainError) || error.code !== 'PAYLOAD_TOO_LARGE') throw error;
      discardUpload(req);
      this.sendForm(page, reply, { values, errors: { statement: e.tooLarge(uploadSizeText(this.config.webUploadLimitBytes, 'MB')) } }, 413);
    }
  }

  /** State and counts, refreshing every 2 s while the import runs; once it has ended, its refused rows a page at a time. */
  @Get(':id')
  @OnlyQueryParameters('after', 'refresh', 'lang')
  async progress(
    @CurrentPage() page: PageContext,
    @CurrentSession() session: WebSession,
    @Param('id') id: string,
    @Query('after') after: string | undefined,
    @Query('refresh') refresh: string | undefined,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    if (refresh !== undefined && refresh !== 'off') throw new DomainError('VALIDATION_FAILED', 'refresh must be off', { errors: [{ field: 'refresh', message: 'must be off' }] });
    const organizationId = organizationOf(session);
    const item = await this.imports.summary(id, organizationId);
    if (importRunning(item)) return this.pages.send(reply, ImportProgressPage({ page, item, refreshOff: refresh === 'off' }));
    const from = rowNumber(after);
    const { rows, more } = await this.imports.refusedRowsPage(id, organizationId, from, REFUSED_PAGE);
    const path = `/imports/${id}`;
    const refused = {
      rows,
      first: from > 0 ? pageHref(page, path) : undefined,
      next: more ? pageHref(page, path, { after: String(rows[rows.length - 1].row) }) : undefined,
    };
    this.pages.send(reply, ImportProgressPage({ page, item, refused }));
  }

  /** Every refused row as CSV, as GET /v1/imports/{id}/refused.csv answers an API key (which the browser has not). */
  @Get(':id/refused.csv')
  @OnlyQueryParameters('lang')
  async refusedCsv(@CurrentSession() session: WebSession, @Param('id') id: string, @Res() reply: FastifyReply): Promise<void> {
    const lines = refusedRowsCsv(await this.imports.refusedRows(id, organizationOf(session)));
    reply.status(200).type('text/csv; charset=utf-8').header('Content-Disposition', `attachment; filename="import-${id}-refused.csv"`);
    reply.send(Readable.from(lines));
  }

  private sendForm(page: PageContext, reply: FastifyReply, props: Pick<ImportFormPageProps, 'values' | 'errors'>, status = 200): void {
    const limitMb = uploadSizeText(this.config.webUploadLimitBytes, 'MB');
    this.pages.send(reply, ImportFormPage({ page, formats: holdingsFormatNames(), limitMb, ...props }), status);
  }
}

function organizationActor(session: WebSession) {
  const actor = session.actor;
  if (actor.kind !== 'organization') throw new DomainError('FORBIDDEN', 'imports are made by a provider organisation’s people');
  return actor;
}

function organizationOf(session: WebSession): string {
  return organizationActor(session).organizationId;
}

function rowNumber(after: string | undefined): number {
  if (after === undefined) return 0;
  if (!/^(0|[1-9]\d{0,9})$/.test(after)) throw new DomainError('VALIDATION_FAILED', 'after must be a row number', { errors: [{ field: 'after', message: 'is not a row number' }] });
  return Number(after);
}
