import { ApiProperty } from '@nestjs/swagger';

export class ScheduleActionDto {
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiProperty() workflowId!: string;
}

/** The yearly P7 schedule as Temporal holds it. */
export class ScheduleSummaryDto {
  @ApiProperty() scheduleId!: string;
  @ApiProperty({ type: 'string', format: 'date-time', isArray: true }) nextActionTimes!: string[];
  @ApiProperty({ type: [ScheduleActionDto] }) recentActions!: ScheduleActionDto[];
  @ApiProperty() paused!: boolean;
}

export class ScheduleTriggeredDto {
  @ApiProperty() scheduleId!: string;
}
