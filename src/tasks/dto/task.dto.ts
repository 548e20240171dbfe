import { ApiPropertyOptional, ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsISO8601, IsObject, IsOptional, IsString, Max, MaxLength, Min, MinLength } from 'class-validator';
import { CaseListQueryDto } from '../../common/http/page-query.dto.js';

export class ListTasksQueryDto extends CaseListQueryDto {
  @ApiPropertyOptional({ enum: ['decision', 'extension-approval', 'escalation'] })
  @IsOptional() @IsIn(['decision', 'extension-approval', 'escalation'])
  kind?: string;

  @ApiPropertyOptional({ description: 'Only tasks due before this instant' })
  @IsOptional() @IsISO8601({ strict: true })
  dueBefore?: string;

  @ApiPropertyOptional()
  @IsOptional() @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value)) @IsBoolean()
  overdue?: boolean;
}

const TASK_DECISIONS = ['approve', 'refuse', 'acknowledge', 'confirm', 'not-an-error', 'corrected', 'dispatch', 'provided', 'reasonable', 'unreasonable', 'submit'];

export class CompleteTaskDto {
  @ApiProperty({
    example: 'approve',
    enum: TASK_DECISIONS,
    description: 'approve | refuse (reviews, objections, extension approvals); confirm | not-an-error | corrected | dispatch (corrections); provided (interface requests); submit (annual reports, with details.report); acknowledge (escalations)',
  })
  @IsIn(TASK_DECISIONS)
  decision!: string;

  @ApiPropertyOptional({ description: 'Reasons; required for refusals' })
  @IsOptional() @IsString() @MaxLength(4000)
  reasons?: string;

  @ApiPropertyOptional({ description: 'Extension approvals: working days granted (defaults to those requested)' })
  @IsOptional() @IsInt() @Min(1) @Max(60)
  workingDays?: number;

  @ApiPropertyOptional({ example: { manner: 'interface' }, description: 'Quanzhou agency decision: manner and, for batch exchange, mannerReason' })
  @IsOptional() @IsObject()
  @Transform(({ value }) => value)
  details?: Record<string, string>;
}

export class RequestExtensionDto {
  @ApiProperty({ example: 5 })
  @IsInt() @Min(1) @Max(60)
  workingDays!: number;

  @ApiProperty({ example: '需协调多个业务系统核对数据' })
  @IsString() @MinLength(2) @MaxLength(2000)
  reason!: string;
}
