import { Module } from '@nestjs/common';
import { CalendarController } from './calendar.controller.js';
import { CalendarService } from './calendar.service.js';
import { DeadlineRecompute } from './deadline-recompute.service.js';
import { DEADLINE_CALENDAR, deadlineCalendarProvider } from './deadline-calendar.provider.js';

@Module({
  controllers: [CalendarController],
  providers: [CalendarService, DeadlineRecompute, deadlineCalendarProvider],
  exports: [CalendarService, DEADLINE_CALENDAR],
})
export class CalendarModule {}
