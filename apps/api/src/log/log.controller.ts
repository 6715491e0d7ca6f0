import { Controller, createParamDecorator, Get, Header, Param, Query, StreamableFile, type ExecutionContext } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiParam, ApiProduces, ApiQuery, ApiTags } from '@nestjs/swagger';
import { Public } from '@registry/auth';
import { DomainError, parseTilePath } from '@registry/domain';
import { LogQueries } from '@registry/ledger';
import { nonNegativeInteger } from '../http/paging';
import { OnlyQueryParameters } from '../http/query-parameters';
import { ConsistencyProofResponse, InclusionProofResponse, LogEntryResponse } from './log.response';

/** What the route's trailing `*` matched (a decorator of its own, so the OpenAPI document keeps naming it `path`). */
const WildcardPath = createParamDecorator((_data: unknown, context: ExecutionContext): string => context.switchToHttp().getRequest<{ params: Record<string, string> }>().params['*'] ?? '');

/** Tiles of a published tree never change (tlog-tiles): a CDN may keep them. Checkpoints move every second. */
const IMMUTABLE = 'public, max-age=31536000, immutable';

@ApiTags('log')
@Public()
@Controller('v1/log')
export class LogController {
  constructor(private readonly log: LogQueries) {}

  @Get('checkpoint')
  @OnlyQueryParameters()
  @Header('Content-Type', 'text/plain; charset=utf-8')
  @Header('Cache-Control', 'no-cache')
  @ApiProduces('text/plain')
  @ApiOperation({ summary: 'The newest signed checkpoint (C2SP signed note)' })
  @ApiOkResponse({ description: 'origin, tree size, base64 root hash, blank line, Ed25519 signature lines', schema: { type: 'string' } })
  checkpoint() {
    return this.log.checkpoint();
  }

  @Get('keys')
  @OnlyQueryParameters()
  @Header('Content-Type', 'text/plain; charset=utf-8')
  @ApiProduces('text/plain')
  @ApiOperation({ summary: "The checkpoint signers' verifier keys (C2SP signed-note vkeys), one a line" })
  @ApiOkResponse({ description: '<name>+<key hash hex>+<base64(0x01 ‖ public key)> per published key', schema: { type: 'string' } })
  keys() {
    return this.log.verifierKeys().map((key) => `${key}\n`).join('');
  }

  @Get('entries/:index')
  @OnlyQueryParameters()
  @ApiOperation({ summary: 'One entry of the log with its leaf bytes' })
  @ApiOkResponse({ type: LogEntryResponse })
  entry(@Param('index') index: string) {
    return this.log.entry(nonNegativeInteger(index, 'index'));
  }

  @Get('proof/inclusion')
  @OnlyQueryParameters('index', 'treeSize', 'certificate')
  @ApiQuery({ name: 'index', required: false, description: 'the log index (or give certificate)' })
  @ApiQuery({ name: 'certificate', required: false, description: 'a certificate number: the proof for the entry that issued it', example: 'RC-2026-000123' })
  @ApiQuery({ name: 'treeSize', required: false, description: 'the tree size of a checkpoint you hold (default: the newest)' })
  @ApiOperation({ summary: 'RFC 9162 inclusion proof of an entry' })
  @ApiOkResponse({ type: InclusionProofResponse })
  inclusion(@Query('index') index?: string, @Query('treeSize') treeSize?: string, @Query('certificate') certificate?: string) {
    if ((index === undefined) === (certificate === undefined)) {
      throw new DomainError('VALIDATION_FAILED', 'give index or certificate', { errors: [{ field: 'index', message: 'give index or certificate, one of them' }] });
    }
    return this.log.inclusion({
      index: index === undefined ? undefined : nonNegativeInteger(index, 'index'),
      certificate,
      treeSize: treeSize === undefined ? undefined : nonNegativeInteger(treeSize, 'treeSize'),
    });
  }

  @Get('proof/consistency')
  @OnlyQueryParameters('from', 'to')
  @ApiQuery({ name: 'from', required: true, description: 'the older tree size (≥ 1)' })
  @ApiQuery({ name: 'to', required: true, description: 'the newer tree size' })
  @ApiOperation({ summary: 'RFC 9162 consistency proof between two tree sizes' })
  @ApiOkResponse({ type: ConsistencyProofResponse })
  consistency(@Query('from') from?: string, @Query('to') to?: string) {
    for (const [field, value] of [['from', from], ['to', to]] as const) {
      if (value === undefined) throw new DomainError('VALIDATION_FAILED', `${field} is required`, { errors: [{ field, message: 'is required' }] });
    }
    return this.log.consistency(nonNegativeInteger(from, 'from'), nonNegativeInteger(to, 'to'));
  }

  @Get('tile/*')
  @OnlyQueryParameters()
  @Header('Cache-Control', IMMUTABLE)
  @ApiProduces('application/octet-stream')
  @ApiOperation({ summary: 'A C2SP tlog-tiles hash tile: tile/<L>/<N>[.p/<W>]' })
  @ApiParam({ name: 'path', description: '<L>/<N>[.p/<W>], N in x-prefixed groups of three digits (e.g. 0/x001/234.p/7)', example: '0/000' })
  @ApiOkResponse({ description: 'the concatenated 32-byte hashes', schema: { type: 'string', format: 'binary' } })
  async tile(@WildcardPath() path: string) {
    const address = parseTilePath(path);
    if (!address || address.level === 'entries') {
      throw new DomainError('NOT_FOUND', 'not a hash tile path: tile/<L>/<N>[.p/<W>] (entry bundles are not served: entries can exceed 64 KiB; use /v1/log/entries/{index})', { field: 'path' });
    }
    const tile = await this.log.tile(address.level, address.index, address.width);
    return new StreamableFile(tile, { type: 'application/octet-stream', length: tile.length });
  }
}

