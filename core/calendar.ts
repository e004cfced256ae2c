// Calendar dates (YYYY-MM-DD, no time or zone) and working days: a person's own working days,
// less England and Wales bank holidays. Prompts only ever go out on a working day.
import { dateFormat } from './dateFormats';
import Holidays from 'date-holidays';

export type IsoDate = string;

const DAY_MS = 86_400_000;

function toUtc(date: IsoDate): number {
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)));
}

function fromUtc(ms: number): IsoDate {
  return new Date(ms).toISOString().slice(0, 10);
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return fromUtc(toUtc(date) + days * DAY_MS);
}

export function addWeeks(date: IsoDate, weeks: number): IsoDate {
  return addDays(date, weeks * 7);
}

/** Same day of the month, or the month's last day when it is shorter (31 January + 1 month = 28 February). */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7)) - 1 + months;
  const d = Number(date.slice(8, 10));
  const year = y + Math.floor(m / 12);
  const month = ((m % 12) + 12) % 12;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return fromUtc(Date.UTC(year, month, Math.min(d, lastDay)));
}

export function daysBetween(from: IsoDate, to: IsoDate): number {
  return Math.round((toUtc(to) - toUtc(from)) / DAY_MS);
}

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: IsoDate): number {
  return ((new Date(toUtc(date)).getUTCDay() + 6) % 7) + 1;
}

const bankHolidaysByYear = new Map<number, Map<IsoDate, string>>();
const englandAndWales = new Holidays('GB', 'ENG');

/** England and Wales bank holidays (the two share them), with their names. */
export function bankHoliday(date: IsoDate): string | undefined {
  const year = Number(date.slice(0, 4));
  let holidays = bankHolidaysByYear.get(year);
  if (!holidays) {
    holidays = new Map(englandAndWales.getHolidays(year)
      .filter((h) => h.type === 'public' || h.type === 'bank')
      .map((h) => [h.date.slice(0, 10), h.name]));
    bankHolidaysByYear.set(year, holidays);
  }
  return holidays.get(date);
}

export interface WorkingCalendar {
  isWorkingDay(date: IsoDate): boolean;
}

export function workingCalendar(workingDays: readonly number[] = [1, 2, 3, 4, 5]): WorkingCalendar {
  const days = new Set(workingDays.length > 0 ? workingDays : [1, 2, 3, 4, 5]);
  return { isWorkingDay: (date) => days.has(isoWeekday(date)) && !bankHoliday(date) };
}

/** The date itself if it is a working day, otherwise the next one. */
export function onOrAfterWorkingDay(date: IsoDate, calendar: WorkingCalendar): IsoDate {
  let d = date;
  while (!calendar.isWorkingDay(d)) d = addDays(d, 1);
  return d;
}

/** The nth working day after `date` (n = 0: `date` itself if working, else the next working day). One working day after a Saturday is Monday. */
export function addWorkingDays(date: IsoDate, n: number, calendar: WorkingCalendar): IsoDate {
  if (n === 0) return onOrAfterWorkingDay(date, calendar);
  let d = date;
  for (let i = 0; i < n; i++) d = onOrAfterWorkingDay(addDays(d, 1), calendar);
  return d;
}

/** The nth working day before `date`: 3 working days before Tuesday 29 December 2026 is Tuesday 22nd. */
export function workingDaysBefore(date: IsoDate, n: number, calendar: WorkingCalendar): IsoDate {
  let d = date;
  for (let i = 0; i < n;) {
    d = addDays(d, -1);
    if (calendar.isWorkingDay(d)) i += 1;
  }
  return d;
}

/** How far ahead a day is still "Thursday 10 December" without its year: anything later, or past, says the year. */
const NEAR_DAYS = 183;

/** "Thursday 10 December 2026" (Intl's en-GB puts a comma after the weekday once a year is asked for). */
function weekdayAnd(date: IsoDate, withYear: boolean): string {
  const at = new Date(toUtc(date));
  const weekday = dateFormat('en-GB', { weekday: 'long', timeZone: 'UTC' }).format(at);
  const day = dateFormat('en-GB', { day: 'numeric', month: 'long', ...(withYear ? { year: 'numeric' } : {}), timeZone: 'UTC' }).format(at);
  return `${weekday} ${day}`;
}

/**
 * "Thursday 10 December" for a day from `today` to about six months ahead; "Thursday 11 November
 * 2021" for a day in the past or further ahead, where the year is not obvious.
 */
export function formatDay(date: IsoDate, today: IsoDate): string {
  return weekdayAnd(date, !(date >= today && daysBetween(today, date) <= NEAR_DAYS));
}

/** "Thursday 10 December 2026": a day on something kept, where the year must always show. */
export function formatFullDay(date: IsoDate): string {
  return weekdayAnd(date, true);
}

/** "31 March 2027": for dates that may be in another year. */
export function formatDate(date: IsoDate): string {
  return dateFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(toUtc(date)));
}

/** The Monday of the week `date` is in: the period a weekly plan is for. */
export function mondayOf(date: IsoDate): IsoDate {
  return addDays(date, 1 - isoWeekday(date));
}
