import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class JournalHeadResponse {
  @ApiProperty({ type: 'integer', description: 'the sequence of the latest entry (0: empty journal)', example: 42 })
  sequence: number;

  @ApiProperty({ description: 'its hash, lowercase hex SHA-256', example: '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08' })
  hash: string;
}

export class ChainVerificationResponse {
  @ApiProperty({ example: true })
  ok: boolean;

  @ApiProperty({ type: 'integer', description: 'entries recomputed', example: 42 })
  checked: number;

  @ApiProperty({ type: JournalHeadResponse })
  head: JournalHeadResponse;

  @ApiPropertyOptional({ type: 'integer', description: 'the first entry whose hash does not chain' })
  firstBadSequence?: number;
}

export class JournalEntryResponse {
  @ApiProperty({ type: 'integer', example: 42 })
  seq: number;

  @ApiProperty({ example: 'retirement.created' })
  type: string;

  @ApiProperty({ description: 'the entry as canonical JSON text (what the hash covers)', example: '{"retirementId":"0b8f3c1e-6d0a-4f3e-9a55-2f1c7f0d9e11"}' })
  payload: string;

  @ApiProperty({ example: 'org:5a1d0f0e-2b7c-4c8e-8f39-0d4a2b6c7e10/key:…' })
  actor: string;

  @ApiProperty({ format: 'date-time' })
  recordedAt: string;

  @ApiProperty({ description: "the previous entry's hash" })
  prevHash: string;

  @ApiProperty({ description: 'SHA-256 over prevHash and this entry' })
  hash: string;
}
