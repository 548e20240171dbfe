import { ApiProperty } from '@nestjs/swagger';

export class HolidayNoticeResponseDto {
  @ApiProperty({ example: '国务院办公厅关于2026年部分节假日安排的通知' }) title!: string;
  @ApiProperty() url!: string;
  @ApiProperty({ example: '2025-11-04' }) publishedOn!: string;
}

export class HolidayDayResponseDto {
  @ApiProperty({ example: '2026-02-16' }) date!: string;
  @ApiProperty({ enum: ['off', 'workday'], description: 'off = 放假; workday = 调休上班' }) kind!: 'off' | 'workday';
  @ApiProperty({ example: '春节' }) name!: string;
}

/** A year's holiday schedule as loaded, with its revision. */
export class HolidayYearDto {
  @ApiProperty({ type: 'integer', example: 2026 }) year!: number;
  @ApiProperty({ type: [HolidayNoticeResponseDto] }) notices!: HolidayNoticeResponseDto[];
  @ApiProperty({ type: [HolidayDayResponseDto] }) days!: HolidayDayResponseDto[];
  @ApiProperty({ type: 'integer', minimum: 1 }) revision!: number;
  @ApiProperty({ format: 'date-time' }) loadedAt!: string;
  @ApiProperty() loadedBy!: string;
}

export class RecomputeStartedDto {
  @ApiProperty({ example: 'calendar-recompute-2027-r1', description: 'The workflow that moves open cases’ due dates' })
  workflowId!: string;
}

export class LoadedHolidayYearDto extends HolidayYearDto {
  @ApiProperty({ type: RecomputeStartedDto }) recompute!: RecomputeStartedDto;
}

/** One step whose due date a year's schedule moved (kept on the case's step as `due.changes`). */
export class RecomputedStepDto {
  @ApiProperty({ example: 'share-0b6f…' }) caseId!: string;
  @ApiProperty({ example: 'share-request' }) procedure!: string;
  @ApiProperty({ example: 'under-review' }) state!: string;
  @ApiProperty({ example: 'provider-review' }) stepId!: string;
  @ApiProperty({ format: 'date-time' }) previousDueAt!: string;
  @ApiProperty({ format: 'date-time' }) dueAt!: string;
  @ApiProperty({ description: 'Still counted partly on weekends only (a later year not loaded yet)' })
  provisional!: boolean;
  @ApiProperty({ format: 'date-time', description: 'When the case moved it' }) at!: string;
}

export class RecomputedStepsDto {
  @ApiProperty({ type: [RecomputedStepDto], description: 'Newest first, at most 200' })
  items!: RecomputedStepDto[];
}
