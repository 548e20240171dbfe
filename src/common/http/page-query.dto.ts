import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { PROCEDURES } from '../../../workflows/contracts/case-status.js';
import { PACK_IDS } from '../../../workflows/contracts/citation.js';


/** Keyset pagination and the procedure/pack filters that case and task lists share. */
export class CaseListQueryDto {
  @ApiPropertyOptional({ enum: PROCEDURES })
  @IsOptional() @IsIn(PROCEDURES)
  procedure?: string;

  @ApiPropertyOptional({ enum: PACK_IDS })
  @IsOptional() @IsIn(PACK_IDS)
  pack?: string;

  @ApiPropertyOptional({ description: 'nextCursor of the previous page' })
  @IsOptional() @IsString() @MaxLength(500)
  cursor?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 20 })
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(100)
  limit?: number;
}
