import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ROLES, type Role } from '../../../workflows/contracts/actor.js';
import { CATALOG_TRIGGER_KINDS, OPEN_TYPES, SHARE_TYPES } from '../../../workflows/contracts/catalog-update.js';
import { PROCEDURES, type Procedure, type TaskKind } from '../../../workflows/contracts/case-status.js';
import { PACK_IDS, type PackId } from '../../../workflows/contracts/citation.js';
import { ActorDto, CitationDto } from '../../common/http/dto/shared-response.dto.js';

export const TASK_KINDS: readonly TaskKind[] = ['decision', 'extension-approval', 'escalation', 'incident', 'opinion'];

export class DueChangeDto {
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiProperty({ format: 'date-time' }) previousDueAt!: string;
  @ApiProperty() previousProvisional!: boolean;
  @ApiProperty({ format: 'date-time' }) dueAt!: string;
  @ApiProperty() provisional!: boolean;
  @ApiProperty({ type: 'integer' }) year!: number;
  @ApiProperty({ type: () => [NoticeLinkDto] }) notices!: NoticeLinkDto[];
}

export class NoticeLinkDto {
  @ApiProperty() title!: string;
  @ApiProperty() url!: string;
}

export class DueWarningPointDto {
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiProperty({ type: 'integer' }) workingDays!: number;
}

/** A due date with what it rests on. */
export class StepDueDto {
  @ApiProperty({ example: '2026-02-24', description: 'Last working day of the period (Asia/Shanghai)' })
  dueDate!: string;
  @ApiProperty({ format: 'date-time', description: '24:00 Asia/Shanghai at the end of dueDate' }) dueAt!: string;
  @ApiProperty({ description: 'The count reaches into a year with no loaded holiday schedule' }) provisional!: boolean;
  @ApiProperty({ type: 'integer', isArray: true }) provisionalYears!: number[];
  @ApiProperty({
    enum: ['statutory', 'administrative'],
    description: 'An article, or an administrative target where the text sets no deadline',
  })
  basis!: 'statutory' | 'administrative';
  @ApiProperty({ type: 'integer' }) workingDays!: number;
  @ApiProperty({ format: 'date-time', description: 'The instant the period runs from' }) from!: string;
  @ApiProperty({ type: CitationDto }) citation!: CitationDto;
  @ApiPropertyOptional({ type: 'integer', description: 'Working days counted from `from`, where not workingDays' })
  counted?: number;
  @ApiPropertyOptional({
    type: 'integer',
    minimum: 1,
    maximum: 12,
    description: 'A calendar-month deadline (「1月底前」)',
  })
  monthEnd?: number;
  @ApiPropertyOptional({ type: [DueChangeDto] }) changes?: DueChangeDto[];
  @ApiPropertyOptional({
    type: () => DueWarningPointDto,
    description: '预警: from `at` only `workingDays` working days are left; absent for periods no longer than that',
  })
  warning?: DueWarningPointDto;
}

export class DecisionRecordDto {
  @ApiProperty() taskId!: string;
  @ApiProperty() stepId!: string;
  @ApiProperty({ example: 'approve' }) decision!: string;
  @ApiPropertyOptional() reasons?: string;
  @ApiProperty({ type: ActorDto }) actor!: ActorDto;
  @ApiProperty({ format: 'date-time' }) decidedAt!: string;
  @ApiPropertyOptional({ type: 'object', additionalProperties: { type: 'string' } }) details?: Record<string, string>;
}

export class ExtensionStatusDto {
  @ApiProperty({ enum: ['requested', 'approved', 'refused', 'lapsed'] }) state!:
    'requested' | 'approved' | 'refused' | 'lapsed';
  @ApiProperty({ type: ActorDto }) requestedBy!: ActorDto;
  @ApiProperty({ format: 'date-time' }) requestedAt!: string;
  @ApiProperty({ type: 'integer' }) requestedWorkingDays!: number;
  @ApiProperty() reason!: string;
  @ApiProperty() approvalTaskId!: string;
  @ApiProperty({ type: 'integer' }) maxWorkingDays!: number;
  @ApiProperty({ type: CitationDto }) citation!: CitationDto;
  @ApiPropertyOptional({ type: 'integer' }) approvedWorkingDays?: number;
  @ApiPropertyOptional({ type: ActorDto }) decidedBy?: ActorDto;
  @ApiPropertyOptional({ format: 'date-time' }) decidedAt?: string;
  @ApiPropertyOptional() decisionReasons?: string;
  @ApiPropertyOptional({ type: StepDueDto }) originalDue?: StepDueDto;
}

/** 预警 (yellow card): the working days left reached the warning threshold. */
export class WarningRecordDto {
  @ApiProperty({ format: 'date-time' }) recordedAt!: string;
  @ApiProperty({ format: 'date-time' }) dueAt!: string;
  @ApiProperty({ type: 'integer' }) workingDaysLeft!: number;
  @ApiProperty({ type: CitationDto }) citation!: CitationDto;
}

export class BreachRecordDto {
  @ApiProperty({ format: 'date-time' }) recordedAt!: string;
  @ApiProperty({ format: 'date-time' }) dueAt!: string;
  @ApiProperty({ type: CitationDto }) citation!: CitationDto;
  @ApiPropertyOptional({
    type: [CitationDto],
    description: 'Further articles the missed period breaches (Chongqing Art. 50(8))',
  })
  alsoUnder?: CitationDto[];
  @ApiPropertyOptional({
    description: "The authority's escalation task; absent when the overdue step is the authority's own",
  })
  escalationTaskId?: string;
}

export class ClockStatusDto {
  @ApiProperty({
    enum: ['running', 'paused', 'awaiting-supplement', 'stopped'],
    description: 'stopped: the step is decided',
  })
  state!: 'running' | 'paused' | 'awaiting-supplement' | 'stopped';
  @ApiPropertyOptional() reason?: string;
  @ApiPropertyOptional({ format: 'date-time' }) since?: string;
  @ApiPropertyOptional({ type: CitationDto }) citation?: CitationDto;
  @ApiPropertyOptional({ type: 'integer' }) workingDaysLeft?: number;
  @ApiPropertyOptional({
    format: 'date-time',
    description: "A consultation: the third party's time to answer ends here; the clock then runs again by itself",
  })
  answerBy?: string;
  @ApiPropertyOptional({ type: CitationDto }) answerByCitation?: CitationDto;
}

/** A finished consultation of a third party (the clock was stopped meanwhile). */
export class ConsultationRecordDto {
  @ApiProperty() reason!: string;
  @ApiProperty({ format: 'date-time' }) since!: string;
  @ApiProperty({ format: 'date-time' }) endedAt!: string;
  @ApiProperty({
    enum: ['resumed', 'lapsed'],
    description: 'lapsed: the third party did not answer in time and the clock resumed by itself',
  })
  outcome!: 'resumed' | 'lapsed';
  @ApiPropertyOptional() text?: string;
  @ApiPropertyOptional({ type: CitationDto }) citation?: CitationDto;
}

export class SupplementStatusDto {
  @ApiProperty({ format: 'date-time', description: 'A supplement must be asked for before this instant' })
  requestBefore!: string;
  @ApiProperty({ type: CitationDto }) citation!: CitationDto;
  @ApiPropertyOptional({ format: 'date-time' }) requestedAt?: string;
  @ApiPropertyOptional({ type: ActorDto }) requestedBy?: ActorDto;
  @ApiPropertyOptional() reason?: string;
  @ApiPropertyOptional({
    format: 'date-time',
    description: '条例 第三十条: without a supplement by then, the application is deemed withdrawn',
  })
  supplyBy?: string;
  @ApiPropertyOptional({ type: 'integer' }) supplyWithinWorkingDays?: number;
  @ApiPropertyOptional({ format: 'date-time' }) receivedAt?: string;
  @ApiPropertyOptional() content?: string;
}

export class UrgeRecordDto {
  @ApiProperty({ type: ActorDto }) actor!: ActorDto;
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiProperty({ example: '2026-12-02', description: 'The working day the urge counts for' }) workingDay!: string;
  @ApiPropertyOptional() note?: string;
}

export class ReadReceiptDto {
  @ApiProperty({ type: ActorDto }) by!: ActorDto;
  @ApiProperty({ format: 'date-time' }) at!: string;
}

export class CaseCommentDto {
  @ApiProperty({ type: ActorDto }) actor!: ActorDto;
  @ApiProperty() text!: string;
  @ApiProperty({ format: 'date-time' }) at!: string;
}

export class ColleagueDto {
  @ApiProperty() id!: string;
  @ApiPropertyOptional() name?: string;
}

export class TransferRecordDto {
  @ApiProperty({ type: ActorDto }) from!: ActorDto;
  @ApiProperty({ type: ColleagueDto }) to!: ColleagueDto;
  @ApiProperty() reason!: string;
  @ApiProperty({ format: 'date-time' }) at!: string;
}

export class DelegateDto extends ColleagueDto {
  @ApiProperty({ enum: ROLES, enumName: 'Role' }) role!: Role;
}

export class DelegationRecordDto {
  @ApiProperty({ description: "The colleague's opinion task" }) taskId!: string;
  @ApiProperty({ type: ActorDto }) by!: ActorDto;
  @ApiProperty({ type: DelegateDto }) to!: DelegateDto;
  @ApiProperty() request!: string;
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiProperty({ enum: ['open', 'returned', 'cancelled'] }) state!: 'open' | 'returned' | 'cancelled';
  @ApiPropertyOptional() opinion?: string;
  @ApiPropertyOptional({ format: 'date-time' }) returnedAt?: string;
}

export class StepStatusDto {
  @ApiProperty({ example: 'provider-review' }) stepId!: string;
  @ApiProperty() taskId!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ enum: ROLES, enumName: 'Role' }) actorRole!: Role;
  @ApiProperty() actorDepartment!: string;
  @ApiProperty({ enum: ['open', 'done'] }) state!: 'open' | 'done';
  @ApiProperty({ format: 'date-time' }) openedAt!: string;
  @ApiProperty({ type: StepDueDto }) due!: StepDueDto;
  @ApiProperty() overdue!: boolean;
  @ApiProperty({ type: ClockStatusDto }) clock!: ClockStatusDto;
  @ApiPropertyOptional({ type: SupplementStatusDto }) supplement?: SupplementStatusDto;
  @ApiPropertyOptional({ type: [ConsultationRecordDto] }) consultations?: ConsultationRecordDto[];
  @ApiPropertyOptional({ type: WarningRecordDto }) warning?: WarningRecordDto;
  @ApiPropertyOptional({ type: BreachRecordDto }) breach?: BreachRecordDto;
  @ApiPropertyOptional({ type: ExtensionStatusDto }) extension?: ExtensionStatusDto;
  @ApiPropertyOptional({
    type: DecisionRecordDto,
    description: 'Also how a step ended without a decision: `withdrawn` (撤销), `terminated` (终止), `abandoned`',
  })
  decision?: DecisionRecordDto;
  @ApiPropertyOptional({ type: [UrgeRecordDto], description: '催办: each urge on this step' })
  urges?: UrgeRecordDto[];
  @ApiPropertyOptional({ type: ReadReceiptDto, description: '已阅: when a reviewer who may decide it first opened it' })
  read?: ReadReceiptDto;
  @ApiPropertyOptional({ type: ColleagueDto, description: '转办: who holds the task after the last transfer' })
  assignee?: ColleagueDto;
  @ApiPropertyOptional({ type: [TransferRecordDto] }) transfers?: TransferRecordDto[];
  @ApiPropertyOptional({ type: [DelegationRecordDto], description: '委派: opinions asked of colleagues' })
  delegations?: DelegationRecordDto[];
}

export class WaitingForDto {
  @ApiProperty() taskId!: string;
  @ApiProperty({ enum: TASK_KINDS, enumName: 'TaskKind' }) kind!: TaskKind;
  @ApiProperty({ enum: ROLES, enumName: 'Role' }) role!: Role;
  @ApiProperty() department!: string;
  @ApiProperty({ format: 'date-time' }) dueAt!: string;
}

export class CatalogVersionRefDto {
  @ApiProperty() entryId!: string;
  @ApiProperty({ type: 'integer' }) version!: number;
}

export class CorrectionRecordDto {
  @ApiProperty() whatChanged!: string;
  @ApiProperty({ format: 'date-time' }) correctedAt!: string;
  @ApiProperty() correctedBy!: string;
}

export class CaseOutcomeDto {
  @ApiProperty({ example: 'granted' }) kind!: string;
  @ApiProperty() text!: string;
  @ApiPropertyOptional() reasons?: string;
  @ApiPropertyOptional() grantId?: string;
  @ApiPropertyOptional() pendingCatalogChangeId?: string;
  @ApiPropertyOptional({ description: 'The P3 case that will apply the catalog change asked for here' })
  catalogUpdateCaseId?: string;
  @ApiPropertyOptional({ type: [CatalogVersionRefDto] }) catalogVersions?: CatalogVersionRefDto[];
  @ApiPropertyOptional({ type: CorrectionRecordDto }) correction?: CorrectionRecordDto;
  @ApiPropertyOptional({ type: CitationDto }) citation?: CitationDto;
  @ApiPropertyOptional({ type: ActorDto, description: '撤销 / 终止: who closed the case' }) stoppedBy?: ActorDto;
  @ApiPropertyOptional({ description: '终止: what the termination rests on' }) basis?: string;
}

export class DataItemDto {
  @ApiProperty({ example: 'uscc' }) key!: string;
  @ApiProperty({ example: '统一社会信用代码' }) name!: string;
}

/** The catalog fields a change may set; every one optional. */
export class CatalogFieldsChangeDto {
  @ApiPropertyOptional() title?: string;
  @ApiPropertyOptional() providerDepartmentId?: string;
  @ApiPropertyOptional({ type: [DataItemDto] }) dataItems?: DataItemDto[];
  @ApiPropertyOptional({ enum: SHARE_TYPES, enumName: 'ShareType' }) shareType?: (typeof SHARE_TYPES)[number];
  @ApiPropertyOptional({ type: 'string', nullable: true }) shareConditions?: string | null;
  @ApiPropertyOptional({ type: 'string', nullable: true }) legalBasis?: string | null;
  @ApiPropertyOptional({ enum: OPEN_TYPES, enumName: 'OpenType' }) openType?: (typeof OPEN_TYPES)[number];
  @ApiPropertyOptional() updateFrequency?: string;
}

export class CatalogTriggerDto {
  @ApiProperty({ enum: CATALOG_TRIGGER_KINDS }) kind!: (typeof CATALOG_TRIGGER_KINDS)[number];
  @ApiProperty({ example: '2026-11-20' }) date!: string;
  @ApiProperty() description!: string;
}

export class CatalogChangeOriginDto {
  @ApiProperty() caseId!: string;
  @ApiProperty({ enum: PROCEDURES, enumName: 'Procedure' }) procedure!: Procedure;
  @ApiProperty() pendingChangeId!: string;
}

export class RequestedEntryChangeDto {
  @ApiProperty() entryId!: string;
  @ApiProperty({ type: 'integer' }) baseVersion!: number;
  @ApiProperty({ type: CatalogFieldsChangeDto }) change!: CatalogFieldsChangeDto;
}

export class CatalogApplicationDto {
  @ApiProperty({ format: 'date-time' }) dueAt!: string;
  @ApiProperty() dueDate!: string;
  @ApiProperty() provisional!: boolean;
  @ApiProperty() late!: boolean;
  @ApiProperty({ type: CitationDto }) citation!: CitationDto;
  @ApiPropertyOptional({ type: CitationDto }) breachCitation?: CitationDto;
}

export class CatalogUpdateStatusDto {
  @ApiProperty({ type: CatalogTriggerDto }) trigger!: CatalogTriggerDto;
  @ApiProperty({ type: [RequestedEntryChangeDto] }) changes!: RequestedEntryChangeDto[];
  @ApiPropertyOptional({ type: CatalogChangeOriginDto }) origin?: CatalogChangeOriginDto;
  @ApiPropertyOptional({
    type: CatalogApplicationDto,
    description: 'Chongqing Art. 14 ¶1: whether the application itself was on time',
  })
  application?: CatalogApplicationDto;
}

export class LinkedCatalogChangeDto {
  @ApiProperty() changeId!: string;
  @ApiProperty({ enum: ['pending', 'applied', 'refused'] }) status!: 'pending' | 'applied' | 'refused';
  @ApiProperty({ type: 'string', nullable: true }) catalogUpdateCaseId!: string | null;
  @ApiProperty({ type: 'string', nullable: true, format: 'date-time' }) settledAt!: string | null;
}

export class CaseNoticeDto {
  @ApiProperty() text!: string;
  @ApiProperty({ type: CitationDto }) citation!: CitationDto;
}

/** A case as its applicant, its reviewers and supervisors see it. */
export class CaseStatusDto {
  @ApiProperty({ example: 'share-0b6f…' }) caseId!: string;
  @ApiProperty({ enum: PROCEDURES, enumName: 'Procedure' }) procedure!: Procedure;
  @ApiProperty({ enum: PACK_IDS, enumName: 'PackId' }) pack!: PackId;
  @ApiProperty({ example: 'under-review' }) state!: string;
  @ApiProperty({ example: '提供部门审核中' }) stateText!: string;
  @ApiProperty({ format: 'date-time' }) receivedAt!: string;
  @ApiProperty({ type: ActorDto }) applicant!: ActorDto;
  @ApiProperty({ type: [StepStatusDto] }) steps!: StepStatusDto[];
  @ApiProperty({ type: [WaitingForDto], description: 'Who must act now, with their deadlines' })
  waitingFor!: WaitingForDto[];
  @ApiPropertyOptional({ type: CaseOutcomeDto }) outcome?: CaseOutcomeDto;
  @ApiPropertyOptional({ type: CatalogUpdateStatusDto }) catalogUpdate?: CatalogUpdateStatusDto;
  @ApiPropertyOptional({ type: LinkedCatalogChangeDto }) linkedCatalogChange?: LinkedCatalogChangeDto;
  @ApiProperty({ type: [CaseNoticeDto] }) notices!: CaseNoticeDto[];
  @ApiPropertyOptional({
    type: () => [CaseIncidentDto],
    description:
      "Permanent failures of the platform in this case and how operators settled them; while one is open the case's state is `incident`",
  })
  incidents?: CaseIncidentDto[];
  @ApiPropertyOptional({ type: [CaseCommentDto], description: '沟通: comments of the participants, oldest first' })
  comments?: CaseCommentDto[];
  @ApiPropertyOptional({
    description:
      'true in the reply to a decision: recorded, and the case moves on from it (next step or close) a moment later; read the case again, or decide with `settled=true`, to see where it waits next',
  })
  settling?: boolean;
  @ApiProperty() closed!: boolean;
}

export class IncidentErrorDto {
  @ApiProperty({ example: 'PermanentDataError' }) type!: string;
  @ApiProperty() message!: string;
}

export class CaseIncidentDto {
  @ApiProperty() incidentId!: string;
  @ApiProperty({ description: "The operators' inbox task" }) taskId!: string;
  @ApiProperty({ enum: ['open', 'retrying', 'resolved', 'failed-again'], enumName: 'IncidentState' })
  state!: 'open' | 'retrying' | 'resolved' | 'failed-again';
  @ApiProperty({ type: 'string', nullable: true }) stepId!: string | null;
  @ApiProperty({ example: 'recordGrant' }) activity!: string;
  @ApiProperty({ type: IncidentErrorDto }) error!: IncidentErrorDto;
  @ApiProperty({ format: 'date-time' }) openedAt!: string;
  @ApiPropertyOptional() retriedBy?: string;
  @ApiPropertyOptional({ format: 'date-time' }) retriedAt?: string;
  @ApiPropertyOptional({ format: 'date-time' }) settledAt?: string;
}

/** One row of GET /cases. */
export class CaseSummaryDto {
  @ApiProperty() caseId!: string;
  @ApiProperty({ enum: PROCEDURES, enumName: 'Procedure' }) procedure!: Procedure;
  @ApiProperty({ enum: PACK_IDS, enumName: 'PackId' }) pack!: PackId;
  @ApiProperty() state!: string;
  @ApiProperty({ type: 'string', nullable: true }) currentStep!: string | null;
  @ApiProperty({ type: 'string', nullable: true }) resourceId!: string | null;
  @ApiProperty() applicantId!: string;
  @ApiProperty({ format: 'date-time' }) receivedAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

export class CasePageDto {
  @ApiProperty({ type: [CaseSummaryDto] }) items!: CaseSummaryDto[];
  @ApiProperty({ type: 'string', nullable: true, description: 'Pass as cursor for the next page; null on the last' })
  nextCursor!: string | null;
}
