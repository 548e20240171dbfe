import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { PROCEDURES, type Procedure } from '../../../workflows/contracts/case-status.js';
import { PACK_IDS, type PackId } from '../../../workflows/contracts/citation.js';
import { CitationDto, TextDto } from '../../common/http/dto/shared-response.dto.js';

export const BREACH_KINDS = ['step-overdue', 'late-application', 'warning'] as const;

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

  @ApiPropertyOptional({ enum: BREACH_KINDS, description: 'warning: 预警 before a breach' })
  @IsOptional()
  @IsIn(BREACH_KINDS)
  kind?: string;

  @ApiPropertyOptional({
    maxLength: 30,
    example: '第五十条',
    description: "The step's article, or a further one it breaches",
  })
  @IsOptional()
  @IsString()
  @MaxLength(30)
  article?: string;

  @ApiPropertyOptional({
    pattern: '^\\d{4}-(0[1-9]|1[0-2])$',
    example: '2026-11',
    description: 'Recorded in this month (Asia/Shanghai)',
  })
  @IsOptional()
  @Matches(/^\d{4}-(0[1-9]|1[0-2])$/)
  month?: string;

  @ApiPropertyOptional({ pattern: '^\\d{4}$', example: '2026', description: 'In this year (Asia/Shanghai)' })
  @IsOptional()
  @Matches(/^\d{4}$/)
  year?: string;
}

/** A body the pack's liability article sends breaches to, besides the data authority. */
export class BreachBodyDto {
  @ApiProperty({ type: TextDto }) body!: TextDto;
  @ApiProperty({ type: CitationDto }) citation!: CitationDto;
}

/** Per department: steps opened, decided, on time, warned and breached, and the working days decisions took. */
export class DepartmentSummaryDto {
  @ApiProperty() department!: string;
  @ApiProperty({ type: 'integer' }) steps!: number;
  @ApiProperty({ type: 'integer' }) decided!: number;
  @ApiProperty({ type: 'integer' }) decidedOnTime!: number;
  @ApiProperty({ type: 'integer' }) warned!: number;
  @ApiProperty({ type: 'integer', description: '催办: urges on these steps’ tasks' }) urges!: number;
  @ApiProperty({ type: 'integer' }) breached!: number;
  @ApiProperty({
    type: 'number',
    format: 'double',
    nullable: true,
    description: 'decidedOnTime / decided; null before any decision',
  })
  onTimeRate!: number | null;
  @ApiProperty({
    type: 'number',
    format: 'double',
    nullable: true,
    description: 'Average working days from a step opening to its decision',
  })
  averageWorkingDays!: number | null;
}

/** A deadline missed (超期), or warned before (预警): which case, which step, which department, under which article. */
export class BreachDto {
  @ApiProperty() id!: string;
  @ApiProperty({ enum: BREACH_KINDS }) kind!: (typeof BREACH_KINDS)[number];
  @ApiProperty() caseId!: string;
  @ApiProperty({ enum: PROCEDURES, enumName: 'Procedure' }) procedure!: Procedure;
  @ApiProperty({ enum: PACK_IDS, enumName: 'PackId' }) pack!: PackId;
  @ApiProperty() step!: string;
  @ApiProperty() department!: string;
  @ApiProperty({ type: CitationDto }) citation!: CitationDto;
  @ApiProperty({
    type: [CitationDto],
    description: 'Further articles the missed period breaches (Chongqing Art. 50(8))',
  })
  alsoUnder!: CitationDto[];
  @ApiProperty({ type: 'integer', nullable: true, description: 'A warning: the working days that were left' })
  workingDaysLeft!: number | null;
  @ApiProperty({ format: 'date-time' }) dueAt!: string;
  @ApiProperty({ format: 'date-time' }) recordedAt!: string;
  @ApiProperty({
    type: BreachBodyDto,
    nullable: true,
    description:
      'Jiangmen-2019 Art. 40, Huarong Art. 35: the body that deals with the breach besides the data authority; null for warnings and elsewhere',
  })
  reportTo!: BreachBodyDto | null;
}
