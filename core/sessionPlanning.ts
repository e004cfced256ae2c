// Which session comes next for a person: what a manager recorded, or else what the cadence policy expects.
import { addDays, type IsoDate } from './calendar';
import { nextAppraisal, nextSupervision, supervisionDue, type CadencePerson, type SessionKind } from './cadence';
import type { CadencePolicy } from './cadencePolicy';
import type { Person } from './people';
import { nextRecorded, type RecordedSchedule, type Session } from './sessions';

/** Sessions are planned this far ahead: beyond any prompt lead time the policy allows (15 working days). */
export const LOOKAHEAD_DAYS = 28;

export interface Planned {
  kind: SessionKind;
  date: IsoDate;
  time: string | null;
  source: Session['source'];
}

export const cadencePerson = (p: Person): CadencePerson => ({ profession: p.profession, careerStage: p.careerStage, startDate: p.startDate, workingDays: p.workingDays });

export function plannedSupervision(policy: CadencePolicy, person: Person, recorded: RecordedSchedule | undefined, today: IsoDate): Planned | null {
  const next = recorded && nextRecorded(recorded, today);
  if (next) return { kind: 'supervision', date: next, time: recorded.time, source: 'recorded' };
  const date = nextSupervision(policy, cadencePerson(person), { lastHeld: recorded?.lastHeld ?? null, after: addDays(today, -1) });
  return date ? { kind: 'supervision', date, time: null, source: 'cadence' } : null;
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
