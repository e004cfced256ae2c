// Preparing for supervision, appraisal or a mid-year review: the card Weave sends a few working days
// before, and what the person can do with it — send their answers, snooze it, or say the session is
// not happening. What they name as learning goes into their plan.
import { z } from 'zod';
import { appraisalPromptCard, supervisionPromptCard, type PromptHeader, type ReviewItem } from '../../cards/sessionPrompt';
import { noticeCard } from '../../cards/notice';
import { ACTIVITY_TYPE_CODES, type ActivityType } from '../../core/activities';
import { addDays, addMonths, addWorkingDays, formatDay, workingCalendar, workingDaysBefore, type IsoDate } from '../../core/calendar';
import { SESSION_LABELS } from '../../core/cadence';
import { AREA_CODES, describeCode } from '../../core/commonCore';
import { deterministicId } from '../../core/ids';
import { planPeriodOf } from '../../core/planPeriod';
import { cadencePerson, supervisorFor } from '../../core/sessionPlanning';
import { isOpen } from '../../core/needs';
import type { StoredNeed } from '../../store/needs';
import { firstName, nameOf, type Person } from '../../core/people';
import { isIsoDate } from '../../core/validation';
import type { CardOf } from '../../app/cards';
import type { StoredSession } from '../../store/sessions';
import type { Asking, BotDeps } from '../context';
import { choice, text } from './fields';
import { defineAction, type CardFlow, type FormState } from './flow';
import { describeSession, ownAnswersCard, promptSubtitle, reviewLabels, todayFor } from './sessionViews';
import { newSession } from '../../app/sessions/planning';

type PromptKind = 'supervision' | 'appraisal';
type PromptCardKind = 'supervisionPrompt' | 'appraisalPrompt';

const VERBS = {
  supervision: { submit: 'supervision.submit', snooze: 'supervision.snooze', moved: 'supervision.moved', edit: 'supervision.edit' },
  appraisal: { submit: 'appraisal.submit', snooze: 'appraisal.snooze', moved: 'appraisal.moved', edit: 'appraisal.edit' },
} as const;

/** At most this many plan needs are asked about on one card (the rest are carried into the next year as they stand). */
export const REVIEW_SLOTS = 10;
const REVIEW_KEY = /^review_[\w-]{1,64}$/;
const reflection = (label: string) => text(label, { max: 2000, multiline: true });
const needSlot = (n: number) => ({
  [`need${n}Area`]: choice(`Area of the Common Core for learning need ${n}`, AREA_CODES, { required: false }),
  [`need${n}Text`]: text(`Learning need ${n}`, { max: 300 }),
  [`need${n}Activity`]: choice(`Way of learning for need ${n}`, ACTIVITY_TYPE_CODES, { required: false }),
});
const wellbeingFields = {
  wellbeing: choice('How you are', ['good', 'ok', 'struggling'], { required: false }),
  wellbeingNote: text('Your note on how you are', { max: 1000, multiline: true }),
};

/** A need half filled in (an area but no words, or words but no area) is a mistake worth pointing out. */
function completeNeeds(slots: number[]) {
  return (answers: Record<string, unknown>, ctx: z.RefinementCtx) => {
    for (const n of slots) {
      const hasText = !!answers[`need${n}Text`];
      if (hasText && !answers[`need${n}Area`]) ctx.addIssue({ code: 'custom', message: `Choose an area of the Common Core for learning need ${n}.` });
      if (!hasText && (answers[`need${n}Area`] || answers[`need${n}Activity`])) ctx.addIssue({ code: 'custom', message: `Say what you want to learn for learning need ${n}, or clear its choices.` });
    }
  };
}

const supervisionAnswers = z.object({
  wentWell: reflection('What has gone well'),
  what: reflection('What?'),
  soWhat: reflection('So what?'),
  nowWhat: reflection('Now what?'),
  ...needSlot(1),
  ...needSlot(2),
  ...wellbeingFields,
}).superRefine(completeNeeds([1, 2])).superRefine((a, ctx) => {
  if (!Object.values(a).some(Boolean)) ctx.addIssue({ code: 'custom', message: 'Write something in at least one box, or use Snooze if now is not a good time.' });
});

/** Each plan need is asked about by its id (review_<need id>), so a need deleted meanwhile shifts nothing. */
const withReviews = (raw: unknown) => {
  const r = (raw ?? {}) as Record<string, unknown>;
  return { ...r, reviews: Object.fromEntries(Object.entries(r).filter(([k]) => REVIEW_KEY.test(k)).slice(0, REVIEW_SLOTS)) };
};

const appraisalFields = z.object({
  reviews: z.record(z.string(), choice('Where you are with a need in your plan', ['met', 'continue', 'drop'], { required: false })),
  ...Object.fromEntries(AREA_CODES.flatMap((code) => [
    [`sa_${code}`, choice(`Your rating for ${code}`, ['1', '2', '3', '4'], { required: false })],
    [`ev_${code}`, text(`Evidence for ${code}`, { max: 500 })],
  ])),
  ...needSlot(1),
  ...needSlot(2),
  ...needSlot(3),
  ...wellbeingFields,
}).superRefine(completeNeeds([1, 2, 3]));
const appraisalAnswers = z.preprocess(withReviews, appraisalFields);

const snoozeInput = z.object({
  snoozeDays: choice('Snooze length', ['1', '3']),
  snoozeReason: text('Reason for snoozing', { max: 200 }),
});

const movedInput = z.object({
  change: choice('What has happened', ['moved', 'cancelled']),
  newDate: text('New date', { max: 10 }).refine((d) => d === '' || isIsoDate(d), 'The new date is not a date.'),
}).refine((v) => v.change !== 'moved' || v.newDate !== '', 'Choose the new date it has moved to.');

interface Loaded {
  session: StoredSession;
  person: Person;
  supervisor: Person | undefined;
}

async function load(deps: BotDeps, card: CardOf<PromptCardKind>): Promise<Loaded | undefined> {
  const session = await deps.sessions.get(card.tenantId, card.context.sessionKey);
  const person = session && await deps.people.get(card.tenantId, session.personId);
  if (!session || !person) return undefined;
  const supervisor = session.supervisorId ? await deps.people.get(card.tenantId, session.supervisorId) : undefined;
  return { session, person, supervisor };
}

/** The plan needs an appraisal card asks about (any since deleted are left out). */
export async function reviewNeeds(deps: BotDeps, card: Pick<CardOf<PromptCardKind>, 'context' | 'tenantId' | 'recipientId'>): Promise<StoredNeed[]> {
  const ids = card.context.reviewNeedIds ?? [];
  if (ids.length === 0) return [];
  const needs = await deps.needs.listFor(card.tenantId, card.recipientId);
  return ids.map((id) => needs.find((n) => n.needId === id)).filter((n): n is StoredNeed => !!n);
}

function notHappening(loaded: Loaded, today: IsoDate): ReturnType<typeof noticeCard> | undefined {
  const { session, supervisor } = loaded;
  if (session.status === 'upcoming') return undefined;
  const what = describeSession(session, supervisor, today);
  const lines = {
    moved: [`${what} moved to ${session.movedTo ? formatDay(session.movedTo, today) : 'another date'}. I'll send a new card nearer the time.`],
    cancelled: [`${what} was cancelled.`],
    superseded: [`${what} was replaced by a date your manager recorded. I'll send a new card nearer the time.`],
    held: [`${what} has taken place.`],
    lapsed: [`${what} has passed.`],
  }[session.status];
  return noticeCard({ title: 'Nothing to prepare', lines });
}

function makeFlow(kind: PromptKind): CardFlow<PromptCardKind> {
  const verbs = VERBS[kind];
  const schema = kind === 'supervision' ? supervisionAnswers : appraisalAnswers;

  async function render(deps: BotDeps, card: CardOf<PromptCardKind>, form?: FormState) {
    const loaded = await load(deps, card);
    if (!loaded) return noticeCard({ title: 'Nothing to prepare', lines: ['This session is no longer in Weave.'] });
    const today = await todayFor(deps, card.tenantId, card.recipientId);
    const gone = notHappening(loaded, today);
    if (gone) return gone;
    const { session, person, supervisor } = loaded;
    const review = await reviewNeeds(deps, card);
    if (card.state === 'done') {
      return ownAnswersCard(session, supervisor, today <= session.date ? { cardId: card.cardId, verb: verbs.edit } : null, reviewLabels(review), today);
    }
    const values = Object.fromEntries(Object.entries(form?.values ?? session.answers ?? {}).map(([k, v]) => [k, typeof v === 'string' ? v.slice(0, 2000) : '']));
    const header: PromptHeader = {
      cardId: card.cardId,
      eyebrow: `Preparing for ${kind === 'supervision' ? 'supervision' : `your ${SESSION_LABELS[session.kind]}`}`,
      title: describeSession(session, supervisor, today),
      subtitle: promptSubtitle(deps, session, person, supervisor),
      note: form?.notice ?? null,
      errors: form?.errors ?? [],
      verbs,
      minDate: addDays(today, 1),
      // Once answered (and opened again with Edit), snoozing has nothing left to ask for.
      snoozable: !session.answeredAt,
      supervisorFirstName: supervisor ? firstName(supervisor) : 'your supervisor',
    };
    if (kind === 'supervision') return supervisionPromptCard(header, values);
    const items: ReviewItem[] = review.map((n) => ({ id: `review_${n.needId}`, label: `${describeCode(n.codes[0] ?? '')}: ${n.description}`, value: values[`review_${n.needId}`] ?? '' }));
    return appraisalPromptCard(header, values, { selfAssessment: session.kind === 'appraisal', review: items, midYear: session.kind === 'midyear' });
  }

  /** The needs the answers name replace the ones this session named before. */
  async function saveNeeds(deps: BotDeps, loaded: Loaded, answers: Record<string, string>) {
    const { session, person } = loaded;
    const now = deps.clock.now().toISOString();
    // What someone names at appraisal is for the plan year that starts with it.
    const period = planPeriodOf(deps.policy, cadencePerson(person), session.kind === 'appraisal' ? addMonths(session.date, 1) : session.date).start;
    const slots = kind === 'supervision' ? [1, 2] : [1, 2, 3];
    const named = new Set<string>();
    // A session moved to another date is the same preparation: its needs keep the ids of the first.
    const origin = session.originKey ?? session.key;
    for (const n of slots) {
      const description = answers[`need${n}Text`];
      if (!description) continue;
      const needId = deterministicId('session', origin, String(n));
      named.add(needId);
      const earlier = await deps.needs.get(session.tenantId, session.personId, needId);
      await deps.needs.save({
        tenantId: session.tenantId, personId: session.personId, needId, codes: [answers[`need${n}Area`]!], frameworkTag: null, description,
        activityTypes: answers[`need${n}Activity`] ? [answers[`need${n}Activity`] as ActivityType] : [], priority: 'medium',
        status: earlier?.status ?? 'open', source: session.kind, sourceRef: origin, targetDate: null, period,
        plan: earlier?.plan ?? null, dropReason: null, comments: earlier?.comments ?? [], history: earlier?.history ?? [],
        createdAt: earlier?.createdAt ?? now, updatedAt: now,
      });
    }
    for (const old of await deps.needs.listFromSource(session.tenantId, session.personId, origin)) {
      if (!named.has(old.needId)) await deps.needs.remove(session.tenantId, session.personId, old.needId);
    }
  }

  /**
   * The plan is reviewed: what is met or dropped stays in its year. At appraisal everything still
   * open — continuing, or not asked about — is carried into the next plan year, with its history.
   */
  async function applyReview(deps: BotDeps, loaded: Loaded, answers: Record<string, string>) {
    const now = deps.clock.now().toISOString();
    const nextPeriod = planPeriodOf(deps.policy, cadencePerson(loaded.person), addMonths(loaded.session.date, 1)).start;
    const appraisal = loaded.session.kind === 'appraisal';
    for (const need of await deps.needs.listFor(loaded.session.tenantId, loaded.session.personId)) {
      // Needs already in next year's plan were named at this appraisal: nothing to review yet.
      if (!isOpen(need) || (appraisal && need.period === nextPeriod)) continue;
      const answer = answers[`review_${need.needId}`];
      if (answer === 'met') await deps.needs.update(need, { status: 'met', updatedAt: now });
      else if (answer === 'drop') await deps.needs.update(need, { status: 'dropped', dropReason: `No longer needed (${SESSION_LABELS[loaded.session.kind]})`, updatedAt: now });
      else if (answer === 'continue' || appraisal) {
        await deps.needs.update(need, {
          status: answer === 'continue' && need.status === 'open' ? 'in_progress' : need.status,
          ...(appraisal ? { period: nextPeriod, history: [...need.history, { period: need.period, status: need.status, at: now }] } : {}),
          updatedAt: now,
        });
      }
    }
  }

  return {
    kind: kind === 'supervision' ? 'supervisionPrompt' : 'appraisalPrompt',
    render,
    actions: {
      [verbs.submit]: defineAction({
        schema,
        closesCard: true,
        async handle({ deps }: Asking, card, input) {
          const loaded = await load(deps, card);
          const gone = loaded ? notHappening(loaded, await todayFor(deps, card.tenantId, card.recipientId)) : noticeCard({ title: 'Nothing to prepare', lines: ['This session is no longer in Weave.'] });
          if (!loaded || gone) return { card: gone! };
          const today = await todayFor(deps, card.tenantId, card.recipientId);
          if (today > loaded.session.date) return { card: noticeCard({ title: 'The session has passed', lines: ['These answers can no longer be sent.'] }) };
          // Only plan needs this card asked about are kept from the review.
          const asked = new Set((card.context.reviewNeedIds ?? []).map((id) => `review_${id}`));
          const { reviews, ...fields } = input as Record<string, string> & { reviews?: Record<string, string> };
          const answers = Object.fromEntries([...Object.entries(fields), ...Object.entries(reviews ?? {}).filter(([k]) => asked.has(k))].filter(([, v]) => v !== ''));
          if (kind === 'appraisal' && loaded.session.kind === 'appraisal') {
            const missing = AREA_CODES.filter((c) => !answers[`sa_${c}`]);
            if (missing.length > 0) return { invalid: [`Rate yourself from 1 to 4 for every area of the Common Core (missing: ${missing.join(', ')}).`] };
          }
          // Whoever supervises them now gets the answers, not whoever did when the session was planned.
          const supervisorId = supervisorFor(loaded.person, loaded.session.kind);
          const supervisor = supervisorId ? await deps.people.get(card.tenantId, supervisorId) : undefined;
          const session = await deps.sessions.update(loaded.session, { answers, answeredAt: deps.clock.now().toISOString(), supervisorId });
          await saveNeeds(deps, loaded, answers);
          if (kind === 'appraisal') await applyReview(deps, loaded, answers);
          // Once the summary is due the supervisor gets these answers now, even if the job's summary is on its way.
          const due = supervisor && today >= workingDaysBefore(session.date, 1, workingCalendar(supervisor.workingDays));
          if (supervisor && supervisor.status === 'active' && (session.summarySentAt || due)) await sendSummary(deps, session, supervisor.aadObjectId);
          deps.log.info('session.prepared', { kind: session.kind });
          const review = await reviewNeeds(deps, card);
          return { card: ownAnswersCard(session, supervisor, { cardId: card.cardId, verb: verbs.edit }, reviewLabels(review), today) };
        },
      }),
      [verbs.edit]: defineAction({
        schema: z.object({}),
        closesCard: false,
        onAnswered: true,
        async handle({ deps }: Asking, card) {
          const loaded = await load(deps, card);
          const gone = loaded ? notHappening(loaded, await todayFor(deps, card.tenantId, card.recipientId)) : noticeCard({ title: 'Nothing to prepare', lines: ['This session is no longer in Weave.'] });
          if (!loaded || gone) return { card: gone! };
          if ((await todayFor(deps, card.tenantId, card.recipientId)) > loaded.session.date) {
            return { card: await render(deps, card) };
          }
          if (card.state === 'done') await deps.cards.reopen(card);
          return { card: await render(deps, { ...card, state: 'open' }) };
        },
      }),
      [verbs.snooze]: defineAction({
        schema: snoozeInput,
        closesCard: false,
        async handle({ deps }: Asking, card, input) {
          const loaded = await load(deps, card);
          const gone = loaded ? notHappening(loaded, await todayFor(deps, card.tenantId, card.recipientId)) : undefined;
          if (!loaded || gone) return { card: gone ?? noticeCard({ title: 'Nothing to prepare', lines: ['This session is no longer in Weave.'] }) };
          const today = await todayFor(deps, card.tenantId, card.recipientId);
          const calendar = workingCalendar(loaded.person.workingDays);
          // No later than the working day before the session: there must be time to answer.
          const latest = workingDaysBefore(loaded.session.date, 1, calendar);
          const asked = addWorkingDays(today, Number(input.snoozeDays), calendar);
          const until = asked < latest ? asked : latest;
          if (until <= today) {
            return { invalid: [`The session is on ${formatDay(loaded.session.date, today)}, so there is no time left to snooze. Send what you have, or use Not happening if it has moved.`] };
          }
          const snoozes = [...loaded.session.snoozes, { at: deps.clock.now().toISOString(), until, reason: input.snoozeReason }];
          await deps.sessions.update(loaded.session, { snoozes, snoozedUntil: until });
          deps.log.info('session.snoozed', { kind: loaded.session.kind, days: Number(input.snoozeDays), times: snoozes.length });
          return { card: noticeCard({ title: `Snoozed until ${formatDay(until, today)}`, lines: [`I'll send this again then, in time for ${describeSession(loaded.session, loaded.supervisor, today).replace(/^./, (c) => c.toLowerCase())}.`] }) };
        },
      }),
      [verbs.moved]: defineAction({
        schema: movedInput,
        closesCard: true,
        async handle({ deps }: Asking, card, input) {
          const loaded = await load(deps, card);
          const gone = loaded ? notHappening(loaded, await todayFor(deps, card.tenantId, card.recipientId)) : undefined;
          if (!loaded || gone) return { card: gone ?? noticeCard({ title: 'Nothing to prepare', lines: ['This session is no longer in Weave.'] }) };
          const { session, person, supervisor } = loaded;
          const today = await todayFor(deps, card.tenantId, card.recipientId);
          if (input.change === 'moved' && (input.newDate <= today || input.newDate > addDays(today, 366))) {
            return { invalid: ['The new date must be after today and within a year.'] };
          }
          const label = SESSION_LABELS[session.kind];
          if (input.change === 'cancelled') {
            await deps.sessions.update(session, { status: 'cancelled' });
          } else {
            // The new date first: if anything fails after it, the session is not lost. What they
            // wrote comes with it (the new card opens with it) and its needs keep their ids.
            const carried = { answers: session.answers, answeredAt: session.answeredAt, originKey: session.originKey ?? session.key };
            const moved = await deps.sessions.ensure(newSession(person, { kind: session.kind, date: input.newDate, time: null, source: 'recorded' }, carried));
            if (moved.status !== 'upcoming') await deps.sessions.update(moved, { status: 'upcoming', source: 'recorded', ...carried });
            await deps.sessions.update(session, { status: 'moved', movedTo: input.newDate });
          }
          if (supervisor) {
            await deps.outbox.sendText(session.tenantId, `session-change|${session.key}`, supervisor.aadObjectId, input.change === 'cancelled'
              ? `${nameOf(person)} says your ${label} on ${formatDay(session.date, today)} is cancelled.`
              : `${nameOf(person)} says your ${label} on ${formatDay(session.date, today)} has moved to ${formatDay(input.newDate, today)}.`);
          }
          deps.log.info('session.changed', { kind: session.kind, change: input.change });
          return {
            card: noticeCard({
              title: input.change === 'cancelled' ? 'Noted: cancelled' : `Noted: moved to ${formatDay(input.newDate, today)}`,
              lines: [input.change === 'cancelled'
                ? `I've told ${supervisor ? firstName(supervisor) : 'your supervisor'}.`
                : `I've told ${supervisor ? firstName(supervisor) : 'your supervisor'}, and I'll send a new card nearer the time.`],
            }),
          };
        },
      }),
    },
  };
}

export const supervisionPromptFlow = makeFlow('supervision');
export const appraisalPromptFlow = makeFlow('appraisal');

/** The flow whose card prepares someone for a session of this kind. */
export function promptFlowFor(sessionKind: string): CardFlow<PromptCardKind> {
  return sessionKind === 'supervision' ? supervisionPromptFlow : appraisalPromptFlow;
}

/** Sends a supervisor the summary of someone's preparation: once for each version of the answers. */
export async function sendSummary(deps: BotDeps, session: StoredSession, supervisorId: string): Promise<void> {
  await deps.outbox.sendCard({
    tenantId: session.tenantId,
    batch: `summary|${session.key}|${session.answeredAt ?? 'unprepared'}`,
    recipientId: supervisorId,
    kind: 'sessionSummary',
    context: { sessionKey: session.key },
  });
}
