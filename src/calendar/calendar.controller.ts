import { Body, Controller, Get, Param, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../../workflows/contracts/actor.js';
import { CurrentActor, Roles } from '../auth/access.decorators.js';
import { yearOutOfRange } from './calendar-errors.js';
import { CalendarService } from './calendar.service.js';
import { DueDateDto, DueDateQueryDto } from './dto/due-date.dto.js';
import { ReplaceHolidayYearDto } from './dto/holiday-year.dto.js';

function parseYear(raw: string): number {
  const year = Number(raw);
  if (!/^\d{4}$/.test(raw) || year < 1990 || year > 2200) throw yearOutOfRange(raw);
  return year;
}

@ApiTags('calendar')
@ApiBearerAuth()
@Controller('calendar')
export class CalendarController {
  constructor(private readonly calendar: CalendarService) {}

  @Get('years')
  @ApiOperation({ summary: 'Loaded holiday schedules (one per year)' })
  listYears() {
    return this.calendar.listYears();
  }

  @Get('years/:year')
  @ApiOperation({ summary: "One year's holiday schedule" })
  getYear(@Param('year') year: string) {
    return this.calendar.getYear(parseYear(year));
  }

  @Put('years/:year')
  @Roles('admin')
  @ApiOperation({ summary: "Load or replace a year's schedule from the State Council notice (admin)" })
  replaceYear(@Param('year') year: string, @Body() body: ReplaceHolidayYearDto, @CurrentActor() actor: Actor) {
    return this.calendar.replaceYear({ year: parseYear(year), notices: body.notices, days: body.days }, actor);
  }

  @Get('due-date')
  @ApiOperation({ summary: 'The due date N working days after a receipt instant' })
  dueDate(@Query() query: DueDateQueryDto): Promise<DueDateDto> {
    return this.calendar.dueDate(new Date(query.receivedAt), query.workingDays);
  }
}
