import { DECISIONS, type Decision } from '../../../workflows/contracts/decisions.js';
import {
  EnumField,
  IdField,
  InstantField,
  QueryFlagField,
  IntegerField,
  TextField,
  TextMapField,
} from '../../common/http/dto/fields.js';
import { CaseListQueryDto } from '../../common/http/page-query.dto.js';
import { TASK_KINDS } from '../../cases/dto/case-status.dto.js';

const OPINION_ROLES = ['reviewer', 'principal', 'disclosure-head', 'authority', 'service-unit'] as const;

export class ListTasksQueryDto extends CaseListQueryDto {
  @EnumField(TASK_KINDS, { optional: true, enumName: 'TaskKind' })
  kind?: string;

  @InstantField({ optional: true, description: 'Only tasks due before this instant (with its offset)' })
  dueBefore?: string;

  @QueryFlagField()
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

export class CompleteTaskQueryDto {
  @QueryFlagField({
    description:
      "A step's decision: answer once the case waits again (its next step open, or closed) instead of as soon as the decision is recorded (`settling: true`)",
  })
  settled?: boolean;
}

export class RequestExtensionDto {
  @IntegerField({ min: 1, max: 60, example: 5 })
  workingDays!: number;

  @TextField({ min: 2, max: 2000, example: '需协调多个业务系统核对数据' })
  reason!: string;
}

/** 转办: hand the task to a colleague of the same department and role. */
export class TransferTaskDto {
  @IdField({ example: 'jm-market-sun', description: "The colleague's user id (their token's `sub`)" })
  to!: string;

  @TextField({ optional: true, max: 100, example: '孙丽（市市场监管局）' })
  toName?: string;

  @TextField({ min: 2, max: 2000, example: '本人出差，转同科室办理' })
  reason!: string;
}

/** 委派: ask a colleague for an opinion; the task comes back to the delegator to decide. */
export class DelegateTaskDto {
  @IdField({ example: 'jm-market-wang', description: "The colleague's user id (their token's `sub`)" })
  to!: string;

  @TextField({ optional: true, max: 100, example: '王芳（市市场监管局）' })
  toName?: string;

  @EnumField(OPINION_ROLES, {
    enumName: 'OpinionRole',
    description: "The colleague's role, whose inbox shows the task",
  })
  toRole!: (typeof OPINION_ROLES)[number];

  @TextField({ min: 2, max: 2000, example: '请核实该数据项是否涉及个人隐私' })
  request!: string;
}
