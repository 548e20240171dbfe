/**
 * Calendar dates as `YYYY-MM-DD` strings. All arithmetic runs on UTC fields so
 * that no result depends on the host time zone.
 */
export type PlainDate = string;

const PLAIN_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;
/** China has kept UTC+8 all year since 1991, so a fixed offset is exact for Asia/Shanghai. */
export const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

export function isPlainDate(value: unknown): value is PlainDate {
  if (typeof value !== 'string') return false;
  const match = PLAIN_DATE.exec(value);
  if (!match) return false;
  const [, y, m, d] = match.map(Number);
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

function toUtcMs(date: PlainDate): number {
  if (!isPlainDate(date)) throw new RangeError(`not a calendar date: ${date}`);
  const [y, m, d] = date.split('-').map(Number);
  return Date.UTC(y, m - 1, d);
}

function fromUtcMs(ms: number): PlainDate {
  return new Date(ms).toISOString().slice(0, 10);
}

export function addDays(date: PlainDate, days: number): PlainDate {
  return fromUtcMs(toUtcMs(date) + days * DAY_MS);
}

export function yearOf(date: PlainDate): number {
  return Number(date.slice(0, 4));
}

/** 0 = Sunday … 6 = Saturday. */
export function weekdayOf(date: PlainDate): number {
  return new Date(toUtcMs(date)).getUTCDay();
}

export function isWeekend(date: PlainDate): boolean {
  const weekday = weekdayOf(date);
  return weekday === 0 || weekday === 6;
}

/** The Asia/Shanghai calendar date on which an instant falls. */
export function shanghaiDateOf(instant: Date): PlainDate {
  return fromUtcMs(instant.getTime() + SHANGHAI_OFFSET_MS);
}

/** The instant 00:00 Asia/Shanghai at the start of a date. */
export function shanghaiMidnight(date: PlainDate): Date {
  return new Date(toUtcMs(date) - SHANGHAI_OFFSET_MS);
}

/** The last day of a month (1–12) of a year. */
export function lastDayOfMonth(year: number, month: number): PlainDate {
  if (!Number.isInteger(month) || month < 1 || month > 12) throw new RangeError(`not a month: ${month}`);
  return fromUtcMs(Date.UTC(year, month, 1) - DAY_MS);
}
