// `qualifications`: what a person holds, and adding one for their line manager to confirm; and the
// card that asks the manager. Only whoever manages the person now can answer it, and nobody confirms
// their own (app/people/qualifications.ts).
import { z } from 'zod';
import { noticeCard } from '../../cards/notice';
import { qualificationConfirmCard, qualificationsCard, type QualificationField, type QualificationValues } from '../../cards/qualifications';
import { qualificationLine, RQF_LEVELS, type Qualification } from '../../core/qualifications';
import { nameOf } from '../../core/people';
import type { CardOf } from '../../app/cards';
import { choice, date, text, toggle, typed } from '../../app/fields';
import { addQualification, answerQualification } from '../../app/people/qualifications';
import { todayFor } from '../../app/people/today';
import type { Asking, BotDeps } from '../context';
import { defineAction, type CardFlow, type FormState } from './flow';
import { personFacts } from './personFacts';

const LEVELS = RQF_LEVELS.map(String) as [string, ...string[]];

const schema = z.object({
  level: choice('Level', LEVELS),
  title: text('Title', { max: 200, required: true, noLinks: true }),
  awardedOn: date('Awarded'),
  professional: toggle(),
} satisfies Record<QualificationField, z.ZodType>);

const STATUS: Record<Qualification['status'], string> = { confirmed: 'confirmed', pending: 'waiting for your line manager', declined: 'not confirmed by your line manager' };

async function render(deps: BotDeps, card: CardOf<'qualifications'>, form?: FormState) {
  const v = form?.values;
  const values: QualificationValues = v
    ? { level: typed(v, 'level', 2), title: typed(v, 'title', 200), awardedOn: typed(v, 'awardedOn', 10), professional: typed(v, 'professional', 5) || 'false' }
    : { level: '', title: '', awardedOn: '', professional: 'false' };
  const held = (await deps.qualifications.listFor(card.tenantId, card.recipientId)).sort((a, b) => b.level - a.level || a.title.localeCompare(b.title));
  return qualificationsCard({
    cardId: card.cardId, values, errors: form?.errors ?? [], note: form?.note ?? '', today: await todayFor(deps, card.tenantId, card.recipientId),
    held: held.map((q) => ({ title: qualificationLine(q), value: q.source === 'roster' ? "from HR's roster" : STATUS[q.status] })),
  });
}

export const qualificationsFlow: CardFlow<'qualifications'> = {
  kind: 'qualifications',
  render,
  actions: {
    'qualification.add': defineAction({
      schema,
      closesCard: false,
      async handle({ deps, turn, person }, card, input) {
        if (!person) return { invalid: ['Weave no longer has a record for you. Type help to start again.'] };
        const today = await todayFor(deps, card.tenantId, card.recipientId);
        const added = await addQualification(deps, person, { level: Number(input.level) as Qualification['level'], title: input.title, awardedOn: input.awardedOn, professional: input.professional }, today);
        if ('invalid' in added) return added;
        const manager = await deps.people.get(turn.tenantId, added.managerId);
        return { card: await render(deps, card, { note: `Added. ${manager ? nameOf(manager) : 'Your line manager'} has been asked to confirm it.` }) };
      },
    }),
  },
};

/** The qualification still waiting for this card's answer, or a card saying why there is nothing to do. */
async function pending({ deps }: Asking, card: CardOf<'qualificationConfirm'>) {
  return deps.qualifications.get(card.tenantId, card.context.personId, card.context.qualificationId);
}

function managerAnswer(confirm: boolean) {
  return defineAction<z.ZodObject, 'qualificationConfirm'>({
    schema: z.object({}),
    audience: { managerOfPerson: true, refusal: "You don't manage this person now, so you can't confirm their qualification." },
    closesCard: true,
    async handle(asking, card) {
      const q = await pending(asking, card);
      if (!q) return { card: noticeCard({ title: 'Nothing to confirm', lines: ['This qualification is no longer in Weave.'] }) };
      const answered = await answerQualification(asking.deps, q, { id: asking.turn.user.aadObjectId, name: asking.turn.user.name }, confirm);
      if ('invalid' in answered) return answered;
      return { card: noticeCard({ title: confirm ? 'Confirmed' : 'Not confirmed', tone: confirm ? 'good' : 'default', lines: [`${qualificationLine(q)}: they have been told.`] }) };
    },
  });
}

export const qualificationConfirmFlow: CardFlow<'qualificationConfirm'> = {
  kind: 'qualificationConfirm',
  async render(deps, card) {
    const [person, q] = await Promise.all([deps.people.get(card.tenantId, card.context.personId), deps.qualifications.get(card.tenantId, card.context.personId, card.context.qualificationId)]);
    if (!person || !q) return noticeCard({ title: 'Nothing to confirm', lines: ['This qualification is no longer in Weave.'] });
    return qualificationConfirmCard({ cardId: card.cardId, name: nameOf(person), qualification: qualificationLine(q), facts: await personFacts(deps, person) });
  },
  actions: {
    'qualification.confirm': managerAnswer(true),
    'qualification.decline': managerAnswer(false),
  },
};
