// After a session's day. A supervision waits for its supervisor to say what happened: the working
// day after, they get a card (held, with what was agreed; moved; or did not happen), and one
// reminder if it is still unanswered. An appraisal the person prepared for asks their appraiser to
// agree next year's plan the same way. Until a supervisor confirms it, a supervision is not held:
// team status, the overdue rule and the plans count confirmed sessions only.
import { addWorkingDays, formatDay, type IsoDate, type WorkingCalendar } from '../../core/calendar';
import { SESSION_LABELS } from '../../core/cadence';
import { nameOf, type Person } from '../../core/people';
import type { StoredSession } from '../../store/sessions';
import type { AppDeps } from '../deps';

/** How long the card asking what happened can be answered: after that, the session stays unconfirmed. */
export const AFTER_CARD_DAYS = 30;

/**
 * A session whose day has gone. Supervision waits for its supervisor's word (`unconfirmed`). An
 * appraisal or mid-year review counts as held when a manager recorded it or the person prepared for
 * it (its cycle counts on from it; the plan is then agreed); otherwise it lapsed. The schedule is
 * written first: if the status write is lost, the next run closes it again, and recording the same
 * date twice is harmless.
 */
export async function closeSession(deps: Pick<AppDeps, 'sessions' | 'schedules'>, session: StoredSession): Promise<StoredSession> {
  if (session.kind === 'supervision') return deps.sessions.update(session, { status: 'unconfirmed' });
  if (session.source === 'recorded' || session.answeredAt) {
    await deps.schedules.recordHeld(session.tenantId, session.personId, session.kind, session.date);
    return deps.sessions.update(session, { status: 'held' });
  }
  return deps.sessions.update(session, { status: 'lapsed' });
}

/** Whether, after its day, a session's supervisor is asked anything: what happened, or to agree the plan. */
export function asksAfter(session: StoredSession): boolean {
  if (session.kind === 'supervision') return session.status === 'unconfirmed';
  return session.kind === 'appraisal' && session.status === 'held' && !!session.answeredAt;
}

export type AfterSent = 'afterCards' | 'afterReminders';

/**
 * Sends the supervisor's card after the day, or its one reminder, if either is due where they are
 * (`there`: their today and working days; the caller checks their working hours). Answers what this
 * call queued, if anything.
 */
export async function sendAfterCard(
  deps: Pick<AppDeps, 'sessions' | 'outbox' | 'cards' | 'clock'>, session: StoredSession, supervisor: Person, person: Person,
  there: { today: IsoDate; calendar: WorkingCalendar; sentOn: (at: string) => IsoDate }, reminderAfterWorkingDays: number,
  counted: (what: AfterSent) => void,
): Promise<StoredSession> {
  const now = deps.clock.now();
  const appraisal = session.kind === 'appraisal';
  if (!session.afterSentAt) {
    if (there.today < addWorkingDays(session.date, 1, there.calendar)) return session;
    const { cardId, queued } = await deps.outbox.issueAndQueue({
      tenantId: session.tenantId, batch: `after|${session.key}`, recipientId: supervisor.aadObjectId,
      ...(appraisal
        ? { kind: 'planAgreement' as const, context: { sessionKey: session.key, personId: session.personId } }
        : { kind: 'sessionOutcome' as const, context: { sessionKey: session.key, personId: session.personId } }),
      expiresAt: new Date(now.getTime() + AFTER_CARD_DAYS * 86_400_000).toISOString(),
    });
    if (queued) counted('afterCards');
    return deps.sessions.update(session, { afterCardId: cardId, afterSentAt: now.toISOString() });
  }
  if (session.afterRemindedAt || !session.afterCardId) return session;
  if (there.today < addWorkingDays(there.sentOn(session.afterSentAt), reminderAfterWorkingDays, there.calendar)) return session;
  const card = await deps.cards.get(session.afterCardId);
  if (!card || card.state !== 'open' || (card.expiresAt && card.expiresAt < now.toISOString())) return session;
  const label = SESSION_LABELS[session.kind];
  const queued = await deps.outbox.resendCard(session.tenantId, `after-reminder|${session.key}`, supervisor.aadObjectId, session.afterCardId, {
    heading: 'Reminder',
    text: appraisal
      ? `${nameOf(person)}'s plan for next year is waiting for you to agree it, after their appraisal on ${formatDay(session.date, there.today)}.`
      : `Did ${nameOf(person)}'s ${label} on ${formatDay(session.date, there.today)} happen? Until you say, it does not count as held.`,
  });
  if (queued) counted('afterReminders');
  return deps.sessions.update(session, { afterRemindedAt: now.toISOString() });
}
