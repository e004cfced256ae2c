// Keeps the sessions table in step with what is planned for a person, from one place: the prompt
// job's planning, a manager recording a date, and a person or supervisor saying a session has moved all come here.
import { sessionFamily, supervisorFor, type Planned } from '../../core/sessionPlanning';
import { sessionKey, type Session } from '../../core/sessions';
import type { IsoDate } from '../../core/calendar';
import type { Person } from '../../core/people';
import type { SessionPatch, StoredSession } from '../../store/sessions';
import { ConcurrencyError } from '../../store/errors';
import type { AppDeps } from '../deps';

export type PlanOutcome = 'planned' | 'revived' | 'updated' | null;

function ignoreRace(err: unknown) {
  if (!(err instanceof ConcurrencyError)) throw err;
}

/** A session row as planning first writes it. */
export function newSession(person: Person, plan: Planned, extra: Partial<Session> = {}): Session {
  return {
    tenantId: person.tenantId, personId: person.aadObjectId, kind: plan.kind, date: plan.date, time: plan.time, source: plan.source,
    supervisorId: supervisorFor(person, plan.kind), status: 'upcoming', movedTo: null, promptCardId: null, promptSentAt: null,
    remindedAt: null, answeredAt: null, answers: null, snoozes: [], snoozedUntil: null, summarySentAt: null, originKey: null,
    afterCardId: null, afterSentAt: null, afterRemindedAt: null, outcome: null, cpdRecordId: null, ...extra,
  };
}

/**
 * Makes `plans` (all of one family: supervision, or appraisal and its mid-year review; from `today`
 * on) the person's upcoming sessions of that family. `rows` are the person's session rows around
 * them (any status). A date someone recorded — a manager, or the person moving a session — wins over
 * the cadence; cadence dates replace other cadence dates from today on (the grid moved: a new start
 * date, career stage, working days or policy). Rows before today are left for the prompt job to
 * close. A row for the same day that had been replaced comes back, keeping what was sent for it;
 * one the person cancelled or moved away from does not. Answers how many rows this call created.
 */
export async function planSessions(deps: Pick<AppDeps, 'sessions'>, person: Person, plans: readonly Planned[], rows: readonly StoredSession[], today: IsoDate): Promise<number> {
  if (plans.length === 0) return 0;
  const family = rows.filter((r) => r.personId === person.aadObjectId && sessionFamily(r.kind) === sessionFamily(plans[0]!.kind));
  const upcoming = family.filter((r) => r.status === 'upcoming' && r.date >= today);
  // A date the person moved a session to (or a manager recorded that is not in the schedule) stands: the cadence waits.
  const standing = upcoming.some((r) => r.source === 'recorded' && !plans.some((p) => p.source === 'recorded' && p.date === r.date));
  const wanted = standing ? plans.filter((p) => p.source === 'recorded') : plans;
  const keys = new Set(wanted.map((p) => sessionKey({ date: p.date, personId: person.aadObjectId, kind: p.kind })));
  for (const stale of upcoming.filter((r) => !keys.has(r.key) && r.source === 'cadence')) {
    await deps.sessions.update(stale, { status: 'superseded' }).catch(ignoreRace);
  }
  let created = 0;
  for (const plan of wanted) if ((await planOne(deps, person, plan, family)) === 'planned') created += 1;
  return created;
}

async function planOne(deps: Pick<AppDeps, 'sessions'>, person: Person, plan: Planned, family: readonly StoredSession[]): Promise<PlanOutcome> {
  const key = sessionKey({ date: plan.date, personId: person.aadObjectId, kind: plan.kind });
  const existing = family.find((r) => r.key === key) ?? (await deps.sessions.get(person.tenantId, key));
  if (!existing) {
    const made = await deps.sessions.ensure(newSession(person, plan));
    return made.created === false ? null : 'planned';
  }
  const revived = existing.status === 'superseded';
  if (existing.status !== 'upcoming' && !revived) return null;
  const patch: SessionPatch = {};
  if (revived) patch.status = 'upcoming';
  if (plan.source === 'recorded' && existing.source !== 'recorded') patch.source = 'recorded';
  if (plan.source === 'recorded' && plan.time !== existing.time) patch.time = plan.time;
  const supervisorId = supervisorFor(person, plan.kind);
  if (existing.supervisorId !== supervisorId) patch.supervisorId = supervisorId;
  if (Object.keys(patch).length === 0) return null;
  await deps.sessions.update(existing, patch).catch(ignoreRace);
  return revived ? 'revived' : 'updated';
}
