// A person changing a session they were asked to prepare for: not now (snooze, at most to the
// working day before), or not happening (moved to a new date, which carries what they wrote; or
// cancelled). Their supervisor is told.
import { addDays, addWorkingDays, formatDay, workingCalendar, workingDaysBefore, type IsoDate } from '../../core/calendar';
import { SESSION_LABELS } from '../../core/cadence';
import { nameOf } from '../../core/people';
import type { AppDeps } from '../deps';
import { newSession } from './planning';
import type { Preparation } from './preparation';

/** Snoozes the preparation by working days; answers until when, or why not. */
export async function snoozePreparation(deps: Pick<AppDeps, 'sessions' | 'clock' | 'log'>, p: Preparation, today: IsoDate, days: number, reason: string): Promise<{ invalid: string[] } | { until: IsoDate }> {
  const calendar = workingCalendar(p.person.workingDays);
  // No later than the working day before the session: there must be time to answer.
  const latest = workingDaysBefore(p.session.date, 1, calendar);
  const asked = addWorkingDays(today, days, calendar);
  const until = asked < latest ? asked : latest;
  if (until <= today) {
    return { invalid: [`The session is on ${formatDay(p.session.date, today)}, so there is no time left to snooze. Send what you have, or use Not happening if it has moved.`] };
  }
  const snoozes = [...p.session.snoozes, { at: deps.clock.now().toISOString(), until, reason }];
  await deps.sessions.update(p.session, { snoozes, snoozedUntil: until });
  deps.log.info('session.snoozed', { kind: p.session.kind, days, times: snoozes.length });
  return { until };
}

export type SessionChange = { change: 'cancelled' } | { change: 'moved'; newDate: IsoDate };

/** Records that the session moved or was cancelled, and tells the supervisor. */
export async function changeSession(deps: Pick<AppDeps, 'sessions' | 'outbox' | 'log'>, p: Preparation, today: IsoDate, what: SessionChange): Promise<{ invalid: string[] } | { changed: true }> {
  const { session, person, supervisor } = p;
  if (what.change === 'moved' && (what.newDate <= today || what.newDate > addDays(today, 366))) {
    return { invalid: ['The new date must be after today and within a year.'] };
  }
  if (what.change === 'cancelled') {
    await deps.sessions.update(session, { status: 'cancelled' });
  } else {
    // The new date first: if anything fails after it, the session is not lost. What they
    // wrote comes with it (the new card opens with it) and its needs keep their ids.
    const carried = { answers: session.answers, answeredAt: session.answeredAt, originKey: session.originKey ?? session.key };
    const moved = await deps.sessions.ensure(newSession(person, { kind: session.kind, date: what.newDate, time: null, source: 'recorded' }, carried));
    if (moved.status !== 'upcoming') await deps.sessions.update(moved, { status: 'upcoming', source: 'recorded', ...carried });
    await deps.sessions.update(session, { status: 'moved', movedTo: what.newDate });
  }
  if (supervisor) {
    const label = SESSION_LABELS[session.kind];
    await deps.outbox.sendText(session.tenantId, `session-change|${session.key}`, supervisor.aadObjectId, what.change === 'cancelled'
      ? `${nameOf(person)} says your ${label} on ${formatDay(session.date, today)} is cancelled.`
      : `${nameOf(person)} says your ${label} on ${formatDay(session.date, today)} has moved to ${formatDay(what.newDate, today)}.`);
  }
  deps.log.info('session.changed', { kind: session.kind, change: what.change });
  return { changed: true };
}
