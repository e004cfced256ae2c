// Preparing for supervision, appraisal or a mid-year review: the card Weave sends a few working days
// before, and what the person can do with it — send their answers, snooze it, or say the session is
// not happening. What they name as learning goes into their plan.
import { z } from 'zod';
import { appraisalPromptCard, supervisionPromptCard, type PromptHeader, type ReviewItem } from '../../cards/sessionPrompt';
import { noticeCard } from '../../cards/notice';
import { ACTIVITY_TYPE_CODES } from '../../core/activities';
import { addDays, formatDay, type IsoDate } from '../../core/calendar';
import { SESSION_LABELS } from '../../core/cadence';
import { AREA_CODES, describeCode } from '../../core/commonCore';
import { firstName } from '../../core/people';
import { isIsoDate } from '../../core/validation';
import type { CardOf } from '../../app/cards';
import type { Asking, BotDeps } from '../context';
import { choice, text } from '../../app/fields';
import { defineAction, type CardFlow, type FormState } from './flow';
import { describeSession, ownAnswersCard, promptSubtitle, reviewLabels } from './sessionViews';
import { todayFor } from '../../app/people/today';
import { loadPreparation, REVIEW_SLOTS, reviewNeeds, savePreparation, type Preparation } from '../../app/sessions/preparation';
import { changeSession, snoozePreparation } from '../../app/sessions/changes';
import { appraisalExtraFields, appraisalExtras, checkBarriers } from './appraisalExtras';

type PromptKind = 'supervision' | 'appraisal';
type PromptCardKind = 'supervisionPrompt' | 'appraisalPrompt';

const VERBS = {
  supervision: { submit: 'supervision.submit', snooze: 'supervision.snooze', moved: 'supervision.moved', edit: 'supervision.edit' },
  appraisal: { submit: 'appraisal.submit', snooze: 'appraisal.snooze', moved: 'appraisal.moved', edit: 'appraisal.edit' },
} as const;

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
  ...appraisalExtraFields,
  ...wellbeingFields,
}).superRefine(completeNeeds([1, 2, 3])).superRefine(checkBarriers);
const appraisalAnswers = z.preprocess(withReviews, appraisalFields);

const snoozeInput = z.object({
  snoozeDays: choice('Snooze length', ['1', '3']),
  snoozeReason: text('Reason for snoozing', { max: 200 }),
});

const movedInput = z.object({
  change: choice('What has happened', ['moved', 'cancelled']),
  newDate: text('New date', { max: 10 }).refine((d) => d === '' || isIsoDate(d), 'The new date is not a date.'),
}).refine((v) => v.change !== 'moved' || v.newDate !== '', 'Choose the new date it has moved to.');

async function load(deps: BotDeps, card: CardOf<PromptCardKind>): Promise<Preparation | undefined> {
  return loadPreparation(deps, card.tenantId, card.context.sessionKey);
}

/** The plan needs the card asks about. */
export function reviewNeedsOf(deps: BotDeps, card: Pick<CardOf<PromptCardKind>, 'context' | 'tenantId' | 'recipientId'>) {
  return reviewNeeds(deps, card.tenantId, card.recipientId, card.context.reviewNeedIds ?? []);
}

function notHappening(loaded: Preparation, today: IsoDate): ReturnType<typeof noticeCard> | undefined {
  const { session, supervisor } = loaded;
  if (session.status === 'upcoming') return undefined;
  const what = describeSession(session, supervisor, today);
  const lines = {
    moved: [`${what} moved to ${session.movedTo ? formatDay(session.movedTo, today) : 'another date'}. I'll send a new card nearer the time.`],
    cancelled: [`${what} was cancelled.`],
    superseded: [`${what} was replaced by a date your manager recorded. I'll send a new card nearer the time.`],
    held: [`${what} has taken place.`],
    unconfirmed: [`${what} has passed.`],
    not_held: [`${what} did not take place.`],
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
    const review = await reviewNeedsOf(deps, card);
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
      warnings: form?.warnings ?? [],
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
          const { reviews, feedback: _f, barriers: _b, barrierNote: _n, confirmNotIdentifying: _c, ...fields } = input as Record<string, string> & { reviews?: Record<string, string> };
          // At appraisal: feedback from people who use services is checked for anything that identifies someone first.
          const extras = loaded.session.kind === 'appraisal' ? appraisalExtras(input) : { answers: {} };
          if ('warnings' in extras) return { invalid: [], warnings: extras.warnings };
          const answers = Object.fromEntries([...Object.entries(fields), ...Object.entries(extras.answers), ...Object.entries(reviews ?? {}).filter(([k]) => asked.has(k))].filter(([, v]) => v !== ''));
          if (kind === 'appraisal' && loaded.session.kind === 'appraisal') {
            const missing = AREA_CODES.filter((c) => !answers[`sa_${c}`]);
            if (missing.length > 0) return { invalid: [`Rate yourself from 1 to 4 for every area of the Common Core (missing: ${missing.join(', ')}).`] };
          }
          const { session, supervisor } = await savePreparation(deps, loaded, answers, kind === 'supervision' ? [1, 2] : [1, 2, 3], today);
          const review = await reviewNeedsOf(deps, card);
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
          const snoozed = await snoozePreparation(deps, loaded, today, Number(input.snoozeDays), input.snoozeReason);
          if ('invalid' in snoozed) return snoozed;
          const { until } = snoozed;
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
          const { supervisor } = loaded;
          const today = await todayFor(deps, card.tenantId, card.recipientId);
          const changed = await changeSession(deps, loaded, today, input.change === 'moved' ? { change: 'moved', newDate: input.newDate } : { change: 'cancelled' });
          if ('invalid' in changed) return changed;
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
