import { Controller, Get, HttpCode, Inject, Post, Req, Res } from '@nestjs/common';
import { REGISTRY_CONFIG, type RegistryConfig } from '@registry/config';
import { DomainError } from '@registry/domain';
import { CheckSerialsQuery, type SerialCheckItem } from '@registry/ledger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { toCsv } from '../../http/csv';
import { OnlyQueryParameters } from '../../http/query-parameters';
import { ExpensiveEndpoint } from '../../http/rate-limits';
import { serialsFromCsv } from '../../serials/serials-csv';
import { discardUpload, UploadForm, uploadedFormOf } from '../forms/upload-form';
import { readUploadedFile, SERIAL_LIST_FILE, uploadSizeText, wholeFile } from '../forms/uploaded-file';
import { CurrentPage, type PageContext } from '../http/page-context';
import { PageResponder } from '../http/page-responder';
import { WebPages } from '../http/web-pages.decorator';
import { formField } from '../session/form-fields';
import { CurrentSession, SignedIn, type WebSession } from '../session/web-session';
import { BulkCheckPage, type BulkCheckPageProps } from '../views/bulk-check';

const CSV_COLUMNS = ['serial', 'scheme', 'namespace', 'start', 'end', 'status', 'holderId', 'retirementId', 'certificateNumber', 'claimId', 'retiredOn', 'beneficiary', 'error'];

type Refusal = { field: 'serials' | 'list'; message: string; status: number };

/**
 * An auditor's bulk serial check through a form: the list pasted or uploaded (text, one a line, or
 * a CSV with a `serial` column as POST /v1/serials/check takes), run through the same query
 * (CheckSerialsQuery), shown as a table and offered as CSV.
 */
@WebPages()
@SignedIn('auditor')
@Controller()
export class BulkCheckPagesController {
  constructor(
    private readonly checkSerials: CheckSerialsQuery,
    private readonly pages: PageResponder,
    @Inject(REGISTRY_CONFIG) private readonly config: Pick<RegistryConfig, 'bodyLimitBytes'>,
  ) {}

  @Get('checks')
  @OnlyQueryParameters('lang')
  form(@CurrentPage() page: PageContext, @Res() reply: FastifyReply): void {
    this.send(page, reply, {});
  }

  /** Runs the check and shows the result under the form (200: nothing is written, the answer is the page). */
  @Post('checks')
  @HttpCode(200)
  @ExpensiveEndpoint()
  @UploadForm({ file: SERIAL_LIST_FILE, limit: 'body' })
  @OnlyQueryParameters('lang')
  async check(@CurrentPage() page: PageContext, @CurrentSession() session: WebSession, @Req() req: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const fields = uploadedFormOf(req)?.fields ?? req.body;
    const pasted = formField(fields, 'serials') ?? '';
    const listed = await this.serialsOfFile(page, req);
    if ('field' in listed) {
      discardUpload(req);
      return this.send(page, reply, { pasted, errors: { [listed.field]: listed.message } }, listed.status);
    }
    const serials = [...lines(pasted), ...listed];
    if (serials.length === 0) return this.send(page, reply, { pasted, errors: { serials: page.t.bulkCheck.errors.nothing } }, 422);
    const answer = await this.run(page, serials, session);
    if ('field' in answer) return this.send(page, reply, { pasted, errors: { [answer.field]: answer.message } }, answer.status);
    this.send(page, reply, { pasted, items: answer, serials });
  }

  /** The same check as a CSV file, one line per segment (the result page's download button posts its list here). */
  @Post('checks.csv')
  @HttpCode(200)
  @ExpensiveEndpoint()
  @OnlyQueryParameters('lang')
  async csv(@CurrentPage() page: PageContext, @CurrentSession() session: WebSession, @Req() req: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const serials = lines(formField(req.body, 'serials') ?? '');
    const answer = serials.length === 0 ? ({ field: 'serials', message: page.t.bulkCheck.errors.nothing, status: 422 } as const) : await this.run(page, serials, session);
    if ('field' in answer) return this.send(page, reply, { pasted: serials.join('\n'), errors: { [answer.field]: answer.message } }, answer.status);
    reply.status(200).type('text/csv; charset=utf-8').header('Content-Disposition', 'attachment; filename="serial-check.csv"');
    reply.send(toCsv(csvRows(answer), CSV_COLUMNS));
  }

  private async run(page: PageContext, serials: string[], session: WebSession): Promise<SerialCheckItem[] | Refusal> {
    const e = page.t.bulkCheck.errors;
    try {
      return (await this.checkSerials.execute(serials, session.actor)).items;
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      if (error.code === 'TOO_MANY_SERIALS') return { field: 'serials', message: e.tooMany, status: 422 };
      if (error.code === 'VALIDATION_FAILED') return { field: 'serials', message: e.tooManySegments, status: 422 };
      throw error;
    }
  }

  /** The serials of the uploaded file (none when no file was chosen), or why it was refused. */
  private async serialsOfFile(page: PageContext, req: FastifyRequest): Promise<string[] | Refusal> {
    const e = page.t.bulkCheck.errors;
    const part = uploadedFormOf(req)?.file;
    if (!part || part.filename === '') return [];
    const maxBytes = this.config.bodyLimitBytes;
    const tooLarge = { field: 'list', message: e.tooLarge(uploadSizeText(maxBytes, 'KB')), status: 413 } as const;
    const file = await readUploadedFile(part, { kind: 'serialList', maxBytes, declaredBytes: Number(req.headers['content-length']) });
    if (!file.ok) return file.problem === 'tooLarge' ? tooLarge : { field: 'list', message: e[file.problem === 'chooseFile' ? 'empty' : file.problem], status: 422 };
    let bytes: Buffer;
    try {
      bytes = await wholeFile(file.body);
    } catch (error) {
      if (error instanceof DomainError && error.code === 'PAYLOAD_TOO_LARGE') return tooLarge;
      throw error;
    }
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
    } catch {
      return { field: 'list', message: e.notText, status: 422 };
    }
    if (!isCsvList(text)) return lines(text);
    try {
      return serialsFromCsv(text);
    } catch {
      return { field: 'list', message: e.csvHeader, status: 422 };
    }
  }

  private send(page: PageContext, reply: FastifyReply, props: Omit<BulkCheckPageProps, 'page' | 'limitKb'>, status = 200): void {
    this.pages.send(reply, BulkCheckPage({ page, limitKb: uploadSizeText(this.config.bodyLimitBytes, 'KB'), ...props }), status);
  }
}

/** One serial a line, blank lines skipped. */
function lines(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line.length > 0);
}

/** A CSV with a header row naming a `serial` column (as the API's text/csv check takes), rather than a bare list. */
function isCsvList(text: string): boolean {
  const header = text.split(/\r?\n/, 1)[0] ?? '';
  return header
    .split(',')
    .map((cell) => cell.trim().replace(/^"|"$/g, ''))
    .includes('serial');
}

function csvRows(items: SerialCheckItem[]): Record<string, unknown>[] {
  return items.flatMap((item): Record<string, unknown>[] => {
    if ('error' in item) return [{ serial: item.serial, error: `${item.error.code}: ${item.error.message}` }];
    return item.segments.map((segment) => ({ serial: item.serial, scheme: item.scheme, namespace: item.namespace, ...segment }));
  });
}
