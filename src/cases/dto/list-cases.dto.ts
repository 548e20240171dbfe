import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { PACK_IDS } from '../../../workflows/contracts/citation.js';

export class ListCasesQueryDto {
  @ApiPropertyOptional({ example: 'share-request' })
  @IsOptional() @IsIn(['share-request', 'correction'])
  procedure?: string;

  @ApiPropertyOptional({ enum: PACK_IDS })
  @IsOptional() @IsIn(PACK_IDS)
  pack?: string;

  @ApiPropertyOptional({ example: 'under-review' })
  @IsOptional() @IsString() @MaxLength(50)
  state?: string;

  @ApiPropertyOptional({ description: 'nextCursor of the previous page' })
  @IsOptional() @IsString() @MaxLength(500)
  cursor?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 20 })
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(100)
  limit?: number;
}
