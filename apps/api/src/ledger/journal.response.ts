import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class JournalHeadResponse {
  @ApiProperty({ type: 'integer', description: 'entries in the latest checkpoint of the log (0: empty journal)', example: 42 })
  sequence: number;

  @ApiProperty({ description: "the log's Merkle tree root at that size, lowercase hex SHA-256", example: '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08' })
  hash: string;
}

export class ChainVerificationResponse {
  @ApiProperty({ example: true })
  ok: boolean;

  @ApiProperty({ type: 'integer', description: 'entries recomputed', example: 42 })
  checked: number;

  @ApiProperty({ type: JournalHeadResponse })
  head: JournalHeadResponse;

  @ApiPropertyOptional({ type: 'integer', description: 'the first entry (its seq) that does not match the log; a missing entry gives its place (index + 1)' })
  firstBadSequence?: number;

  @ApiPropertyOptional({ description: 'what failed there' })
  problem?: string;
}

export class JournalEntryResponse {
  @ApiProperty({ type: 'integer', description: "the entry's id, given when it was written (rows it created carry it)", example: 42 })
  seq: number;

  @ApiProperty({ type: 'integer', description: 'its place in the transparency log (0-based); the next page starts after it', example: 41 })
  logIndex: number;

  @ApiProperty({ example: 'retirement.created' })
  type: string;

  @ApiProperty({ description: 'the entry as canonical JSON text (what the hash covers)', example: '{"retirementId":"0b8f3c1e-6d0a-4f3e-9a55-2f1c7f0d9e11"}' })
  payload: string;

  @ApiProperty({ example: 'org:5a1d0f0e-2b7c-4c8e-8f39-0d4a2b6c7e10/key:…' })
  actor: string;

  @ApiProperty({ format: 'date-time' })
  recordedAt: string;

  @ApiProperty({ description: "the previous entry's hash for entries written before the log (a hash chain); empty since" })
  prevHash: string;

  @ApiProperty({ description: "SHA-256 of the entry's leaf bytes (the canonical JSON of its other fields)" })
  hash: string;
}
