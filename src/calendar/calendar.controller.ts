import { Body, Controller, Get, Param, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../../workflows/contracts/actor.js';
import { CurrentActor } from '../auth/access.decorators.js';
import { Allowed, ApiErrors } from '../common/http/api-contract.js';
import { yearOutOfRange } from './calendar-errors.js';
import { CalendarService } from './calendar.service.js';
import { DueDateDto, DueDateQueryDto } from './dto/due-date.dto.js';
import { HolidayYearDto, LoadedHolidayYearDto, RecomputedStepsDto } from './dto/holiday-year-response.dto.js';
import { ReplaceHolidayYearDto } from './dto/holiday-year.dto.js';

function parseYear(raw: string): number {
  const year = Number(raw);
  if (!/^\d{4}$/.test(raw) || year < 1990 || year > 2200) throw yearOutOfRange(raw);
  return year;
}

const YEAR_PARAM = { name: 'year', schema: { type: 'integer' as const, minimum: 1990, maximum: 2200 }, example: 2027 };

@ApiTags('calendar')
@ApiBearerAuth()
@Controller('calendar')
export class CalendarController {
  constructor(private readonly calendar: CalendarService) {}

  @Get('years')
  @ApiOperation({ summary: 'Loaded holiday schedules (one per year)' })
  @ApiOkResponse({ type: [HolidayYearDto] })
  listYears(): Promise<HolidayYearDto[]> {
    return this.calendar.listYears();
  }

  @Get('years/:year')
  @ApiOperation({ summary: "One year's holiday schedule" })
  @ApiParam(YEAR_PARAM)
  @ApiOkResponse({ type: HolidayYearDto })
  @ApiErrors(400, 404)
  getYear(@Param('year') year: string): Promise<HolidayYearDto> {
    return this.calendar.getYear(parseYear(year));
  }

  @Put('years/:year')
  @Allowed('admin')
  @ApiOperation({
    summary: "Load or replace a year's schedule from the State Council notice (admin)",
    description: 'Starts a workflow that recounts the due dates of open cases the year can touch.',
  })
  @ApiParam(YEAR_PARAM)
  @ApiOkResponse({ type: LoadedHolidayYearDto })
  @ApiErrors(400, 409, 503)
  replaceYear(
    @Param('year') year: string,
    @Body() body: ReplaceHolidayYearDto,
    @CurrentActor() actor: Actor,
  ): Promise<LoadedHolidayYearDto> {
    return this.calendar.replaceYear({ year: parseYear(year), notices: body.notices, days: body.days }, actor);
  }

  @Get('years/:year/recomputed-steps')
  @Allowed('admin', 'supervisor', 'auditor')
  @ApiOperation({ summary: 'The steps whose due dates loading this year moved, with the old and new due dates' })
  @ApiParam(YEAR_PARAM)
  @ApiOkResponse({ type: RecomputedStepsDto })
  @ApiErrors(400)
  async recomputedSteps(@Param('year') year: string): Promise<RecomputedStepsDto> {
    return { items: await this.calendar.recomputedSteps(parseYear(year)) };
  }

  @Get('due-date')
  @ApiOperation({ summary: 'The due date N working days after a receipt instant' })
  @ApiOkResponse({ type: DueDateDto })
  @ApiErrors(400)
  dueDate(@Query() query: DueDateQueryDto): Promise<DueDateDto> {
    return this.calendar.dueDate(new Date(query.receivedAt), query.workingDays);
  }
}
