// Supervision and appraisal sessions: the dates a manager records (one-off or repeating), and the
// concrete sessions Weave prepares people for, whether recorded or expected from the cadence.
import { addMonths, addWeeks, type IsoDate } from './calendar';
import type { SessionKind } from './cadence';

export const REPEATS = {
  none: 'Just this once',
  weekly: 'Every week',
  fortnightly: 'Every two weeks',
  four_weekly: 'Every four weeks',
  monthly: 'Every month, on the same date',
} as const;
export type Repeat = keyof typeof REPEATS;
export const REPEAT_CODES = Object.keys(REPEATS) as [Repeat, ...Repeat[]];

/** What a manager has recorded for one person and kind of session. */
export interface RecordedSchedule {
  tenantId: string;
  personId: string;
  kind: SessionKind;
  /** The first (or only) date. */
  date: IsoDate;
  time: string | null;
  repeat: Repeat;
  /** The latest recorded session that has taken place (not cancelled): cadence counts on from it. */
  lastHeld: IsoDate | null;
  setBy: string;
  updatedAt: string;
}

function step(date: IsoDate, repeat: Repeat, n: number): IsoDate {
  switch (repeat) {
    case 'weekly': return addWeeks(date, n);
    case 'fortnightly': return addWeeks(date, 2 * n);
    case 'four_weekly': return addWeeks(date, 4 * n);
    case 'monthly': return addMonths(date, n);
    case 'none': return date;
  }
}

/** The next recorded date on or after `from`, or null when the recording is all in the past. */
export function nextRecorded(schedule: Pick<RecordedSchedule, 'date' | 'repeat'>, from: IsoDate): IsoDate | null {
  if (schedule.date >= from) return schedule.date;
  if (schedule.repeat === 'none') return null;
  for (let n = 1; n < 2_000; n++) {
    const d = step(schedule.date, schedule.repeat, n);
    if (d >= from) return d;
  }
  return null;
}

/**
 * - `upcoming`: Weave is preparing the person for it.
 * - `held`: its date has passed and it was recorded by a manager or prepared for by the person;
 *   supervision cadence counts on from it.
 * - `lapsed`: an expected (cadence) session whose date passed with nothing recorded or prepared.
 * - `cancelled`, `moved`: as the person told Weave; `superseded`: a manager recorded another date.
 */
export type SessionStatus = 'upcoming' | 'held' | 'lapsed' | 'cancelled' | 'moved' | 'superseded';

export interface Snooze {
  at: string;
  until: IsoDate;
  reason: string;
}

export interface Session {
  tenantId: string;
  personId: string;
  kind: SessionKind;
  date: IsoDate;
  time: string | null;
  source: 'recorded' | 'cadence';
  /** Who runs it and gets the preparation summary: the professional supervisor, else the line manager. */
  supervisorId: string | null;
  status: SessionStatus;
  movedTo: IsoDate | null;
  promptCardId: string | null;
  promptSentAt: string | null;
  remindedAt: string | null;
  answeredAt: string | null;
  /** What the person wrote: seen by them and their supervisor only. */
  answers: Record<string, string> | null;
  snoozes: Snooze[];
  snoozedUntil: IsoDate | null;
  summarySentAt: string | null;
  /** The key of the session this one was moved from, first in the line: the needs it named keep their ids. */
  originKey: string | null;
}

export function sessionKey(s: Pick<Session, 'date' | 'personId' | 'kind'>): string {
  return `${s.date}|${s.personId}|${s.kind}`;
}
