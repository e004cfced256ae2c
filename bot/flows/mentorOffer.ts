// `offer mentoring`: what someone is good at and would share with colleagues from other
// professions, how many people at once, and when. Editable any time; stopping keeps pairings under way.
import { z } from 'zod';
import { mentorOfferCard, type MentorOfferValues } from '../../cards/mentoring';
import { CODES } from '../../core/commonCore';
import { MENTORING_KIND_CODES, SLOTS } from '../../core/mentoring';
import type { CardOf } from '../../app/cards';
import type { BotDeps } from '../context';
import { choice, choices, date, text, typed } from '../../app/fields';
import { defineAction, type CardFlow, type FormState } from './flow';
import { todayFor } from '../../app/people/today';
import { saveMentorOffer, stopMentoring } from '../../app/mentoring/offers';
import type { MentorOfferField } from '../../cards/mentoring';

const schema = (localities: readonly string[]) => z.object({
  strengths: choices('Your strengths', CODES, { min: 1 }),
  strengthsText: text('Your strengths in your own words', { max: 300, multiline: true }),
  kinds: choices('What you offer', MENTORING_KIND_CODES, { min: 1 }),
  capacity: choice('How many people at once', ['1', '2', '3', '4', '5']),
  availability: choices('When you could meet', SLOTS),
  locality: choice('Where you are based', localities as [string, ...string[]], { required: false }),
  pausedUntil: date('Taking a break until'),
} satisfies Record<MentorOfferField, z.ZodType>);

async function render(deps: BotDeps, card: CardOf<'mentorOffer'>, form?: FormState) {
  const [offer, today] = await Promise.all([deps.mentoring.getOffer(card.tenantId, card.recipientId), todayFor(deps, card.tenantId, card.recipientId)]);
  const v = form?.values;
  const values: MentorOfferValues = v
    ? {
        strengths: typed(v, 'strengths', 1000), strengthsText: typed(v, 'strengthsText'), kinds: typed(v, 'kinds', 100), capacity: typed(v, 'capacity', 2),
        availability: typed(v, 'availability', 200), locality: typed(v, 'locality', 40), pausedUntil: typed(v, 'pausedUntil', 10),
      }
    : {
        strengths: offer?.strengths.join(',') ?? '', strengthsText: offer?.strengthsText ?? '', kinds: offer?.kinds.join(',') ?? 'mentoring,shadowing',
        capacity: String(offer?.capacity ?? 1), availability: offer?.availability.join(',') ?? '', locality: offer?.locality ?? '', pausedUntil: offer?.pausedUntil ?? '',
      };
  return mentorOfferCard({ cardId: card.cardId, values, localities: deps.mentoringPolicy.localities, existing: !!offer, errors: form?.errors ?? [], note: form?.note ?? '', today });
}

export const mentorOfferFlow: CardFlow<'mentorOffer'> = {
  kind: 'mentorOffer',
  render,
  actions: {
    'offer.save': defineAction({
      schema: z.looseObject({}),
      closesCard: false,
      async handle({ deps }, card, raw) {
        const parsed = schema(deps.mentoringPolicy.localities).safeParse(raw);
        if (!parsed.success) return { invalid: [...new Set(parsed.error.issues.map((i) => i.message))] };
        const input = parsed.data;
        const today = await todayFor(deps, card.tenantId, card.recipientId);
        const saved = await saveMentorOffer(deps, card.tenantId, card.recipientId, {
          strengths: input.strengths, strengthsText: input.strengthsText, kinds: input.kinds,
          capacity: Number(input.capacity), availability: input.availability, locality: input.locality, pausedUntil: input.pausedUntil || null,
        }, today);
        if ('invalid' in saved) return saved;
        const { offer } = saved;
        const pause = offer.pausedUntil ? ` No new people until ${offer.pausedUntil}.` : '';
        return { card: await render(deps, card, { note: `Saved. Weave will propose people whose needs fit your strengths at the next matching run (Mondays).${pause}` }) };
      },
    }),
    'offer.stop': defineAction({
      schema: z.looseObject({}),
      closesCard: false,
      async handle({ deps }, card) {
        await stopMentoring(deps, card.tenantId, card.recipientId);
        return { card: await render(deps, card, { note: 'Stopped: nobody new will be proposed to you. Pairings already under way carry on.' }) };
      },
    }),
  },
};
