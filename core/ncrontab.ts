// NCRONTAB schedules (the six-field cron of Azure Functions timers: second minute hour day month
// day-of-week), evaluated in a named time zone so "08:30" means 08:30 in Europe/London in both
// GMT and BST. Day-of-month and day-of-week must both match, as in NCrontab. Occurrences are
// wall-clock times: one the spring change skips (01:30 in London) does not happen that day, and
// one the autumn change repeats happens at both instants (callers that must run once per
// occurrence key it by its wall-clock time, see localWallClock).
import { dateFormat } from './dateFormats';
import { localDate, zonedToInstant } from './zonedTime';

export interface Schedule {
  expression: string;
  seconds: ReadonlySet<number>;
  minutes: ReadonlySet<number>;
  hours: ReadonlySet<number>;
  days: ReadonlySet<number>;
  months: ReadonlySet<number>;
  weekdays: ReadonlySet<number>;
}

const MONTH_NAMES = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];
const DAY_NAMES = ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'];

interface FieldSpec {
  name: string;
  min: number;
  max: number;
  names?: string[];
  namesStartAt?: number;
}

const FIELDS: FieldSpec[] = [
  { name: 'second', min: 0, max: 59 },
  { name: 'minute', min: 0, max: 59 },
  { name: 'hour', min: 0, max: 23 },
  { name: 'day', min: 1, max: 31 },
  { name: 'month', min: 1, max: 12, names: MONTH_NAMES, namesStartAt: 1 },
  { name: 'day-of-week', min: 0, max: 7, names: DAY_NAMES, namesStartAt: 0 },
];

export class ScheduleError extends Error {
  constructor(expression: string, reason: string) {
    super(`"${expression}" is not an NCRONTAB schedule: ${reason}`);
    this.name = 'ScheduleError';
  }
}

function parseValue(raw: string, spec: FieldSpec, expression: string): number {
  const upper = raw.toUpperCase();
  const named = spec.names?.indexOf(upper) ?? -1;
  const value = named >= 0 ? named + (spec.namesStartAt ?? 0) : /^\d+$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isInteger(value) || value < spec.min || value > spec.max) {
    throw new ScheduleError(expression, `${spec.name} "${raw}" is outside ${spec.min}-${spec.max}`);
  }
  return value;
}

function parseField(field: string, spec: FieldSpec, expression: string): Set<number> {
  const values = new Set<number>();
  for (const part of field.split(',')) {
    const [range, stepText] = part.split('/');
    const step = stepText === undefined ? 1 : Number(stepText);
    if (!range || !Number.isInteger(step) || step < 1) throw new ScheduleError(expression, `${spec.name} "${part}" has a bad step`);
    let from: number;
    let to: number;
    if (range === '*') {
      from = spec.min;
      to = spec.name === 'day-of-week' ? 6 : spec.max;
    } else if (range.includes('-')) {
      const [a, b] = range.split('-');
      from = parseValue(a ?? '', spec, expression);
      to = parseValue(b ?? '', spec, expression);
      if (from > to) throw new ScheduleError(expression, `${spec.name} range "${range}" runs backwards`);
    } else {
      from = parseValue(range, spec, expression);
      to = stepText === undefined ? from : spec.name === 'day-of-week' ? 6 : spec.max;
    }
    for (let v = from; v <= to; v += step) values.add(spec.name === 'day-of-week' && v === 7 ? 0 : v);
  }
  return values;
}

export function parseSchedule(expression: string): Schedule {
  const fields = expression.trim().split(/\s+/);
  if (fields.length !== 6) {
    throw new ScheduleError(expression, `expected 6 fields (second minute hour day month day-of-week), found ${fields.length}`);
  }
  const [seconds, minutes, hours, days, months, weekdays] = fields.map((f, i) => parseField(f, FIELDS[i]!, expression));
  return { expression, seconds: seconds!, minutes: minutes!, hours: hours!, days: days!, months: months!, weekdays: weekdays! };
}

interface LocalTime {
  month: number;
  day: number;
  weekday: number;
  hour: number;
  minute: number;
  second: number;
}

export function localTime(at: Date, timeZone: string): LocalTime {
  const f = dateFormat('en-GB', {
    timeZone, hourCycle: 'h23', month: 'numeric', day: 'numeric', weekday: 'short', hour: 'numeric', minute: 'numeric', second: 'numeric',
  });
  const parts = Object.fromEntries(f.formatToParts(at).map((p) => [p.type, p.value]));
  return {
    month: Number(parts.month), day: Number(parts.day), weekday: DAY_NAMES.indexOf(String(parts.weekday).toUpperCase()),
    hour: Number(parts.hour), minute: Number(parts.minute), second: Number(parts.second),
  };
}

/** Every schedule that fires at all fires within this (29 February recurs within 8 years). */
const HORIZON_SECONDS = 8 * 366 * 86_400;

/** The first instant of the local day after the one `t` (seconds) falls in: days are 23, 24 or 25 hours long. */
function nextLocalMidnight(t: number, timeZone: string): number {
  const [y, m, d] = localDate(new Date(t * 1000), timeZone).split('-').map(Number);
  const tomorrow = new Date(Date.UTC(y!, m! - 1, d! + 1)).toISOString().slice(0, 10);
  return Math.floor(zonedToInstant(`${tomorrow}T00:00:00`, timeZone).getTime() / 1000);
}

function localMidnight(t: number, timeZone: string): number {
  return Math.floor(zonedToInstant(`${localDate(new Date(t * 1000), timeZone)}T00:00:00`, timeZone).getTime() / 1000);
}

/** The first time after `after` (exclusive) that the schedule fires, in the given zone. */
export function nextOccurrence(schedule: Schedule, after: Date, timeZone: string): Date {
  let t = Math.floor(after.getTime() / 1000) + 1;
  const giveUpAt = t + HORIZON_SECONDS;
  while (t < giveUpAt) {
    const l = localTime(new Date(t * 1000), timeZone);
    if (!schedule.months.has(l.month) || !schedule.days.has(l.day) || !schedule.weekdays.has(l.weekday)) t = nextLocalMidnight(t, timeZone);
    else if (!schedule.hours.has(l.hour)) t += 3600 - (l.minute * 60 + l.second);
    else if (!schedule.minutes.has(l.minute)) t += 60 - l.second;
    else if (!schedule.seconds.has(l.second)) t += 1;
    else return new Date(t * 1000);
  }
  throw new ScheduleError(schedule.expression, 'it never fires');
}

/** The latest time at or before `atOrBefore` that the schedule fired, in the given zone. */
export function previousOccurrence(schedule: Schedule, atOrBefore: Date, timeZone: string): Date {
  let t = Math.floor(atOrBefore.getTime() / 1000);
  const giveUpAt = t - HORIZON_SECONDS;
  while (t > giveUpAt) {
    const l = localTime(new Date(t * 1000), timeZone);
    if (!schedule.months.has(l.month) || !schedule.days.has(l.day) || !schedule.weekdays.has(l.weekday)) t = localMidnight(t, timeZone) - 1;
    else if (!schedule.hours.has(l.hour)) t -= l.minute * 60 + l.second + 1;
    else if (!schedule.minutes.has(l.minute)) t -= l.second + 1;
    else if (!schedule.seconds.has(l.second)) t -= 1;
    else return new Date(t * 1000);
  }
  throw new ScheduleError(schedule.expression, 'it never fires');
}

/** An occurrence as the wall-clock time it stands for ("2026-10-25T01:30:00"): the same for both instants of a repeated hour. */
export function localWallClock(at: Date, timeZone: string): string {
  const l = localTime(at, timeZone);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${localDate(at, timeZone)}T${two(l.hour)}:${two(l.minute)}:${two(l.second)}`;
}
