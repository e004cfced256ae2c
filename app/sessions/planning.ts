// Keeps the sessions table in step with what is planned for a person, from one place: the prompt
// job's planning, a manager recording a date, and a person saying a session has moved all come here.
import { sessionFamily, supervisorFor, type Planned } from '../../core/sessionPlanning';
import { sessionKey, type Session } from '../../core/sessions';
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
    remindedAt: null, answeredAt: null, answers: null, snoozes: [], snoozedUntil: null, summarySentAt: null, originKey: null, ...extra,
  };
}

/**
 * Makes `plan` the person's upcoming session of its family. `rows` are the person's session rows
 * around it (any status). A date someone recorded — a manager, or the person moving a session —
 * wins over the cadence; a cadence date replaces other cadence dates (the grid moved: a new start
 * date, career stage, working days or policy). A row for the same day that had been replaced comes
 * back, keeping what was sent for it; one the person cancelled or moved away from does not.
 */
export async function planSession(deps: Pick<AppDeps, 'sessions'>, person: Person, plan: Planned, rows: readonly StoredSession[]): Promise<PlanOutcome> {
  const family = rows.filter((r) => r.personId === person.aadObjectId && sessionFamily(r.kind) === sessionFamily(plan.kind));
  const upcoming = family.filter((r) => r.status === 'upcoming');
  if (plan.source === 'cadence' && upcoming.some((r) => r.source === 'recorded')) return null;
  const key = sessionKey({ date: plan.date, personId: person.aadObjectId, kind: plan.kind });
  for (const stale of upcoming.filter((r) => r.key !== key && r.source === 'cadence')) {
    await deps.sessions.update(stale, { status: 'superseded' }).catch(ignoreRace);
  }

  const existing = family.find((r) => r.key === key) ?? (await deps.sessions.get(person.tenantId, key));
  if (!existing) {
    await deps.sessions.ensure(newSession(person, plan));
    return 'planned';
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
