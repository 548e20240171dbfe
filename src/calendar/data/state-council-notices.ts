import type { HolidayDay, HolidaySchedule } from '../holiday-schedule.js';
import { addDays, type PlainDate } from '../plain-date.js';

/**
 * 国务院办公厅关于部分节假日安排的通知, 2019–2026, transcribed from the notices
 * (2019 includes the Labour Day change of 国办发明电〔2019〕3号, 2020 the Spring
 * Festival extension of 国办发明电〔2020〕1号; each amended year lists both notices).
 * test/unit/calendar/state-council-notices.test.ts checks every year against the
 * independently maintained `chinese-days` package.
 */
interface Festival {
  name: string;
  off: [PlainDate, PlainDate];
  workdays?: PlainDate[];
}

interface NoticeYear {
  year: number;
  notices: HolidaySchedule['notices'];
  festivals: Festival[];
}

const NOTICES: NoticeYear[] = [
  {
    year: 2019,
    notices: [
      {
        title: '国务院办公厅关于2019年部分节假日安排的通知（国办发明电〔2018〕15号）',
        url: 'http://www.gov.cn/zhengce/content/2018-12/06/content_5346276.htm',
        publishedOn: '2018-12-06',
      },
      {
        title: '国务院办公厅关于调整2019年劳动节假期安排的通知（国办发明电〔2019〕3号）',
        url: 'http://www.gov.cn/zhengce/content/2019-03/22/content_5375877.htm',
        publishedOn: '2019-03-22',
      },
    ],
    festivals: [
      // 30–31 December 2018 belong to 2018's count; 29 December 2018 was that year's make-up workday.
      { name: '元旦', off: ['2019-01-01', '2019-01-01'] },
      { name: '春节', off: ['2019-02-04', '2019-02-10'], workdays: ['2019-02-02', '2019-02-03'] },
      { name: '清明节', off: ['2019-04-05', '2019-04-07'] },
      // As amended on 2019-03-22: 1–4 May off, Sundays 28 April and 5 May worked (the first notice gave 1 May only).
      { name: '劳动节', off: ['2019-05-01', '2019-05-04'], workdays: ['2019-04-28', '2019-05-05'] },
      { name: '端午节', off: ['2019-06-07', '2019-06-09'] },
      { name: '中秋节', off: ['2019-09-13', '2019-09-15'] },
      { name: '国庆节', off: ['2019-10-01', '2019-10-07'], workdays: ['2019-09-29', '2019-10-12'] },
    ],
  },
  {
    year: 2020,
    notices: [
      {
        title: '国务院办公厅关于2020年部分节假日安排的通知（国办发明电〔2019〕16号）',
        url: 'http://www.gov.cn/zhengce/content/2019-11/21/content_5454164.htm',
        publishedOn: '2019-11-21',
      },
      {
        title: '国务院办公厅关于延长2020年春节假期的通知（国办发明电〔2020〕1号）',
        url: 'http://www.gov.cn/zhengce/content/2020-01/27/content_5472352.htm',
        publishedOn: '2020-01-27',
      },
    ],
    festivals: [
      { name: '元旦', off: ['2020-01-01', '2020-01-01'] },
      // The extension turned 2 February (a Sunday) into a day off and cancelled the 1 February make-up workday.
      { name: '春节', off: ['2020-01-24', '2020-02-02'], workdays: ['2020-01-19'] },
      { name: '清明节', off: ['2020-04-04', '2020-04-06'] },
      { name: '劳动节', off: ['2020-05-01', '2020-05-05'], workdays: ['2020-04-26', '2020-05-09'] },
      { name: '端午节', off: ['2020-06-25', '2020-06-27'], workdays: ['2020-06-28'] },
      { name: '国庆节、中秋节', off: ['2020-10-01', '2020-10-08'], workdays: ['2020-09-27', '2020-10-10'] },
    ],
  },
  {
    year: 2021,
    notices: [
      {
        title: '国务院办公厅关于2021年部分节假日安排的通知（国办发明电〔2020〕27号）',
        url: 'http://www.gov.cn/zhengce/content/2020-11/25/content_5564127.htm',
        publishedOn: '2020-11-25',
      },
    ],
    festivals: [
      { name: '元旦', off: ['2021-01-01', '2021-01-03'] },
      { name: '春节', off: ['2021-02-11', '2021-02-17'], workdays: ['2021-02-07', '2021-02-20'] },
      { name: '清明节', off: ['2021-04-03', '2021-04-05'] },
      { name: '劳动节', off: ['2021-05-01', '2021-05-05'], workdays: ['2021-04-25', '2021-05-08'] },
      { name: '端午节', off: ['2021-06-12', '2021-06-14'] },
      { name: '中秋节', off: ['2021-09-19', '2021-09-21'], workdays: ['2021-09-18'] },
      { name: '国庆节', off: ['2021-10-01', '2021-10-07'], workdays: ['2021-09-26', '2021-10-09'] },
    ],
  },
  {
    year: 2022,
    notices: [
      {
        title: '国务院办公厅关于2022年部分节假日安排的通知（国办发明电〔2021〕11号）',
        url: 'http://www.gov.cn/zhengce/content/2021-10/25/content_5644835.htm',
        publishedOn: '2021-10-25',
      },
    ],
    festivals: [
      { name: '元旦', off: ['2022-01-01', '2022-01-03'] },
      { name: '春节', off: ['2022-01-31', '2022-02-06'], workdays: ['2022-01-29', '2022-01-30'] },
      { name: '清明节', off: ['2022-04-03', '2022-04-05'], workdays: ['2022-04-02'] },
      { name: '劳动节', off: ['2022-04-30', '2022-05-04'], workdays: ['2022-04-24', '2022-05-07'] },
      { name: '端午节', off: ['2022-06-03', '2022-06-05'] },
      { name: '中秋节', off: ['2022-09-10', '2022-09-12'] },
      { name: '国庆节', off: ['2022-10-01', '2022-10-07'], workdays: ['2022-10-08', '2022-10-09'] },
    ],
  },
  {
    year: 2023,
    notices: [
      {
        title: '国务院办公厅关于2023年部分节假日安排的通知（国办发明电〔2022〕16号）',
        url: 'http://www.gov.cn/zhengce/content/2022-12/08/content_5730844.htm',
        publishedOn: '2022-12-08',
      },
    ],
    festivals: [
      // 31 December 2022 to 2 January 2023; only the 2023 days belong to this year.
      { name: '元旦', off: ['2023-01-01', '2023-01-02'] },
      { name: '春节', off: ['2023-01-21', '2023-01-27'], workdays: ['2023-01-28', '2023-01-29'] },
      { name: '清明节', off: ['2023-04-05', '2023-04-05'] },
      { name: '劳动节', off: ['2023-04-29', '2023-05-03'], workdays: ['2023-04-23', '2023-05-06'] },
      { name: '端午节', off: ['2023-06-22', '2023-06-24'], workdays: ['2023-06-25'] },
      { name: '中秋节、国庆节', off: ['2023-09-29', '2023-10-06'], workdays: ['2023-10-07', '2023-10-08'] },
    ],
  },
  {
    year: 2024,
    notices: [
      {
        title: '国务院办公厅关于2024年部分节假日安排的通知（国办发明电〔2023〕7号）',
        url: 'https://www.gov.cn/zhengce/content/202310/content_6911527.htm',
        publishedOn: '2023-10-25',
      },
    ],
    festivals: [
      { name: '元旦', off: ['2024-01-01', '2024-01-01'] },
      { name: '春节', off: ['2024-02-10', '2024-02-17'], workdays: ['2024-02-04', '2024-02-18'] },
      { name: '清明节', off: ['2024-04-04', '2024-04-06'], workdays: ['2024-04-07'] },
      { name: '劳动节', off: ['2024-05-01', '2024-05-05'], workdays: ['2024-04-28', '2024-05-11'] },
      { name: '端午节', off: ['2024-06-10', '2024-06-10'] },
      { name: '中秋节', off: ['2024-09-15', '2024-09-17'], workdays: ['2024-09-14'] },
      { name: '国庆节', off: ['2024-10-01', '2024-10-07'], workdays: ['2024-09-29', '2024-10-12'] },
    ],
  },
  {
    year: 2025,
    notices: [
      {
        title: '国务院办公厅关于2025年部分节假日安排的通知（国办发明电〔2024〕12号）',
        url: 'https://www.gov.cn/zhengce/zhengceku/202411/content_6986383.htm',
        publishedOn: '2024-11-12',
      },
    ],
    festivals: [
      { name: '元旦', off: ['2025-01-01', '2025-01-01'] },
      { name: '春节', off: ['2025-01-28', '2025-02-04'], workdays: ['2025-01-26', '2025-02-08'] },
      { name: '清明节', off: ['2025-04-04', '2025-04-06'] },
      { name: '劳动节', off: ['2025-05-01', '2025-05-05'], workdays: ['2025-04-27'] },
      { name: '端午节', off: ['2025-05-31', '2025-06-02'] },
      { name: '国庆节、中秋节', off: ['2025-10-01', '2025-10-08'], workdays: ['2025-09-28', '2025-10-11'] },
    ],
  },
  {
    year: 2026,
    notices: [
      {
        title: '国务院办公厅关于2026年部分节假日安排的通知',
        url: 'https://www.gov.cn/zhengce/zhengceku/202511/content_7047091.htm',
        publishedOn: '2025-11-04',
      },
    ],
    festivals: [
      { name: '元旦', off: ['2026-01-01', '2026-01-03'], workdays: ['2026-01-04'] },
      { name: '春节', off: ['2026-02-15', '2026-02-23'], workdays: ['2026-02-14', '2026-02-28'] },
      { name: '清明节', off: ['2026-04-04', '2026-04-06'] },
      { name: '劳动节', off: ['2026-05-01', '2026-05-05'], workdays: ['2026-05-09'] },
      { name: '端午节', off: ['2026-06-19', '2026-06-21'] },
      { name: '中秋节', off: ['2026-09-25', '2026-09-27'] },
      { name: '国庆节', off: ['2026-10-01', '2026-10-07'], workdays: ['2026-09-20', '2026-10-10'] },
    ],
  },
];

function expand(festival: Festival): HolidayDay[] {
  const days: HolidayDay[] = [];
  for (let date = festival.off[0]; date <= festival.off[1]; date = addDays(date, 1)) {
    days.push({ date, kind: 'off', name: festival.name });
  }
  for (const date of festival.workdays ?? []) {
    days.push({ date, kind: 'workday', name: `${festival.name}调休上班` });
  }
  return days;
}

export const STATE_COUNCIL_SCHEDULES: readonly HolidaySchedule[] = NOTICES.map(({ year, notices, festivals }) => ({
  year,
  notices,
  days: festivals.flatMap(expand).sort((a, b) => a.date.localeCompare(b.date)),
}));
