// The prompt job: works out everyone's next supervision and appraisal, and for each session in the
// coming weeks sends what is due — the preparation card, one reminder, the card again after a
// snooze, and the supervisor's summary the working day before — each in the person's own working
// hours and time zone. Every send has a fixed batch key and every state change an ETag, so running
// it twice, at once, or again after a crash sends nothing twice.
import type { AppDeps } from '../app/deps';
import { promptCardKind, REVIEW_SLOTS } from '../app/sessions/preparation';
import { sendSummary } from '../app/sessions/summary';
import { addDays, addWorkingDays, formatDay, workingCalendar, workingDaysBefore, type IsoDate } from '../core/calendar';
import { SESSION_LABELS } from '../core/cadence';
import { policyOn } from '../core/cadencePolicy';
import type { Person } from '../core/people';
import { LOOKAHEAD_DAYS, plannedAppraisal, plannedSupervision } from '../core/sessionPlanning';
import { localClock, localDate } from '../core/zonedTime';
import type { StoredSession } from '../store/sessions';
import { ConcurrencyError } from '../store/errors';
import { planSession } from '../app/sessions/planning';


export async function runSessionPrompts(deps: AppDeps): Promise<string> {
  const tenantId = deps.config.tenantId;
  const now = deps.clock.now();
  const orgToday = localDate(now, deps.config.timeZone);
  const settings = policyOn(deps.policy, orgToday).prompts;
  const [people, schedules, conversations] = await Promise.all([
    deps.people.list(tenantId), deps.schedules.list(tenantId), deps.conversations.list(tenantId),
  ]);
  const byId = new Map(people.filter((p) => p.status !== 'left').map((p) => [p.aadObjectId, p]));
  const zoneOf = new Map(conversations.map((c) => [c.aadObjectId, c.timeZone ?? deps.config.timeZone]));
  const schedule = new Map(schedules.map((s) => [`${s.personId}|${s.kind}`, s]));
  const counts = { planned: 0, prompted: 0, reminded: 0, resent: 0, summaries: 0, closed: 0 };

  /** Where someone is, right now: their date, and whether it is their working time. */
  const localNow = (person: Person) => {
    const zone = zoneOf.get(person.aadObjectId) ?? deps.config.timeZone;
    const today = localDate(now, zone);
    const clock = localClock(now, zone);
    const calendar = workingCalendar(person.workingDays);
    return { zone, today, calendar, working: calendar.isWorkingDay(today) && clock >= settings.sendFrom && clock < settings.sendUntil };
  };

  // 1. Plan each person's next sessions, so there is a row to keep state on. One day more than the
  // lookahead: people in zones ahead of London are already in tomorrow.
  const windowFrom = addDays(orgToday, -7);
  const windowTo = addDays(orgToday, LOOKAHEAD_DAYS + 1);
  const rowsOf = groupBy(await deps.sessions.listBetween(tenantId, windowFrom, windowTo), (s) => s.personId);
  for (const person of byId.values()) {
    // Someone who introduced themselves is prompted once their manager has confirmed them.
    if (person.status !== 'active') continue;
    const { today } = localNow(person);
    const plans = [
      plannedSupervision(deps.policy, person, schedule.get(`${person.aadObjectId}|supervision`), today),
      plannedAppraisal(deps.policy, person, [schedule.get(`${person.aadObjectId}|appraisal`), schedule.get(`${person.aadObjectId}|midyear`)], today),
    ];
    for (const plan of plans) {
      if (!plan || plan.date > addDays(today, LOOKAHEAD_DAYS)) continue;
      if (await planSession(deps, person, plan, rowsOf.get(person.aadObjectId) ?? [])) counts.planned += 1;
    }
  }

  // 2. For each session in the window, send whatever is due now.
  for (const session of await deps.sessions.listBetween(tenantId, windowFrom, windowTo)) {
    if (session.status !== 'upcoming') continue;
    const person = byId.get(session.personId);
    if (!person || person.status !== 'active') {
      // They have left (or are no longer confirmed): nothing more is sent for it.
      await deps.sessions.update(session, { status: 'cancelled' }).catch(ignoreRace);
      counts.closed += 1;
      continue;
    }
    const { zone, today, calendar, working } = localNow(person);
    try {
      if (session.date < today) {
        await close(deps, session);
        counts.closed += 1;
        continue;
      }
      if (working) {
        const sent = await prepare(deps, session, { today, zone, calendar }, settings);
        if (sent) counts[sent] += 1;
      }
      const supervisor = session.supervisorId ? byId.get(session.supervisorId) : undefined;
      if (supervisor && supervisor.status === 'active' && !session.summarySentAt) {
        const there = localNow(supervisor);
        if (there.working && there.today >= workingDaysBefore(session.date, 1, there.calendar) && there.today <= session.date) {
          const current = await fresh(deps, session);
          await sendSummary(deps, current, supervisor.aadObjectId);
          await deps.sessions.update(current, { summarySentAt: now.toISOString() });
          counts.summaries += 1;
        }
      }
    } catch (err) {
      if (!(err instanceof ConcurrencyError)) throw err; // another run moved this session on first
    }
  }
  return Object.entries(counts).map(([k, v]) => `${k} ${v}`).join(', ');
}

function ignoreRace(err: unknown) {
  if (!(err instanceof ConcurrencyError)) throw err;
}

async function fresh(deps: AppDeps, session: StoredSession): Promise<StoredSession> {
  return (await deps.sessions.get(session.tenantId, session.key)) ?? session;
}

/**
 * A session whose day has gone counts as held when a manager recorded it or the person prepared
 * for it; supervision cadence counts on from it. The schedule is written first: if the status
 * write is lost, the next run closes it again, and recording the same date twice is harmless.
 */
async function close(deps: AppDeps, session: StoredSession) {
  if (session.source === 'recorded' || session.answeredAt) {
    await deps.schedules.recordHeld(session.tenantId, session.personId, session.kind, session.date);
    await deps.sessions.update(session, { status: 'held' });
  } else {
    await deps.sessions.update(session, { status: 'lapsed' });
  }
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

type Sent = 'prompted' | 'reminded' | 'resent';

async function prepare(
  deps: AppDeps,
  session: StoredSession,
  where: { today: IsoDate; zone: string; calendar: ReturnType<typeof workingCalendar> },
  settings: { workingDaysBefore: number; reminderAfterWorkingDays: number },
): Promise<Sent | null> {
  const { today, zone, calendar } = where;
  const now = deps.clock.now().toISOString();
  const label = SESSION_LABELS[session.kind];
  if (!session.promptSentAt) {
    if (today < workingDaysBefore(session.date, settings.workingDaysBefore, calendar)) return null;
    const reviewNeedIds = session.kind === 'supervision' ? [] : (await deps.needs.listFor(session.tenantId, session.personId))
      .filter((n) => n.status === 'open' || n.status === 'planned' || n.status === 'in_progress')
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt))
      .slice(0, REVIEW_SLOTS)
      .map((n) => n.needId);
    // Queue first, record after: the batch key makes a second queueing a no-op, so a crash in between cannot lose or double the card.
    const cardId = await deps.outbox.sendCard({
      tenantId: session.tenantId, batch: `prompt|${session.key}`, recipientId: session.personId,
      kind: promptCardKind(session.kind), context: { sessionKey: session.key, reviewNeedIds },
    });
    await deps.sessions.update(session, { promptCardId: cardId, promptSentAt: now });
    return 'prompted';
  }
  if (session.answeredAt || !session.promptCardId) return null;
  if (session.snoozedUntil) {
    if (today < session.snoozedUntil) return null;
    await deps.outbox.resendCard(session.tenantId, `prompt|${session.key}|snooze${session.snoozes.length}`, session.personId, session.promptCardId,
      { heading: 'As you asked', text: `Here it is again, for your ${label} on ${formatDay(session.date, today)}.` });
    await deps.sessions.update(session, { snoozedUntil: null });
    return 'resent';
  }
  // The reminder counts from when the card last arrived: the first time, or again after a snooze.
  const sent = localDate(new Date(session.promptSentAt), zone);
  const lastArrived = session.snoozes.reduce((latest, s) => (s.until > latest ? s.until : latest), sent);
  if (!session.remindedAt && today >= addWorkingDays(lastArrived, settings.reminderAfterWorkingDays, calendar)) {
    await deps.outbox.resendCard(session.tenantId, `prompt-reminder|${session.key}`, session.personId, session.promptCardId,
      { heading: 'Reminder', text: `Your ${label} is on ${formatDay(session.date, today)}. A few minutes now will make it count.` });
    await deps.sessions.update(session, { remindedAt: now });
    return 'reminded';
  }
  return null;
}
