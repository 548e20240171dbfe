import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsOptional, Matches, MaxLength } from 'class-validator';
import { PROCEDURES } from '../../../workflows/contracts/case-status.js';
import { PACK_IDS } from '../../../workflows/contracts/citation.js';
import { EnumField, IntegerField } from './dto/fields.js';

/** Keyset pagination: the cursor of the previous page and the page size. */
export class PageQueryDto {
  @ApiPropertyOptional({ description: 'nextCursor of the previous page', maxLength: 500, pattern: '^[A-Za-z0-9_-]+$' })
  @IsOptional()
  @MaxLength(500)
  @Matches(/^[A-Za-z0-9_-]+$/, { message: 'cursor must be a nextCursor returned by this endpoint' })
  cursor?: string;

  @IntegerField({ optional: true, min: 1, max: 100, description: 'Page size (default 20)' })
  @Type(() => Number)
  limit?: number;
}

/** Keyset pagination and the procedure/pack filters that case and task lists share. */
export class CaseListQueryDto extends PageQueryDto {
  @EnumField(PROCEDURES, { optional: true, enumName: 'Procedure' })
  procedure?: string;

  @EnumField(PACK_IDS, { optional: true, enumName: 'PackId' })
  pack?: string;
}
