import { STATE_COUNCIL_SCHEDULES } from '../../../src/calendar/data/state-council-notices.js';
import { WorkingDayCalendar } from '../../../src/calendar/working-day-calendar.js';
import { describeUnderHostTimeZone } from './time-zones.js';

const calendar = new WorkingDayCalendar(STATE_COUNCIL_SCHEDULES);
/** An instant given as Asia/Shanghai wall-clock time. */
const shanghai = (local: string) => new Date(`${local}+08:00`);

describeUnderHostTimeZone(() => {
  describe('isWorkingDay', () => {
    it.each([
      ['2026-02-13', true], // Friday before the Spring Festival
      ['2026-02-14', true], // Saturday, make-up workday
      ['2026-02-15', false], // Spring Festival day off (Sunday)
      ['2026-02-16', false], // Monday, day off
      ['2026-02-23', false], // Monday, last day off
      ['2026-02-24', true],
      ['2026-02-28', true], // Saturday, make-up workday
      ['2026-03-01', false], // ordinary Sunday
      ['2026-01-04', true], // Sunday, New Year make-up workday
      ['2026-05-09', true], // Saturday, Labour Day make-up workday
      ['2026-09-20', true], // Sunday, National Day make-up workday
      ['2026-10-01', false],
      ['2026-10-07', false],
      ['2026-10-08', true],
      ['2026-10-10', true], // Saturday, National Day make-up workday
    ])('%s → %s', (date, expected) => {
      expect(calendar.isWorkingDay(date)).toBe(expected);
    });
  });

  // 国办发明电〔2018〕15号 gave Labour Day 2019 one day (1 May); 国办发明电〔2019〕3号 made it 1–4 May with
  // Sundays 28 April and 5 May worked. A period counted under the first notice moves once the second is loaded.
  describe('2019, as amended for Labour Day', () => {
    const original = STATE_COUNCIL_SCHEDULES.find((s) => s.year === 2019)!;
    const firstNoticeOnly = new WorkingDayCalendar([
      {
        year: 2019,
        notices: original.notices.slice(0, 1),
        days: [
          ...original.days.filter((d) => d.name !== '劳动节' && d.name !== '劳动节调休上班'),
          { date: '2019-05-01', kind: 'off', name: '劳动节' },
        ],
      },
    ]);
    it.each([
      ['2019-04-28', true],
      ['2019-05-02', false],
      ['2019-05-04', false],
      ['2019-05-05', true],
      ['2019-02-02', true],
      ['2019-02-04', false],
      ['2019-10-12', true],
    ])('%s → %s', (date, expected) => {
      expect(calendar.isWorkingDay(date)).toBe(expected);
    });

    it('a 5 WD period received on Thursday 25 April 2019 ends on 3 May under the first notice and 5 May as amended', () => {
      const receivedAt = shanghai('2019-04-25T10:00:00');
      expect(firstNoticeOnly.addWorkingDays(receivedAt, 5).dueDate).toBe('2019-05-03');
      expect(calendar.addWorkingDays(receivedAt, 5).dueDate).toBe('2019-05-05');
    });
  });

  describe('workingDaysUntilDue (what the inbox shows)', () => {
    // Received Thursday 2026-02-12, 3 WD: 2-13, 2-14 (make-up Saturday), then the Spring Festival until 2-23: due 2-24.
    const due = calendar.addWorkingDays(shanghai('2026-02-12T10:00:00'), 3);
    const left = (local: string) => calendar.workingDaysUntilDue(shanghai(local), new Date(due.dueAt), due.dueDate);

    it('counts today, when it is a working day, through the due date', () => {
      expect(due.dueDate).toBe('2026-02-24');
      expect(left('2026-02-12T10:00:00')).toBe(4); // 2-12, 2-13, 2-14, 2-24
      expect(left('2026-02-14T09:00:00')).toBe(2); // the make-up Saturday and 2-24
    });

    it('skips the holiday: in the middle of the Spring Festival only the due day is left', () => {
      expect(left('2026-02-18T12:00:00')).toBe(1);
    });

    it('is 1 on the last day until 24:00 Shanghai, and 0 from then on', () => {
      expect(left('2026-02-24T23:59:00')).toBe(1);
      expect(left('2026-02-25T00:00:00')).toBe(0);
      expect(left('2026-03-10T00:00:00')).toBe(0);
    });
  });

  describe('addWorkingDays', () => {
    it('does not count the day of receipt and ends at 24:00 Shanghai of the Nth working day', () => {
      // Received Monday 2026-03-02, 5 WD → Monday 2026-03-09, due at 2026-03-10 00:00+08:00.
      expect(calendar.addWorkingDays(shanghai('2026-03-02T09:30:00'), 5)).toEqual({
        dueDate: '2026-03-09',
        dueAt: '2026-03-09T16:00:00.000Z',
        provisional: false,
        provisionalYears: [],
      });
    });

    it('uses the Shanghai date of the receipt instant, not the host or UTC date', () => {
      // 2026-03-02 23:30 UTC is already Tuesday 2026-03-03 in Shanghai.
      expect(calendar.addWorkingDays(new Date('2026-03-02T23:30:00Z'), 1).dueDate).toBe('2026-03-04');
      // 2026-03-02 00:30 Shanghai is 2026-03-01 16:30 UTC (a Sunday in UTC).
      expect(calendar.addWorkingDays(shanghai('2026-03-02T00:30:00'), 1).dueDate).toBe('2026-03-03');
    });

    it('skips the 2026 Spring Festival and counts its make-up workdays', () => {
      // Received Thursday 2026-02-12: 13th (Fri) = 1, 14th (Sat, make-up) = 2, 15–23 off, 24th = 3.
      expect(calendar.addWorkingDays(shanghai('2026-02-12T10:00:00'), 3).dueDate).toBe('2026-02-24');
      // 10 WD from 2026-02-12: 13, 14, 24, 25, 26, 27, 28 (Sat, make-up), Mar 2, 3, 4.
      expect(calendar.addWorkingDays(shanghai('2026-02-12T10:00:00'), 10).dueDate).toBe('2026-03-04');
    });

    it('skips the 2026 National Day holiday and counts 9-20 and 10-10', () => {
      // Received Friday 2026-09-18: 9-20 (Sun, make-up) = 1, 9-21 = 2, 9-22 = 3, 9-23 = 4, 9-24 = 5.
      expect(calendar.addWorkingDays(shanghai('2026-09-18T10:00:00'), 5).dueDate).toBe('2026-09-24');
      // Received 2026-09-29: 9-30 = 1, Oct 1–7 off, 10-08 = 2, 10-09 = 3, 10-10 (Sat, make-up) = 4, 10-12 = 5.
      expect(calendar.addWorkingDays(shanghai('2026-09-29T10:00:00'), 5).dueDate).toBe('2026-10-12');
    });

    it('counts from the next working day when received on a holiday', () => {
      // Received on 2026-10-03 (holiday): 10-08 = 1, 10-09 = 2, 10-10 = 3.
      expect(calendar.addWorkingDays(shanghai('2026-10-03T15:00:00'), 3).dueDate).toBe('2026-10-10');
    });

    it('counts every 2026 make-up workday as a working day', () => {
      for (const date of ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10']) {
        const dayBefore = new Date(Date.parse(`${date}T12:00:00+08:00`) - 86_400_000);
        expect(calendar.addWorkingDays(dayBefore, 1).dueDate).toBe(date);
      }
    });

    it('marks a deadline reaching into a year without a schedule as provisional', () => {
      const result = calendar.addWorkingDays(shanghai('2026-12-24T10:00:00'), 10);
      // 25, 28, 29, 30, 31 Dec; then weekends only in 2027: Jan 1 (Fri) counts, 4, 5, 6, 7.
      expect(result).toMatchObject({ dueDate: '2027-01-07', provisional: true, provisionalYears: [2027] });
      expect(calendar.addWorkingDays(shanghai('2026-12-01T10:00:00'), 5).provisional).toBe(false);
    });

    it('rejects a non-positive or fractional number of days', () => {
      expect(() => calendar.addWorkingDays(new Date(), 0)).toThrow(RangeError);
      expect(() => calendar.addWorkingDays(new Date(), 1.5)).toThrow(RangeError);
    });
  });
});

describe('lastWorkingDaysFrom (the 预警 point)', () => {
  it.each([
    ['2026-10-09', 2, '2026-10-08'], // Thursday and Friday left
    ['2026-10-12', 2, '2026-10-10'], // Monday and the Saturday make-up workday before it
    ['2026-10-12', 3, '2026-10-09'],
    ['2026-10-08', 1, '2026-10-08'],
  ])('due %s, %i WD left from %s', (dueDate, days, first) => {
    expect(calendar.lastWorkingDaysFrom(dueDate, days).toISOString()).toBe(shanghai(`${first}T00:00:00`).toISOString());
  });
});

describe('workingDaysLeft', () => {
  it('counts the working days after the stop date up to the due date, skipping holidays', () => {
    // Stopped on 2026-09-29 with the period due 2026-10-12: 9-30, 10-08, 10-09, 10-10 (make-up), 10-12.
    expect(calendar.workingDaysLeft(shanghai('2026-09-29T15:00:00'), '2026-10-12')).toBe(5);
  });

  it('keeps one day for a clock stopped on its last day', () => {
    expect(calendar.workingDaysLeft(shanghai('2026-10-12T09:00:00'), '2026-10-12')).toBe(1);
  });
});
