import { ApiProperty } from '@nestjs/swagger';
import { PROCEDURES, type Procedure } from '../../../workflows/contracts/case-status.js';
import { PACK_IDS, type PackId } from '../../../workflows/contracts/citation.js';
import { EnumField, IdField } from '../../common/http/dto/fields.js';
import { PageQueryDto } from '../../common/http/page-query.dto.js';

export const INCIDENT_STATES = ['open', 'retrying', 'resolved', 'failed-again'] as const;
export type IncidentState = (typeof INCIDENT_STATES)[number];

export class IncidentQueryDto extends PageQueryDto {
  @EnumField(INCIDENT_STATES, {
    optional: true,
    enumName: 'IncidentState',
    description: 'Only incidents in this state',
  })
  state?: IncidentState;

  @IdField({ optional: true, description: 'Only the incidents of this case' })
  caseId?: string;
}

/** A permanent failure of a case's activity (运行异常), and how an operator settled it. */
export class IncidentDto {
  @ApiProperty({ description: "Also the id of the operators' inbox task" }) incidentId!: string;
  @ApiProperty() caseId!: string;
  @ApiProperty({ enum: PROCEDURES, enumName: 'Procedure' }) procedure!: Procedure;
  @ApiProperty({ enum: PACK_IDS, enumName: 'PackId' }) pack!: PackId;
  @ApiProperty({ type: 'string', nullable: true, description: 'The step the case was at' }) stepId!: string | null;
  @ApiProperty({ example: 'recordGrant', description: 'The activity that failed' }) activity!: string;
  @ApiProperty({ example: 'PermanentDataError' }) errorType!: string;
  @ApiProperty() message!: string;
  @ApiProperty({
    enum: INCIDENT_STATES,
    enumName: 'IncidentState',
    description: 'open: waits for an operator; retrying; resolved; failed-again (a new incident followed)',
  })
  state!: IncidentState;
  @ApiProperty({ format: 'date-time' }) openedAt!: string;
  @ApiProperty({ type: 'string', nullable: true }) retriedBy!: string | null;
  @ApiProperty({ type: 'string', nullable: true, format: 'date-time' }) retriedAt!: string | null;
  @ApiProperty({ type: 'string', nullable: true, format: 'date-time' }) settledAt!: string | null;
}

export class IncidentPageDto {
  @ApiProperty({ type: [IncidentDto] }) items!: IncidentDto[];
  @ApiProperty({ type: 'string', nullable: true }) nextCursor!: string | null;
}
