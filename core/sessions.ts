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
  /** What was agreed at the latest supervision held (the person's own; their `my plan` shows it). */
  agreed?: { date: IsoDate; actions: AgreedAction[] } | null;
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
 * - `unconfirmed`: a supervision whose day has passed; its supervisor is asked what happened.
 * - `held`: confirmed: for supervision, its supervisor said so; for appraisal and the mid-year
 *   review, its date passed with a recorded date or the person's preparation. Cadence counts on from it.
 * - `not_held`: its supervisor said it did not happen, and why.
 * - `lapsed`: an expected appraisal whose date passed with nothing recorded or prepared.
 * - `cancelled`, `moved`: as the person (or, after the day, the supervisor) told Weave;
 *   `superseded`: a manager recorded another date.
 */
export type SessionStatus = 'upcoming' | 'unconfirmed' | 'held' | 'not_held' | 'lapsed' | 'cancelled' | 'moved' | 'superseded';

/** Who an action agreed at supervision is for. */
export const ACTION_OWNERS = { person: 'the person supervised', supervisor: 'the supervisor', both: 'both' } as const;
export type ActionOwner = keyof typeof ACTION_OWNERS;
export const ACTION_OWNER_CODES = Object.keys(ACTION_OWNERS) as [ActionOwner, ...ActionOwner[]];

/** Something agreed at supervision: a short line, whose it is and by when; with an area of the Common Core, learning that joins the plan. */
export interface AgreedAction {
  text: string;
  owner: ActionOwner;
  due: IsoDate;
  /** A Common Core area: a learning action, which becomes a need in the person's plan (`needId`). */
  area: string | null;
  needId: string | null;
}

/** What the supervisor said happened, after the day. */
export interface SessionOutcome {
  outcome: 'held' | 'moved' | 'not_held';
  by: string;
  at: string;
  actions: AgreedAction[];
  /** Why it did not happen. */
  reason: string | null;
}

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
  /** After the day: the card asking the supervisor what happened (or, at appraisal, to agree the plan), and its one reminder. */
  afterCardId: string | null;
  afterSentAt: string | null;
  afterRemindedAt: string | null;
  outcome: SessionOutcome | null;
  /** The CPD record the person logged it as, once they have. */
  cpdRecordId: string | null;
}

export function sessionKey(s: Pick<Session, 'date' | 'personId' | 'kind'>): string {
  return `${s.date}|${s.personId}|${s.kind}`;
}
