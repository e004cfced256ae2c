// The integration pulse: four statements, once a quarter, answered anonymously (app/pulse/answers.ts
// stores the answer without the person), or "not now" (no reminder; it can still be answered here,
// or with `pulse`, until the quarter ends).
import { z } from 'zod';
import { pulseCard } from '../../cards/pulse';
import { PULSE_FIELDS } from '../../cards/pulse';
import { pulseOn, quarterLabel, quarterOf, quarterStart, type AgreeAnswer, type PulseAnswers } from '../../core/pulse';
import type { CardOf } from '../../app/cards';
import { choice, typed } from '../../app/fields';
import { answerPulse, notNowPulse } from '../../app/pulse/answers';
import { todayFor } from '../../app/people/today';
import type { BotDeps } from '../context';
import { defineAction, type CardFlow, type FormState } from './flow';

const agree = (label: string) => choice(label, ['1', '2', '3', '4', '5']);
const schema = z.object({
  understand: agree('Statement 1'),
  contact: agree('Statement 2'),
  valued: agree('Statement 3'),
  learned: choice('Statement 4', ['yes', 'no']),
} satisfies Record<(typeof PULSE_FIELDS)[number], unknown>);

const ANONYMOUS = 'Anonymous: Weave keeps your answers with the quarter, your team, service and profession — never your name — and only notes that you answered, so you are not reminded. Results show only for groups where at least five people answered. You do not have to answer.';

async function render(deps: BotDeps, card: CardOf<'pulse'>, form?: FormState) {
  const quarter = card.context.quarter;
  const [row, today] = await Promise.all([deps.pulse.person(card.tenantId, quarter, card.recipientId), todayFor(deps, card.tenantId, card.recipientId)]);
  const version = pulseOn(deps.pulsePolicy, quarterStart(quarter));
  const answered = row?.answered ?? false;
  const closed = quarterOf(today) !== quarter;
  const open = !answered && !closed;
  return pulseCard({
    cardId: card.cardId,
    eyebrow: `Integration pulse, ${quarterLabel(quarter)}`,
    title: answered ? 'Thank you: your answers are in' : closed ? 'This quarter’s pulse has closed' : 'How well do the professions work together?',
    intro: 'Four statements, one tap each. Think of the colleagues in other professions and services you work with.',
    open,
    notNow: row?.notNow ?? false,
    statements: version.statements,
    values: Object.fromEntries(PULSE_FIELDS.map((f) => [f, typed(form?.values, f, 3)])),
    errors: form?.errors ?? [],
    note: form?.note ?? '',
    ...(form?.notice ? { notice: form.notice } : {}),
    footer: answered
      ? 'Your answers are stored without your name. L&D, leaders and managers see results only for groups where at least five people answered.'
      : closed ? 'Type pulse for this quarter’s.' : ANONYMOUS,
  });
}

export const pulseFlow: CardFlow<'pulse'> = {
  kind: 'pulse',
  render,
  actions: {
    'pulse.send': defineAction({
      schema,
      closesCard: true,
      async handle({ deps }, card, input) {
        const answers: PulseAnswers = {
          understand: Number(input.understand) as AgreeAnswer, contact: Number(input.contact) as AgreeAnswer, valued: Number(input.valued) as AgreeAnswer,
          learned: input.learned === 'yes',
        };
        const today = await todayFor(deps, card.tenantId, card.recipientId);
        const done = await answerPulse(deps, card.tenantId, card.recipientId, card.context.quarter, answers, today);
        if ('invalid' in done) return done;
        return { card: await render(deps, card) };
      },
    }),
    'pulse.notNow': defineAction({
      schema: z.looseObject({}),
      closesCard: false,
      async handle({ deps }, card) {
        await notNowPulse(deps, card.tenantId, card.recipientId, card.context.quarter);
        return { card: await render(deps, card, { note: 'Not now: fine. No reminder this quarter. The card stays here if you change your mind, or type pulse.' }) };
      },
    }),
  },
};
