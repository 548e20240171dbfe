import { Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/access.decorators.js';
import { AnnualReportSchedule } from './annual-report-schedule.service.js';

@ApiTags('annual-reports')
@ApiBearerAuth()
@Controller('annual-reports/schedule')
export class AnnualReportsController {
  constructor(private readonly schedule: AnnualReportSchedule) {}

  @Get()
  @Roles('admin', 'authority', 'supervisor', 'auditor')
  @ApiOperation({ summary: 'The yearly P7 schedule (Chongqing Art. 47): next runs and recent rounds' })
  describe() {
    return this.schedule.describe();
  }

  @Post('trigger')
  @HttpCode(202)
  @Roles('admin')
  @ApiOperation({ summary: "Run this year's round now (admin): opens the report cases that are not open yet" })
  trigger() {
    return this.schedule.trigger();
  }
}
