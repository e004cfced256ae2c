// After an offer made from a learning trigger or a commissioning line: the attendee says what it was
// worth, once. L&D see only what everyone said, rolled up (app/offers/evaluation.ts).
import { z } from 'zod';
import type { CardOf } from '../../../app/cards';
import { choice, text } from '../../../app/fields';
import { saveEvaluation } from '../../../app/offers/evaluation';
import { offerEvaluationCard } from '../../../cards/offers';
import { noticeCard } from '../../../cards/notice';
import { CHANGE_CODES, type ChangeAnswer } from '../../../core/evaluation';
import { formatDate } from '../../../core/calendar';
import type { BotDeps } from '../../context';
import { defineAction, type CardFlow, type FormState } from '../flow';

const schema = z.object({
  useful: choice('How useful was it', ['1', '2', '3', '4', '5']),
  change: choice('Will it change your practice', CHANGE_CODES),
  line: text('One line', { max: 200, noLinks: true }),
}).loose();

async function render(deps: BotDeps, card: CardOf<'offerEvaluation'>, form?: FormState) {
  const offer = await deps.offers.get(card.tenantId, card.context.offerId);
  if (!offer) return noticeCard({ title: 'What was it worth?', lines: ['This offer is no longer in Weave.'] });
  return offerEvaluationCard({
    cardId: card.cardId, title: `${offer.title}, ${formatDate(offer.date)}`, open: card.state === 'open',
    why: 'Thirty seconds: L&D use it to decide what to offer again. They see only what everyone said together, and your line without your name.',
    errors: form?.errors ?? [], note: form?.note ?? '',
  });
}

export const offerEvaluationFlow: CardFlow<'offerEvaluation'> = {
  kind: 'offerEvaluation',
  render,
  actions: {
    'offer.evaluate': defineAction({
      schema,
      closesCard: true,
      async handle({ deps }, card, input) {
        const offer = await deps.offers.get(card.tenantId, card.context.offerId);
        if (!offer) return { invalid: ['This offer is no longer in Weave.'] };
        const saved = await saveEvaluation(deps, offer, card.recipientId, { useful: Number(input.useful), change: input.change as ChangeAnswer, line: input.line });
        if ('invalid' in saved) return saved;
        return { card: noticeCard({ title: 'Thank you', tone: 'good', lines: [`Your answer about "${offer.title}" is in. L&D see it only with everyone else's.`] }) };
      },
    }),
  },
};
