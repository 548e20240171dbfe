import { ApiExtraModels, ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ROLES, type Role } from '../../../workflows/contracts/actor.js';
import { PROCEDURES, type Procedure, type TaskKind } from '../../../workflows/contracts/case-status.js';
import { PACK_IDS, type PackId } from '../../../workflows/contracts/citation.js';
import { TASK_KINDS } from '../../cases/dto/case-status.dto.js';
import { DepartmentSummaryDto } from '../../supervision/dto/breach.dto.js';
import { DECISIONS, type Decision } from '../../../workflows/contracts/decisions.js';
import { CitationDto, TextDto } from '../../common/http/dto/shared-response.dto.js';

export class RequirementDto {
  @ApiProperty({
    enum: ['invalid', 'notAllowed'],
    description: 'invalid → 400; notAllowed (the law asks for it) → 422',
  })
  kind!: 'invalid' | 'notAllowed';
  @ApiProperty({ example: 'BASIS_REQUIRED' }) code!: string;
  @ApiProperty({ type: TextDto }) text!: TextDto;
}

export class DetailWhenDto {
  @ApiProperty() whenDetail!: string;
  @ApiProperty() equals!: string;
}

export class DetailRuleDto {
  @ApiProperty({ example: 'basis' }) key!: string;
  @ApiProperty({ oneOf: [{ type: 'boolean' }, { $ref: '#/components/schemas/DetailWhenDto' }] })
  required!: boolean | DetailWhenDto;
  @ApiPropertyOptional({ type: [String] }) oneOf?: readonly string[];
  @ApiProperty({ type: RequirementDto }) missing!: RequirementDto;
}

@ApiExtraModels(DetailWhenDto)
export class DecisionOptionDto {
  @ApiProperty({ enum: DECISIONS, enumName: 'Decision' }) decision!: Decision;
  @ApiPropertyOptional({ type: RequirementDto, description: 'Present when reasons must come with this decision' })
  reasons?: RequirementDto;
  @ApiProperty({ type: [DetailRuleDto] }) details!: readonly DetailRuleDto[];
}

/** What the task accepts: the form a console builds for it. */
export class DecisionSchemaDto {
  @ApiProperty({ type: [DecisionOptionDto] }) options!: readonly DecisionOptionDto[];
}

/** An inbox task: what to decide, for whom, by when and on which article. */
export class TaskDto {
  @ApiProperty() id!: string;
  @ApiProperty() caseId!: string;
  @ApiProperty({ enum: PROCEDURES, enumName: 'Procedure' }) procedure!: Procedure;
  @ApiProperty({ enum: PACK_IDS, enumName: 'PackId' }) pack!: PackId;
  @ApiProperty() stepId!: string;
  @ApiProperty({ enum: TASK_KINDS, enumName: 'TaskKind' }) kind!: TaskKind;
  @ApiProperty() title!: string;
  @ApiProperty({ enum: ROLES, enumName: 'Role' }) role!: Role;
  @ApiProperty() department!: string;
  @ApiProperty({ format: 'date-time' }) dueAt!: string;
  @ApiProperty({ example: '2026-02-24' }) dueDate!: string;
  @ApiProperty({ enum: ['statutory', 'administrative'] }) dueBasis!: 'statutory' | 'administrative';
  @ApiProperty({ type: CitationDto }) citation!: CitationDto;
  @ApiProperty() provisional!: boolean;
  @ApiProperty() overdue!: boolean;
  @ApiProperty({
    type: 'string',
    format: 'date-time',
    nullable: true,
    description: '预警: when the working days left reached the warning threshold',
  })
  warnedAt!: string | null;
  @ApiProperty({ enum: ['open', 'completed', 'cancelled'] }) status!: 'open' | 'completed' | 'cancelled';
  @ApiProperty({ type: 'string', nullable: true }) claimedBy!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({
    type: DecisionSchemaDto,
    nullable: true,
    description: 'Null for tasks opened before schemas were kept',
  })
  decisionSchema!: DecisionSchemaDto | null;
  @ApiProperty({ type: 'integer', description: '催办: how often the applicant or a supervisor urged this task' })
  urgeCount!: number;
  @ApiProperty({ type: 'string', format: 'date-time', nullable: true }) lastUrgedAt!: string | null;
  @ApiProperty({
    type: 'string',
    nullable: true,
    description: '已阅: the first reviewer who may decide the task to open it',
  })
  readBy!: string | null;
  @ApiProperty({ type: 'string', format: 'date-time', nullable: true }) readAt!: string | null;
  @ApiProperty({
    type: 'integer',
    nullable: true,
    description:
      'Open tasks: working days left today (when it is one) through the due date, on the holiday calendar; 1 on the last day, 0 once past. Null once closed',
  })
  workingDaysLeft!: number | null;
  @ApiPropertyOptional({
    type: DepartmentSummaryDto,
    description:
      'P7 department report (Chongqing Art. 47): the department’s figures for the year reported on, to pre-fill the report',
  })
  reportFigures?: DepartmentSummaryDto;
}

export class TaskPageDto {
  @ApiProperty({ type: [TaskDto] }) items!: TaskDto[];
  @ApiProperty({ type: 'string', nullable: true, description: 'Pass as cursor for the next page; null on the last' })
  nextCursor!: string | null;
}
