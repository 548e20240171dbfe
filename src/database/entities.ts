import { HolidayYear } from '../calendar/holiday-year.entity.js';

export const ENTITIES = [HolidayYear];
