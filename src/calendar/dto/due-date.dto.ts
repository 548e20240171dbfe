import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, Max, Min } from 'class-validator';
import { InstantField } from '../../common/http/dto/fields.js';

export class DueDateQueryDto {
  @InstantField({
    example: '2026-02-12T10:00:00+08:00',
    description: 'When the application was received (an instant with its offset)',
  })
  receivedAt!: string;

  @ApiProperty({ example: 5, type: 'integer', minimum: 1, maximum: 250 })
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(250)
  workingDays!: number;
}

export class DueDateDto {
  @ApiProperty({ example: '2026-02-24', description: 'Last working day of the period (Asia/Shanghai)' })
  dueDate!: string;

  @ApiProperty({ example: '2026-02-24T16:00:00.000Z', description: '24:00 Asia/Shanghai at the end of dueDate' })
  dueAt!: string;

  @ApiProperty({ description: 'True when the count reaches into a year with no loaded schedule' })
  provisional!: boolean;

  @ApiProperty({ type: 'integer', isArray: true })
  provisionalYears!: number[];
}
