// A person's invitation to a learning offer. Its buttons follow their booking: book, join the
// waiting list, confirm a freed place, cancel, or say it is not for them (and, if they like, why).
import { z } from 'zod';
import type { CardOf } from '../../../app/cards';
import { book, cancel, confirm } from '../../../app/offers/bookings';
import { choice } from '../../../app/fields';
import { declineOffer, invitationState, notForMeBecause, sentOffer } from '../../../app/offers/invitation';
import { todayFor } from '../../../app/people/today';
import { noticeCard } from '../../../cards/notice';
import { offerInvitationCard } from '../../../cards/offers';
import { NOT_FOR_ME_CODES, type NotForMeReason } from '../../../core/offers';
import type { BotDeps } from '../../context';
import { defineAction, type CardFlow, type FormState } from '../flow';

async function renderInvite(deps: BotDeps, card: CardOf<'offerInvite'>, form?: FormState) {
  const offer = await deps.offers.get(card.tenantId, card.context.offerId);
  if (!offer) return noticeCard({ title: 'Nothing to book', lines: ['This offer is no longer in Weave.'] });
  const [booking, places, today] = await Promise.all([
    deps.offers.getBooking(offer.offerId, card.recipientId), deps.offers.getPlaces(offer.offerId), todayFor(deps, card.tenantId, card.recipientId),
  ]);
  const state = await invitationState(deps, offer, booking, today, !!places && places.taken >= places.capacity);
  if (form?.notice && !form.errors?.length) state.state = { style: 'accent', heading: form.notice.heading, lines: [form.notice.text] };
  else if (form?.note) state.state = { style: 'good', heading: form.note, lines: state.state?.lines ?? [] };
  return offerInvitationCard(offer, card.cardId, state, deps.config.publicUrl, form?.errors ?? []);
}

const GONE = { invalid: ['This offer is no longer in Weave.'] };

export const offerInviteFlow: CardFlow<'offerInvite'> = {
  kind: 'offerInvite',
  render: renderInvite,
  actions: {
    'offer.book': defineAction({
      schema: z.looseObject({}),
      closesCard: false,
      async handle({ deps }, card) {
        const offer = await sentOffer(deps, card.tenantId, card.context.offerId);
        if (!offer) return GONE;
        const outcome = await book(deps, offer, card.recipientId);
        const note = outcome.kind === 'applied' ? 'Applied: Weave tells you the outcome when applications close.' : outcome.kind === 'booked' ? 'Booked: you have a place.' : outcome.kind === 'waiting' ? `Added to the waiting list: you're number ${outcome.position}.` : outcome.kind === 'closed' ? outcome.why : 'Already done.';
        deps.log.info('offer.book', { outcome: outcome.kind });
        return { card: await renderInvite(deps, card, { note }) };
      },
    }),
    'offer.notForMe': defineAction({
      schema: z.looseObject({}),
      closesCard: false,
      async handle({ deps }, card) {
        const offer = await sentOffer(deps, card.tenantId, card.context.offerId);
        if (!offer) return GONE;
        await declineOffer(deps, offer, card.recipientId);
        return { card: await renderInvite(deps, card) };
      },
    }),
    'offer.why': defineAction({
      schema: z.looseObject({ reason: choice('Why', NOT_FOR_ME_CODES) }),
      closesCard: false,
      async handle({ deps }, card, input) {
        const offer = await sentOffer(deps, card.tenantId, card.context.offerId);
        if (!offer) return GONE;
        const saved = await notForMeBecause(deps, offer, card.recipientId, input.reason as NotForMeReason);
        return 'invalid' in saved ? saved : { card: await renderInvite(deps, card) };
      },
    }),
    'offer.cancel': defineAction({
      schema: z.looseObject({}),
      closesCard: false,
      async handle({ deps }, card) {
        const offer = await sentOffer(deps, card.tenantId, card.context.offerId);
        const was = offer && (await cancel(deps, offer, card.recipientId));
        if (!was) return { invalid: ['There is nothing to cancel.'] };
        const note = was === 'applied' ? 'Your application is withdrawn.' : was === 'waiting' ? 'You have left the waiting list.' : 'Cancelled: your place has gone to the next person waiting.';
        return { card: await renderInvite(deps, card, { note }) };
      },
    }),
    'offer.confirm': defineAction({
      schema: z.looseObject({}),
      closesCard: false,
      async handle({ deps }, card) {
        const offer = await sentOffer(deps, card.tenantId, card.context.offerId);
        if (!offer || !(await confirm(deps, offer, card.recipientId))) return { invalid: ['There is no place waiting for you to confirm: the time to confirm may have passed, and it has gone to the next person.'] };
        return { card: await renderInvite(deps, card, { note: 'Confirmed: you have a place.' }) };
      },
    }),
  },
};
