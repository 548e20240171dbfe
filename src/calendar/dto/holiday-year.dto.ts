import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsUrl, Matches, MaxLength, ValidateNested } from 'class-validator';
import { EnumField, TextField } from '../../common/http/dto/fields.js';

const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;
const DATE_MESSAGE = '$property must be a date written YYYY-MM-DD';

export class HolidayNoticeDto {
  @TextField({ min: 4, max: 200, example: '国务院办公厅关于2027年部分节假日安排的通知' })
  title!: string;

  @ApiProperty({
    example: 'https://www.gov.cn/zhengce/content/2026-11/xx/content_0000000.htm',
    format: 'uri',
    maxLength: 500,
  })
  @MaxLength(500)
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true })
  url!: string;

  @ApiProperty({ example: '2026-11-10', pattern: DATE_PATTERN.source })
  @Matches(DATE_PATTERN, { message: DATE_MESSAGE })
  publishedOn!: string;
}

export class HolidayDayDto {
  @ApiProperty({ example: '2027-02-08', pattern: DATE_PATTERN.source })
  @Matches(DATE_PATTERN, { message: DATE_MESSAGE })
  date!: string;

  @EnumField(['off', 'workday'], { description: 'off = 放假; workday = 调休上班 (make-up workday)' })
  kind!: 'off' | 'workday';

  @TextField({ max: 40, example: '春节' })
  name!: string;
}

/** Body of PUT /calendar/years/:year: the whole arrangement of one year. */
export class ReplaceHolidayYearDto {
  @ApiProperty({ type: [HolidayNoticeDto], minItems: 1, maxItems: 5 })
  @ValidateNested({ each: true })
  @Type(() => HolidayNoticeDto)
  @ArrayMinSize(1)
  @ArrayMaxSize(5)
  notices!: HolidayNoticeDto[];

  @ApiProperty({ type: [HolidayDayDto], minItems: 1, maxItems: 366 })
  @ValidateNested({ each: true })
  @Type(() => HolidayDayDto)
  @ArrayMinSize(1)
  @ArrayMaxSize(366)
  days!: HolidayDayDto[];
}
