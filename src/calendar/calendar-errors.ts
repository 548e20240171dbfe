import { DomainError, fieldError } from '../common/errors/domain-error.js';

export const yearNotLoaded = (year: number) =>
  new DomainError('not-found', 'CALENDAR_YEAR_NOT_LOADED', {
    zh: `尚未载入${year}年的节假日安排；该年按仅周末休息计算，相关期限标记为暂定`,
    en: `No holiday schedule is loaded for ${year}; weekends only are assumed and deadlines there are provisional`,
  });

export const yearOutOfRange = (year: string) =>
  new DomainError('invalid', 'CALENDAR_YEAR_INVALID', { zh: `年份无效：${year}`, en: `Not a valid year: ${year}` }, [
    fieldError(
      'year',
      'isYearInRange',
      'year 须为1990至2200之间的整数',
      'year must be a whole number between 1990 and 2200',
    ),
  ]);

export const concurrentYearLoad = (year: number) =>
  new DomainError('conflict', 'CALENDAR_YEAR_CONCURRENT_LOAD', {
    zh: `${year}年的安排正被同时载入，请刷新后重试`,
    en: `The ${year} schedule was being loaded at the same time; reload it and try again`,
  });
