import { Module } from '@nestjs/common';
import { CalendarModule } from '../calendar/calendar.module.js';
import { CasesModule } from '../cases/cases.module.js';
import { DecisionRecorder } from './decision-recorder.js';
import { TasksController } from './tasks.controller.js';
import { TasksService } from './tasks.service.js';

@Module({
  imports: [CalendarModule, CasesModule],
  controllers: [TasksController],
  providers: [TasksService, DecisionRecorder],
  exports: [TasksService],
})
export class TasksModule {}
