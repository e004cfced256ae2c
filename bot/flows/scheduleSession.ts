// A manager records when supervision, appraisal or a mid-year review is, once or repeating. Weave
// prepares the person before each one instead of going by the policy's expected dates.
import { z } from 'zod';
import { scheduleSessionCard } from '../../cards/scheduleSession';
import { formatDay } from '../../core/calendar';
import { SESSION_LABELS, type SessionKind } from '../../core/cadence';
import { policyOn } from '../../core/cadencePolicy';
import { firstName, nameOf } from '../../core/people';
import { REPEAT_CODES, REPEATS } from '../../core/sessions';
import { isIsoDate } from '../../core/validation';
import type { CardOf } from '../../app/cards';
import type { BotDeps } from '../context';
import { choice, text, typed } from '../../app/fields';
import { defineAction, type CardFlow, type FormState } from './flow';
import { reportsOf } from '../../app/people/reports';
import { todayFor } from '../../app/people/today';
import { recordSessionDate } from '../../app/sessions/recording';

const scheduleInput = z.object({
  personId: text('Who', { max: 36, required: true }),
  kind: choice('Kind of session', ['supervision', 'appraisal', 'midyear']),
  date: text('Date', { max: 10, required: true }).refine((d) => d === '' || isIsoDate(d), 'The date is not a date.'),
  time: text('Time', { max: 5 }).refine((t) => t === '' || /^([01]\d|2[0-3]):[0-5]\d$/.test(t), 'The time is not a time of day.'),
  repeat: choice('Repeats', REPEAT_CODES, { required: false }),
});

async function render(deps: BotDeps, card: CardOf<'scheduleSession'>, form?: FormState) {
  const reports = await reportsOf(deps, card.tenantId, card.recipientId);
  const v = form?.values;
  return scheduleSessionCard({
    cardId: card.cardId,
    people: reports.map((p) => ({ id: p.aadObjectId, name: `${nameOf(p)}, ${p.jobTitle}` })),
    values: {
      personId: typed(v, 'personId', 36), kind: typed(v, 'kind', 20) || 'supervision', date: typed(v, 'date', 10),
      time: typed(v, 'time', 5), repeat: typed(v, 'repeat', 20) || 'none',
    },
    today: await todayFor(deps, card.tenantId, card.recipientId),
    errors: form?.errors ?? [],
    savedNote: form?.note ?? '',
  });
}

export const scheduleSessionFlow: CardFlow<'scheduleSession'> = {
  kind: 'scheduleSession',
  render,
  actions: {
    'schedule.save': defineAction({
      schema: scheduleInput,
      // The card may have been issued before they stopped being a manager.
      audience: { role: 'manager', refusal: 'Only line managers can record sessions.' },
      closesCard: false,
      async handle({ deps, turn }, card, input) {
        const reports = await reportsOf(deps, turn.tenantId, turn.user.aadObjectId);
        const person = reports.find((p) => p.aadObjectId === input.personId);
        if (!person) return { invalid: ['Choose someone who reports to you, or whom you supervise.'] };
        const kind = input.kind as SessionKind;
        const today = await todayFor(deps, turn.tenantId, turn.user.aadObjectId);
        const recorded = await recordSessionDate(deps, person, turn.user.aadObjectId, { kind, date: input.date, time: input.time, repeat: input.repeat }, today);
        if ('invalid' in recorded) return recorded;
        const lead = policyOn(deps.policy, input.date).prompts.workingDaysBefore;
        const repeat = input.repeat && input.repeat !== 'none' ? `, ${REPEATS[input.repeat].toLowerCase()}` : '';
        return {
          card: await render(deps, card, {
            values: { kind: input.kind, repeat: 'none' },
            note: `Saved: ${SESSION_LABELS[kind]} with ${nameOf(person)} on ${formatDay(input.date, today)}${input.time ? ` at ${input.time}` : ''}${repeat}. ${firstName(person)} will be asked to prepare ${lead} working days before, and you'll get their answers the day before.`,
          }),
        };
      },
    }),
  },
};
