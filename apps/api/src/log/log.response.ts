import { ApiProperty } from '@nestjs/swagger';

export class LogEntryResponse {
  @ApiProperty({ type: 'integer', example: 41 })
  index: number;

  @ApiProperty({ description: "base64 of the leaf's bytes (leaf hash = SHA-256(0x00 ‖ bytes))" })
  leaf: string;

  @ApiProperty({ description: 'the journal entry', type: 'object', additionalProperties: true })
  entry: Record<string, unknown>;
}

export class InclusionProofResponse {
  @ApiProperty({ type: 'integer', example: 41 })
  index: number;

  @ApiProperty({ type: 'integer', example: 100 })
  treeSize: number;

  @ApiProperty({ description: 'base64 SHA-256 leaf hash' })
  leafHash: string;

  @ApiProperty({ type: [String], description: 'the RFC 9162 §2.1.3 audit path, base64, from the leaf up' })
  hashes: string[];
}

export class ConsistencyProofResponse {
  @ApiProperty({ type: 'integer', example: 10 })
  from: number;

  @ApiProperty({ type: 'integer', example: 100 })
  to: number;

  @ApiProperty({ type: [String], description: 'the RFC 9162 §2.1.4 consistency proof, base64' })
  hashes: string[];
}
