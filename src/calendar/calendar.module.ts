import { Module } from '@nestjs/common';
import { CalendarController } from './calendar.controller.js';
import { CalendarService } from './calendar.service.js';
import { DeadlineRecompute } from './deadline-recompute.service.js';

@Module({
  controllers: [CalendarController],
  providers: [CalendarService, DeadlineRecompute],
  exports: [CalendarService],
})
export class CalendarModule {}
