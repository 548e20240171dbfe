import { defineEntity, p } from '@mikro-orm/postgresql';
import type { HolidayDay, HolidayNotice } from './holiday-schedule.js';

/** One year's holiday arrangement; replaced as a whole when a notice is (re)loaded. */
const HolidayYearSchema = defineEntity({
  name: 'HolidayYear',
  tableName: 'holiday_year',
  properties: {
    year: p.integer().primary().autoincrement(false),
    notices: p.json<HolidayNotice[]>(),
    days: p.json<HolidayDay[]>(),
    revision: p.integer(),
    loadedAt: p.datetime(),
    loadedBy: p.string(),
  },
});

export class HolidayYear extends HolidayYearSchema.class {}
HolidayYearSchema.setClass(HolidayYear);
