// A manager or professional supervisor records when a session will be (maybe repeating): it wins
// over what the cadence policy expects, and the person is prompted before it.
import { addDays, type IsoDate } from '../../core/calendar';
import { SESSION_LABELS, type SessionKind } from '../../core/cadence';
import { firstName, type Person } from '../../core/people';
import { LOOKAHEAD_DAYS, sessionFamily, supervisorFor } from '../../core/sessionPlanning';
import type { Repeat } from '../../core/sessions';
import type { AppDeps } from '../deps';
import { planSessions } from './planning';

export interface SessionDate {
  kind: SessionKind;
  date: IsoDate;
  time: string;
  repeat: Repeat | '';
}

/** Who records a session: the professional supervisor for supervision, the line manager otherwise. */
export function mayRecord(person: Person, kind: SessionKind, recorderId: string): string | null {
  if (supervisorFor(person, kind) === recorderId) return null;
  return kind === 'supervision'
    ? `${firstName(person)}'s supervision is with their professional supervisor, who records it.`
    : `${firstName(person)}'s ${SESSION_LABELS[kind]} is with their line manager, who records it.`;
}

export async function recordSessionDate(
  deps: Pick<AppDeps, 'schedules' | 'sessions' | 'clock' | 'log'>, person: Person, recorderId: string, at: SessionDate, today: IsoDate,
): Promise<{ invalid: string[] } | { recorded: true }> {
  const refused = mayRecord(person, at.kind, recorderId);
  if (refused) return { invalid: [refused] };
  if (at.date < today || at.date > addDays(today, 366)) return { invalid: ['Choose a date from today to a year ahead.'] };
  const existing = await deps.schedules.get(person.tenantId, person.aadObjectId, at.kind);
  await deps.schedules.save({
    tenantId: person.tenantId, personId: person.aadObjectId, kind: at.kind, date: at.date, time: at.time || null,
    repeat: at.repeat || 'none', lastHeld: existing?.lastHeld ?? null, setBy: recorderId, updatedAt: deps.clock.now().toISOString(),
  });
  // Sessions already planned for other dates give way to this one (a newer recording wins over
  // an older one, and over a date the person moved to); a session already on this date becomes the recorded one.
  const rows = (await deps.sessions.listBetween(person.tenantId, today, addDays(today, LOOKAHEAD_DAYS + 7))).filter((s) => s.personId === person.aadObjectId);
  for (const s of rows) {
    if (s.status === 'upcoming' && sessionFamily(s.kind) === sessionFamily(at.kind) && s.date !== at.date) {
      await deps.sessions.update(s, { status: 'superseded' });
    }
  }
  if (at.date <= addDays(today, LOOKAHEAD_DAYS)) {
    await planSessions(deps, person, [{ kind: at.kind, date: at.date, time: at.time || null, source: 'recorded' }], await deps.sessions.listBetween(person.tenantId, at.date, at.date), today);
  }
  deps.log.info('session.recorded', { kind: at.kind, repeat: at.repeat || 'none' });
  return { recorded: true };
}
