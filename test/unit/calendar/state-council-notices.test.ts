import { createRequire } from 'node:module';
import { STATE_COUNCIL_SCHEDULES } from '../../../src/calendar/data/state-council-notices.js';
import { findScheduleProblems } from '../../../src/calendar/holiday-schedule-rules.js';
import { addDays, isWeekend } from '../../../src/calendar/plain-date.js';
import { WorkingDayCalendar } from '../../../src/calendar/working-day-calendar.js';

interface ChineseDaysData {
  holidays: Record<string, string>;
  workdays: Record<string, string>;
}
const calendar = new WorkingDayCalendar(STATE_COUNCIL_SCHEDULES);
const reference = createRequire(import.meta.url)('chinese-days/dist/chinese-days.json') as ChineseDaysData;

describe('State Council holiday data', () => {
  it('covers every year from 2019 to 2026 with a dated notice', () => {
    expect(STATE_COUNCIL_SCHEDULES.map((s) => s.year)).toEqual([2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026]);
    for (const schedule of STATE_COUNCIL_SCHEDULES) {
      expect(schedule.notices.length).toBeGreaterThan(0);
      for (const notice of schedule.notices) {
        expect(notice.url).toMatch(/^https?:\/\/www\.gov\.cn\//);
        expect(notice.publishedOn < `${schedule.year + 1}`).toBe(true);
      }
    }
  });

  it.each(STATE_COUNCIL_SCHEDULES.map((s) => [s.year, s] as const))(
    '%i passes the schedule rules',
    (year, schedule) => {
      expect(findScheduleProblems(year, schedule.days)).toEqual([]);
    },
  );

  // Compared by effect, day by day: a notice may also name a weekend day of the year before
  // (the 2023 New Year holiday began on Saturday 2022-12-31), which changes no count.
  it.each(STATE_COUNCIL_SCHEDULES.map((s) => [s.year] as const))(
    '%i agrees day for day with the chinese-days package',
    (year) => {
      const referenceIsWorkingDay = (date: string) =>
        date in reference.workdays || (!(date in reference.holidays) && !isWeekend(date));
      const disagreements: string[] = [];
      for (let date = `${year}-01-01`; date <= `${year}-12-31`; date = addDays(date, 1)) {
        if (calendar.isWorkingDay(date) !== referenceIsWorkingDay(date)) disagreements.push(date);
      }
      expect(disagreements).toEqual([]);
    },
  );
});

describe('findScheduleProblems', () => {
  it('names each bad day by its field', () => {
    expect(
      findScheduleProblems(2027, [
        { date: '2027-02-06', kind: 'off', name: '春节' },
        { date: '2026-12-31', kind: 'off', name: '元旦' },
        { date: '2027-02-06', kind: 'workday', name: '春节调休上班' },
        { date: '2027-02-30', kind: 'off', name: '春节' },
      ]),
    ).toEqual([
      {
        field: 'days[1].date',
        code: 'isInYear',
        text: { zh: '2026-12-31 不在2027年内', en: '2026-12-31 is outside 2027' },
      },
      {
        field: 'days[2].date',
        code: 'arrayUnique',
        text: { zh: '2027-02-06 重复出现（另见 days[0]）', en: '2027-02-06 is listed twice (also at days[0])' },
      },
      {
        field: 'days[3].date',
        code: 'isCalendarDate',
        text: { zh: '2027-02-30 不是有效日期（YYYY-MM-DD）', en: '2027-02-30 is not a calendar date (YYYY-MM-DD)' },
      },
    ]);
  });
});
