import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsIn, IsString, IsUrl, Matches, MaxLength, MinLength, ValidateNested } from 'class-validator';

const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;
const DATE_MESSAGE = '$property must be a date written YYYY-MM-DD';

export class HolidayNoticeDto {
  @ApiProperty({ example: '国务院办公厅关于2027年部分节假日安排的通知' })
  @IsString() @MinLength(4) @MaxLength(200)
  title!: string;

  @ApiProperty({ example: 'https://www.gov.cn/zhengce/content/2026-11/xx/content_0000000.htm' })
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true })
  url!: string;

  @ApiProperty({ example: '2026-11-10' })
  @Matches(DATE_PATTERN, { message: DATE_MESSAGE })
  publishedOn!: string;
}

export class HolidayDayDto {
  @ApiProperty({ example: '2027-02-08' })
  @Matches(DATE_PATTERN, { message: DATE_MESSAGE })
  date!: string;

  @ApiProperty({ enum: ['off', 'workday'], description: 'off = 放假; workday = 调休上班 (make-up workday)' })
  @IsIn(['off', 'workday'])
  kind!: 'off' | 'workday';

  @ApiProperty({ example: '春节' })
  @IsString() @MinLength(1) @MaxLength(40)
  name!: string;
}

/** Body of PUT /calendar/years/:year: the whole arrangement of one year. */
export class ReplaceHolidayYearDto {
  @ApiProperty({ type: [HolidayNoticeDto] })
  @ValidateNested({ each: true }) @Type(() => HolidayNoticeDto) @ArrayMinSize(1) @ArrayMaxSize(5)
  notices!: HolidayNoticeDto[];

  @ApiProperty({ type: [HolidayDayDto] })
  @ValidateNested({ each: true }) @Type(() => HolidayDayDto) @ArrayMinSize(1) @ArrayMaxSize(366)
  days!: HolidayDayDto[];
}
