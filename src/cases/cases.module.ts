import { Module } from '@nestjs/common';
import { CalendarModule } from '../calendar/calendar.module.js';
import { CaseStarter } from './case-starter.service.js';
import { UnstartedCaseSweeper } from './unstarted-case-sweeper.js';
import { CasesController } from './cases.controller.js';
import { CasesService } from './cases.service.js';
import { FirstStepPlanner } from './first-step-planner.js';
import { CaseContextLoader } from './procedures/case-context-loader.js';
import { ReferenceCache } from './procedures/reference-cache.js';

@Module({
  imports: [CalendarModule],
  controllers: [CasesController],
  providers: [CasesService, CaseStarter, CaseContextLoader, ReferenceCache, FirstStepPlanner, UnstartedCaseSweeper],
  exports: [CasesService],
})
export class CasesModule {}
