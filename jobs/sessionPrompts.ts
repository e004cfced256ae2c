// The prompt job: works out everyone's coming supervision and appraisal, and for each session sends
// what is due — the preparation card, one reminder, the card again after a snooze, the supervisor's
// summary the working day before, and after the day the supervisor's card asking what happened (or,
// after an appraisal, to agree the plan) with one reminder — each in the recipient's own working
// hours and time zone. Sessions are planned as far ahead as the prompt's notice needs, so a prompt
// never waits for the session before it to pass. Every send has a fixed batch key and every state
// change an ETag, so running it twice, at once, or again after a crash sends nothing twice; and its
// summary counts only what this run queued, so two runs' counts add up to what was sent.
import type { AppDeps } from '../app/deps';
import { asksAfter, closeSession, sendAfterCard, type AfterSent } from '../app/sessions/afterSession';
import { planSessions } from '../app/sessions/planning';
import { promptCardKind, REVIEW_SLOTS } from '../app/sessions/preparation';
import { sendSummary } from '../app/sessions/summary';
import { addDays, addWorkingDays, formatDay, workingCalendar, workingDaysBefore, type IsoDate } from '../core/calendar';
import { SESSION_LABELS } from '../core/cadence';
import { policyOn } from '../core/cadencePolicy';
import type { Person } from '../core/people';
import { LOOKAHEAD_DAYS, plannedAppraisal, plannedSupervisions, planningHorizon } from '../core/sessionPlanning';
import { localClock, localDate } from '../core/zonedTime';
import { ConcurrencyError } from '../store/errors';
import type { StoredSession } from '../store/sessions';

/** Sessions this far back are still looked at: a supervisor's card after the day, and its reminder, can take a few weeks for someone who works one day a week. */
const LOOKBACK_DAYS = 28;
/** How many sessions are worked on at once: enough to queue a busy morning quickly, few enough not to crowd storage. */
const SESSIONS_AT_ONCE = 8;

type Counts = Record<'planned' | 'prompted' | 'reminded' | 'resent' | 'summaries' | 'closed' | AfterSent, number>;

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
  const counts: Counts = { planned: 0, prompted: 0, reminded: 0, resent: 0, summaries: 0, closed: 0, afterCards: 0, afterReminders: 0 };

  /** Where someone is, right now: their date, and whether it is their working time. */
  const localNow = (person: Person) => {
    const zone = zoneOf.get(person.aadObjectId) ?? deps.config.timeZone;
    const today = localDate(now, zone);
    const clock = localClock(now, zone);
    const calendar = workingCalendar(person.workingDays);
    return { zone, today, calendar, working: calendar.isWorkingDay(today) && clock >= settings.sendFrom && clock < settings.sendUntil };
  };

  // 1. Plan each person's coming sessions, as far ahead as their notice needs, so there is a row to
  // keep state on. One day more than the horizon: people in zones ahead of London are in tomorrow.
  const horizons = new Map([...byId.values()].map((p) => [p.aadObjectId, planningHorizon(localNow(p).today, settings.workingDaysBefore, p.workingDays)]));
  const windowFrom = addDays(orgToday, -LOOKBACK_DAYS);
  const windowTo = [...horizons.values()].reduce((a, b) => (b > a ? b : a), addDays(orgToday, LOOKAHEAD_DAYS + 1));
  const rowsOf = groupBy(await deps.sessions.listBetween(tenantId, windowFrom, windowTo), (s) => s.personId);
  for (const person of byId.values()) {
    // Someone who introduced themselves is prompted once their manager has confirmed them.
    if (person.status !== 'active') continue;
    const { today } = localNow(person);
    const until = horizons.get(person.aadObjectId)!;
    const rows = rowsOf.get(person.aadObjectId) ?? [];
    counts.planned += await planSessions(deps, person, plannedSupervisions(deps.policy, person, schedule.get(`${person.aadObjectId}|supervision`), today, until), rows, today);
    const appraisal = plannedAppraisal(deps.policy, person, [schedule.get(`${person.aadObjectId}|appraisal`), schedule.get(`${person.aadObjectId}|midyear`)], today);
    if (appraisal && appraisal.date <= until) counts.planned += await planSessions(deps, person, [appraisal], rows, today);
  }

  // 2. For each session in the window, send whatever is due now.
  // Sessions are independent of each other: a few at a time, so a morning with hundreds due queues them in seconds.
  await inParallel(await deps.sessions.listBetween(tenantId, windowFrom, windowTo), SESSIONS_AT_ONCE, async (listed) => {
    let session = listed;
    const person = byId.get(session.personId);
    try {
      if (session.status === 'upcoming') {
        if (!person || person.status !== 'active') {
          // They have left (or are no longer confirmed): nothing more is sent for it.
          await deps.sessions.update(session, { status: 'cancelled' });
          counts.closed += 1;
          return;
        }
        const { zone, today, calendar, working } = localNow(person);
        if (session.date < today) {
          session = await closeSession(deps, session);
          counts.closed += 1;
        } else {
          if (working) await prepare(deps, session, { today, zone, calendar }, settings, counts);
          await summarise(deps, session, byId, localNow, counts);
          return;
        }
      }
      // After the day: the supervisor is asked what happened (or to agree the plan), in their own working hours.
      const supervisor = session.supervisorId ? byId.get(session.supervisorId) : undefined;
      if (!person || person.status !== 'active' || !supervisor || supervisor.status !== 'active' || !asksAfter(session)) return;
      const there = localNow(supervisor);
      if (!there.working) return;
      await sendAfterCard(deps, session, supervisor, person, { ...there, sentOn: (at) => localDate(new Date(at), there.zone) }, settings.reminderAfterWorkingDays, (what) => { counts[what] += 1; });
    } catch (err) {
      if (!(err instanceof ConcurrencyError)) throw err; // another run moved this session on first
    }
  });
  return Object.entries(counts).map(([k, v]) => `${k} ${v}`).join(', ');
}

/** The supervisor's summary, the working day before, in their own working hours. */
async function summarise(
  deps: AppDeps, session: StoredSession, byId: Map<string, Person>,
  localNow: (p: Person) => { today: IsoDate; calendar: ReturnType<typeof workingCalendar>; working: boolean }, counts: Counts,
) {
  const supervisor = session.supervisorId ? byId.get(session.supervisorId) : undefined;
  if (!supervisor || supervisor.status !== 'active' || session.summarySentAt) return;
  const there = localNow(supervisor);
  if (!there.working || there.today < workingDaysBefore(session.date, 1, there.calendar) || there.today > session.date) return;
  const current = (await deps.sessions.get(session.tenantId, session.key)) ?? session;
  if (current.summarySentAt || current.status !== 'upcoming') return; // another run has sent it
  if (await sendSummary(deps, current, supervisor.aadObjectId)) counts.summaries += 1;
  await deps.sessions.update(current, { summarySentAt: deps.clock.now().toISOString() });
}

/** Runs `work` on every item, at most `limit` at once. */
async function inParallel<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) await work(items[next++]!);
  }));
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

async function prepare(
  deps: AppDeps,
  session: StoredSession,
  where: { today: IsoDate; zone: string; calendar: ReturnType<typeof workingCalendar> },
  settings: { workingDaysBefore: number; reminderAfterWorkingDays: number },
  counts: Counts,
): Promise<void> {
  const { today, zone, calendar } = where;
  const now = deps.clock.now().toISOString();
  const label = SESSION_LABELS[session.kind];
  if (!session.promptSentAt) {
    if (today < workingDaysBefore(session.date, settings.workingDaysBefore, calendar)) return;
    const reviewNeedIds = session.kind === 'supervision' ? [] : (await deps.needs.listFor(session.tenantId, session.personId))
      .filter((n) => n.status === 'open' || n.status === 'planned' || n.status === 'in_progress')
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt))
      .slice(0, REVIEW_SLOTS)
      .map((n) => n.needId);
    // Queue first, record after: the batch key makes a second queueing a no-op, so a crash in between cannot lose or double the card.
    const { cardId, queued } = await deps.outbox.issueAndQueue({
      tenantId: session.tenantId, batch: `prompt|${session.key}`, recipientId: session.personId,
      kind: promptCardKind(session.kind), context: { sessionKey: session.key, reviewNeedIds },
    });
    if (queued) counts.prompted += 1;
    await deps.sessions.update(session, { promptCardId: cardId, promptSentAt: now });
    return;
  }
  if (session.answeredAt || !session.promptCardId) return;
  if (session.snoozedUntil) {
    if (today < session.snoozedUntil) return;
    if (await deps.outbox.resendCard(session.tenantId, `prompt|${session.key}|snooze${session.snoozes.length}`, session.personId, session.promptCardId,
      { heading: 'As you asked', text: `Here it is again, for your ${label} on ${formatDay(session.date, today)}.` })) counts.resent += 1;
    await deps.sessions.update(session, { snoozedUntil: null });
    return;
  }
  // The reminder counts from when the card last arrived: the first time, or again after a snooze.
  const sent = localDate(new Date(session.promptSentAt), zone);
  const lastArrived = session.snoozes.reduce((latest, s) => (s.until > latest ? s.until : latest), sent);
  if (!session.remindedAt && today >= addWorkingDays(lastArrived, settings.reminderAfterWorkingDays, calendar)) {
    if (await deps.outbox.resendCard(session.tenantId, `prompt-reminder|${session.key}`, session.personId, session.promptCardId,
      { heading: 'Reminder', text: `Your ${label} is on ${formatDay(session.date, today)}. A few minutes now will make it count.` })) counts.reminded += 1;
    await deps.sessions.update(session, { remindedAt: now });
  }
}
