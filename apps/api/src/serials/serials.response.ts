import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { SCHEME_CODES } from '@registry/domain';

export class ParsedSerialResponse {
  @ApiProperty({ enum: SCHEME_CODES, example: 'KYOTO' })
  scheme: string;

  @ApiProperty({ example: 'KYOTO:RW' })
  namespace: string;

  @ApiProperty({ description: 'first serial number, a decimal string', example: '1463953' })
  start: string;

  @ApiProperty({ description: 'last serial number, a decimal string', example: '1467609' })
  end: string;

  @ApiProperty({ description: 'credits in the block, a decimal string', example: '3657' })
  quantity: string;

  @ApiProperty({ description: 'the one text form of the block', example: 'JCL-ERL-R012-1000001-1000500' })
  canonical: string;

  @ApiProperty({
    type: 'object',
    additionalProperties: { oneOf: [{ type: 'string' }, { type: 'number' }, { type: 'boolean' }, { type: 'null' }] },
    description: 'what the serial says besides its range (per scheme)',
    example: { project: 'R012', vintage: 2024 },
  })
  attributes: Record<string, string | number | boolean | null>;
}

export class StatusSegmentResponse {
  @ApiProperty({ description: 'a decimal string', example: '1000001' })
  start: string;

  @ApiProperty({ description: 'a decimal string', example: '1000100' })
  end: string;

  @ApiProperty({ enum: ['retired', 'held', 'unknown'], example: 'retired' })
  status: 'retired' | 'held' | 'unknown';

  @ApiPropertyOptional({ format: 'uuid', description: 'retired segments' })
  retirementId?: string;

  @ApiPropertyOptional({ example: 'RC-2026-000001', description: 'retired segments' })
  certificateNumber?: string;

  @ApiPropertyOptional({ description: 'retired segments backing a claim' })
  claimId?: string;

  @ApiPropertyOptional({ format: 'date', example: '2026-04-01', description: 'retired segments' })
  retiredOn?: string;

  @ApiPropertyOptional({ example: '株式会社サンプル', description: 'retired segments' })
  beneficiary?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'held segments, shown to auditors and to the holder' })
  holderId?: string;
}

export class SerialStatusResponse {
  @ApiProperty({ description: 'the canonical serial asked', example: 'JCL-ERL-R012-1000001-1000500' })
  serial: string;

  @ApiProperty({ enum: SCHEME_CODES, example: 'JCREDIT' })
  scheme: string;

  @ApiProperty({ example: 'JCREDIT_REGISTRY:JCL-ERL-R012' })
  namespace: string;

  @ApiProperty({ description: 'a decimal string', example: '1000001' })
  start: string;

  @ApiProperty({ description: 'a decimal string', example: '1000500' })
  end: string;

  @ApiProperty({ type: [StatusSegmentResponse], description: 'cover the asked range exactly, in order; at most 1,000 a page' })
  segments: StatusSegmentResponse[];

  @ApiPropertyOptional({ description: 'set when segments remain: pass it as `cursor` for the next page' })
  nextCursor?: string;
}

export class SchemeResponse {
  @ApiProperty({ enum: SCHEME_CODES, example: 'JCREDIT' })
  code: string;

  @ApiProperty({ description: 'the English name (same as nameEn)', example: 'J-Credit' })
  name: string;

  @ApiProperty({ example: 'J-クレジット' })
  nameJa: string;

  @ApiProperty({ example: 'J-Credit' })
  nameEn: string;

  @ApiProperty({ example: 't-CO2' })
  unit: string;

  @ApiProperty({ description: "the registry that manages the scheme's units", example: 'J-Credit registry (J-クレジット登録簿)' })
  registry: string;
}

export class SerialCheckProblemResponse {
  @ApiProperty({ description: 'a problem code', example: 'INVALID_SERIAL' })
  code: string;

  @ApiProperty({ example: 'JCL-ERL-R012-10000x1 is not a serial of a known scheme' })
  message: string;
}

/** A row of POST /v1/serials/check that could not be read, answered in its place. */
export class SerialCheckErrorResponse {
  @ApiProperty({ description: 'the row as sent', example: 'JCL-ERL-R012-10000x1' })
  serial: string;

  @ApiProperty({ type: SerialCheckProblemResponse })
  error: SerialCheckProblemResponse;
}
