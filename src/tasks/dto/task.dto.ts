import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional } from 'class-validator';
import { DECISIONS, type Decision } from '../../../workflows/contracts/decisions.js';
import { EnumField, InstantField, IntegerField, TextField, TextMapField } from '../../common/http/dto/fields.js';
import { CaseListQueryDto } from '../../common/http/page-query.dto.js';
import { TASK_KINDS } from '../../cases/dto/case-status.dto.js';

export class ListTasksQueryDto extends CaseListQueryDto {
  @EnumField(TASK_KINDS, { optional: true, enumName: 'TaskKind' })
  kind?: string;

  @InstantField({ optional: true, description: 'Only tasks due before this instant (with its offset)' })
  dueBefore?: string;

  @ApiPropertyOptional({ type: 'boolean' })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  overdue?: boolean;
}

export class CompleteTaskDto {
  @EnumField(DECISIONS, {
    enumName: 'Decision',
    example: 'approve',
    description:
      "One of the task's `decisionSchema.options` (GET /tasks/:id): each says whether reasons are required and which details it takes",
  })
  decision!: Decision;

  @TextField({ optional: true, max: 4000, description: 'Reasons; required where the option says so' })
  reasons?: string;

  @IntegerField({
    optional: true,
    min: 1,
    max: 60,
    description: 'Extension approvals: working days granted (defaults to those requested)',
  })
  workingDays?: number;

  @TextMapField({
    optional: true,
    max: 2000,
    example: { manner: 'interface' },
    description: "The details the chosen decision takes (its option's `details` in the task's decisionSchema)",
  })
  details?: Record<string, string>;
}

export class RequestExtensionDto {
  @IntegerField({ min: 1, max: 60, example: 5 })
  workingDays!: number;

  @TextField({ min: 2, max: 2000, example: '需协调多个业务系统核对数据' })
  reason!: string;
}
