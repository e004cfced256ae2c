// The organisation's learning and development year: what its plan, commissioning and budget are
// for (a council's financial year, April to March, unless policy/plans.json says otherwise), and
// the school terms people set targets in.
import { addDays, addMonths, formatDate, type IsoDate } from './calendar';

export interface OrgYear {
  /** The first day: also the year's id. */
  start: IsoDate;
  end: IsoDate;
  /** "2026–27" */
  label: string;
}

/** The year containing `date`, for a year that starts on `startsOn` (a month-day). */
export function orgYearOf(date: IsoDate, startsOn: string): OrgYear {
  const year = Number(date.slice(0, 4));
  const thisYears = `${year}-${startsOn}`;
  const start = thisYears <= date ? thisYears : `${year - 1}-${startsOn}`;
  const end = addDays(addMonths(start, 12), -1);
  const first = Number(start.slice(0, 4));
  return { start, end, label: start.slice(5) === '01-01' ? String(first) : `${first}–${String(first + 1).slice(2)}` };
}

export const previousYear = (year: OrgYear, startsOn: string): OrgYear => orgYearOf(addDays(year.start, -1), startsOn);

/** The date in `year` of a month-day, the first such date on or after the year's start. */
export function dayInYear(year: OrgYear, monthDay: string): IsoDate {
  const same = `${year.start.slice(0, 4)}-${monthDay}`;
  return same >= year.start ? same : `${Number(year.start.slice(0, 4)) + 1}-${monthDay}`;
}

/** England's school terms, the way targets are set across children's services. */
const TERMS = [['Spring', '01-01'], ['Summer', '04-01'], ['Autumn', '09-01']] as const;

/** "Summer 2027": the term a date falls in. */
export function termOf(date: IsoDate): string {
  const md = date.slice(5);
  const term = [...TERMS].reverse().find(([, from]) => md >= from)!;
  return `${term[0]} ${date.slice(0, 4)}`;
}

/** The term `date` is in and the `count - 1` after it: the targets a plan can set. */
export function termsFrom(date: IsoDate, count: number): string[] {
  const terms: string[] = [];
  for (let d = date; terms.length < count; d = addMonths(d, 1)) {
    const t = termOf(d);
    if (!terms.includes(t)) terms.push(t);
  }
  return terms;
}

export const describeYear = (year: OrgYear) => `${year.label} (${formatDate(year.start)} to ${formatDate(year.end)})`;
