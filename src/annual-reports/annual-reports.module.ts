import { Module } from '@nestjs/common';
import { AnnualReportSchedule } from './annual-report-schedule.service.js';
import { AnnualReportsController } from './annual-reports.controller.js';

@Module({ controllers: [AnnualReportsController], providers: [AnnualReportSchedule], exports: [AnnualReportSchedule] })
export class AnnualReportsModule {}
