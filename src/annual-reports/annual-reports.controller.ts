import { Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allowed, ApiErrors } from '../common/http/api-contract.js';
import { AnnualReportSchedule } from './annual-report-schedule.service.js';
import { ScheduleSummaryDto, ScheduleTriggeredDto } from './dto/schedule.dto.js';

@ApiTags('annual-reports')
@ApiBearerAuth()
@Controller('annual-reports/schedule')
export class AnnualReportsController {
  constructor(private readonly schedule: AnnualReportSchedule) {}

  @Get()
  @Allowed('admin', 'authority', 'supervisor', 'auditor')
  @ApiOperation({ summary: 'The yearly P7 schedule (Chongqing Art. 47): next runs and recent rounds' })
  @ApiOkResponse({ type: ScheduleSummaryDto })
  @ApiErrors(404, 503)
  describe(): Promise<ScheduleSummaryDto> {
    return this.schedule.describe();
  }

  @Post('trigger')
  @HttpCode(202)
  @Allowed('admin')
  @ApiOperation({ summary: "Run this year's round now (admin): opens the report cases that are not open yet" })
  @ApiAcceptedResponse({ type: ScheduleTriggeredDto })
  @ApiErrors(503)
  trigger(): Promise<ScheduleTriggeredDto> {
    return this.schedule.trigger();
  }
}
