import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class BrokenArchiveRowDto {
  @ApiProperty({ type: 'integer' }) seq!: number;
  @ApiProperty() workflowId!: string;
  @ApiProperty() runId!: string;
  @ApiProperty({
    enum: ['content', 'chain', 'link', 'gap'],
    description:
      'content: the history no longer matches its hash; chain: the row’s chain hash does not cover it; link: it does not follow the row before; gap: a row before it is missing',
  })
  problem!: 'content' | 'chain' | 'link' | 'gap';
}

/** The audit archive's hash chain, recomputed from its first row. */
export class ArchiveVerificationDto {
  @ApiProperty({ type: 'integer', description: 'Rows checked (up to and including the first broken one)' })
  rows!: number;
  @ApiProperty() intact!: boolean;
  @ApiPropertyOptional({ type: BrokenArchiveRowDto }) firstBroken?: BrokenArchiveRowDto;
  @ApiProperty({ format: 'date-time' }) verifiedAt!: string;
}

/** The archiver's progress. */
export class ArchiveStatusDto {
  @ApiProperty({ format: 'date-time', description: 'Workflows closed before this (less a look-back) are archived' })
  watermark!: string;
  @ApiProperty({ type: 'string', nullable: true, format: 'date-time' }) lastRunAt!: string | null;
  @ApiProperty({ type: 'string', nullable: true }) lastError!: string | null;
  @ApiProperty({ type: 'integer', description: 'Closed cases not archived yet (recently closed)' })
  pendingCases!: number;
  @ApiProperty({ type: 'integer', description: 'Seconds the oldest of them has waited; 0 when none' })
  lagSeconds!: number;
  @ApiProperty({ type: 'integer' }) retentionDays!: number;
}
