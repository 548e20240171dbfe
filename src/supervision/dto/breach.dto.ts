import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { PROCEDURES, type Procedure } from '../../../workflows/contracts/case-status.js';
import { PACK_IDS, type PackId } from '../../../workflows/contracts/citation.js';
import { CitationDto } from '../../common/http/dto/shared-response.dto.js';

export const BREACH_KINDS = ['step-overdue', 'late-application'] as const;

export class BreachQueryDto {
  @ApiPropertyOptional({ maxLength: 100 })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  department?: string;

  @ApiPropertyOptional({ enum: PROCEDURES, enumName: 'Procedure' })
  @IsOptional()
  @IsIn(PROCEDURES)
  procedure?: string;

  @ApiPropertyOptional({ enum: PACK_IDS, enumName: 'PackId' })
  @IsOptional()
  @IsIn(PACK_IDS)
  pack?: string;

  @ApiPropertyOptional({ enum: BREACH_KINDS })
  @IsOptional()
  @IsIn(BREACH_KINDS)
  kind?: string;
}

/** A deadline missed (超期): which case, which step, which department, under which article. */
export class BreachDto {
  @ApiProperty() id!: string;
  @ApiProperty({ enum: BREACH_KINDS }) kind!: (typeof BREACH_KINDS)[number];
  @ApiProperty() caseId!: string;
  @ApiProperty({ enum: PROCEDURES, enumName: 'Procedure' }) procedure!: Procedure;
  @ApiProperty({ enum: PACK_IDS, enumName: 'PackId' }) pack!: PackId;
  @ApiProperty() step!: string;
  @ApiProperty() department!: string;
  @ApiProperty({ type: CitationDto }) citation!: CitationDto;
  @ApiProperty({ format: 'date-time' }) dueAt!: string;
  @ApiProperty({ format: 'date-time' }) recordedAt!: string;
}
