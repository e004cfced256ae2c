// Which session comes next for a person: what a manager recorded, or else what the cadence policy expects.
import { addDays, addWorkingDays, workingCalendar, type IsoDate } from './calendar';
import { nextAppraisal, nextSupervision, supervisionDue, supervisionsUntil, type CadencePerson, type SessionKind } from './cadence';
import type { CadencePolicy } from './cadencePolicy';
import type { Person } from './people';
import { nextRecorded, type RecordedSchedule, type Session } from './sessions';

/** Sessions are planned at least this far ahead (and further when someone's notice needs it: see planningHorizon). */
export const LOOKAHEAD_DAYS = 28;

/**
 * How far ahead someone's sessions must be planned so that every prompt can go on its day: the
 * last session whose prompt, `notice` of their working days before it, falls by tomorrow (someone
 * in a zone ahead of London is already in it) — and never less than LOOKAHEAD_DAYS. A part-timer
 * with a long notice may need weeks more.
 */
export function planningHorizon(today: IsoDate, notice: number, workingDays: readonly number[]): IsoDate {
  const byNotice = addWorkingDays(addDays(today, 1), notice, workingCalendar(workingDays));
  const byDefault = addDays(today, LOOKAHEAD_DAYS);
  return byNotice > byDefault ? byNotice : byDefault;
}

export interface Planned {
  kind: SessionKind;
  date: IsoDate;
  time: string | null;
  source: Session['source'];
}

export const cadencePerson = (p: Person): CadencePerson => ({ profession: p.profession, careerStage: p.careerStage, startDate: p.startDate, workingDays: p.workingDays, knownSince: p.knownSince ?? null });

export function plannedSupervision(policy: CadencePolicy, person: Person, recorded: RecordedSchedule | undefined, today: IsoDate): Planned | null {
  const next = recorded && nextRecorded(recorded, today);
  if (next) return { kind: 'supervision', date: next, time: recorded.time, source: 'recorded' };
  const date = nextSupervision(policy, cadencePerson(person), { lastHeld: recorded?.lastHeld ?? null, after: addDays(today, -1) });
  return date ? { kind: 'supervision', date, time: null, source: 'cadence' } : null;
}

/**
 * Every supervision from `today` to `until`, so that none waits for the one before it to pass before
 * it is planned (its prompt may fall due before then). A date a manager recorded wins: a repeating
 * recording replaces the cadence; after a one-off date the cadence counts on from it. The cadence's
 * dates are counted on as if each were held on its day.
 */
export function plannedSupervisions(policy: CadencePolicy, person: Person, recorded: RecordedSchedule | undefined, today: IsoDate, until: IsoDate): Planned[] {
  const cp = cadencePerson(person);
  const first = recorded && nextRecorded(recorded, today);
  if (!first) {
    return supervisionsUntil(policy, cp, { lastHeld: recorded?.lastHeld ?? null, after: addDays(today, -1), until })
      .map((date) => ({ kind: 'supervision', date, time: null, source: 'cadence' }));
  }
  const planned: Planned[] = [];
  for (let d: IsoDate | null = first; d && d <= until; d = recorded.repeat === 'none' ? null : nextRecorded(recorded, addDays(d, 1))) {
    planned.push({ kind: 'supervision', date: d, time: recorded.time, source: 'recorded' });
  }
  if (recorded.repeat !== 'none' || first > until) return planned;
  return [...planned, ...supervisionsUntil(policy, cp, { lastHeld: first, after: first, until })
    .map((date): Planned => ({ kind: 'supervision', date, time: null, source: 'cadence' }))];
}

export function plannedAppraisal(policy: CadencePolicy, person: Person, recorded: readonly (RecordedSchedule | undefined)[], today: IsoDate): Planned | null {
  const fromManager = recorded
    .flatMap((r) => (r ? [{ kind: r.kind, date: nextRecorded(r, today), time: r.time }] : []))
    .filter((r): r is { kind: SessionKind; date: IsoDate; time: string | null } => !!r.date)
    .sort((a, b) => a.date.localeCompare(b.date))[0];
  if (fromManager) return { ...fromManager, source: 'recorded' };
  const next = nextAppraisal(policy, cadencePerson(person), addDays(today, -1));
  return next ? { kind: next.kind, date: next.date, time: null, source: 'cadence' } : null;
}

/** Supervision is overdue when policy says it was due and no session since has been recorded. */
export function overdueSince(policy: CadencePolicy, person: Person, recorded: RecordedSchedule | undefined, today: IsoDate): IsoDate | null {
  const upcomingRecorded = recorded && nextRecorded(recorded, today);
  if (upcomingRecorded) return null;
  const due = supervisionDue(policy, cadencePerson(person), recorded?.lastHeld ?? null);
  return due && due < today ? due : null;
}

/** Who runs a session and gets the person's preparation: the professional supervisor for supervision, else the line manager. */
export function supervisorFor(person: Pick<Person, 'supervisorId' | 'managerId'>, kind: SessionKind): string | null {
  return (kind === 'supervision' ? person.supervisorId ?? person.managerId : person.managerId) ?? null;
}

/** Sessions of the same family replace each other: supervision, or appraisal and its mid-year review. */
export const sessionFamily = (kind: SessionKind) => (kind === 'supervision' ? 'supervision' : 'appraisal');
