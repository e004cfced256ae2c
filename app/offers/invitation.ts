// What a person's invitation to an offer says and lets them do, from their booking: book, join the
// waiting list, confirm a freed place, cancel — or say it is not for them.
import { formatDay, type IsoDate } from '../../core/calendar';
import { NOT_FOR_ME_REASONS, type Booking, type InviteState, type NotForMeReason, type Offer } from '../../core/offers';
import type { AppDeps } from '../deps';
import { bookingClosed, localWhen, waitingPosition } from './bookings';


export async function invitationState(deps: Pick<AppDeps, 'offers' | 'clock' | 'config'>, offer: Offer, booking: Booking | undefined, today: IsoDate, full: boolean): Promise<InviteState> {
  const closed = offer.status === 'draft' ? null : bookingClosed(offer, today);
  const applications = offer.allocation.mode === 'applications' && !offer.allocation.placed;
  switch (booking?.status) {
    case 'applied':
      return {
        state: { style: 'accent', heading: "You've applied", lines: [`Applications close on ${formatDay(offer.closesOn, today)}. Then places are allocated, first to people with a learning need in its areas and fairly across professions and services, not by who asked first. Weave tells you the outcome and why.`] },
        buttons: closed ? [] : [{ title: 'Withdraw my application', verb: 'offer.cancel' }],
      };
    case 'booked':
      return { state: { style: 'good', heading: 'You have a place', lines: ['If you can no longer come, cancel: your place goes to the next person waiting.'] }, buttons: [{ title: 'Cancel my place', verb: 'offer.cancel', style: 'destructive' }] };
    case 'attended':
      return { state: { style: 'good', heading: 'You were there', lines: ['It is in your CPD record.'] }, buttons: [] };
    case 'waiting':
      return {
        state: {
          style: 'accent', heading: `You're number ${await waitingPosition(deps, offer.offerId, booking.personId)} on the waiting list`,
          lines: [offer.allocation.placed ? 'The waiting list is in the order places were allocated. Weave tells you if one comes free.' : 'Places go first to people with a learning need in these areas, then in the order people asked. Weave tells you if one comes free.'],
        },
        buttons: [{ title: 'Leave the waiting list', verb: 'offer.cancel' }],
      };
    case 'offered':
      return {
        state: { style: 'accent', heading: 'A place is free for you', lines: [`Confirm by ${localWhen(deps, booking.offeredUntil!)}, or it goes to the next person.`] },
        buttons: [{ title: 'Confirm my place', verb: 'offer.confirm', style: 'positive' }, { title: "I can't come", verb: 'offer.cancel' }],
      };
    default:
      if (closed) return { state: { style: 'accent', heading: closed, lines: [] }, buttons: [] };
      return {
        state: booking?.status === 'cancelled' ? { style: 'accent', heading: 'You gave up your place', lines: ['You can ask again while bookings are open.'] } : booking?.status === 'declined' ? declinedState(booking) : null,
        buttons: [{ title: applications ? 'Apply for a place' : full ? 'Join the waiting list' : 'Book a place', verb: 'offer.book', style: 'positive' }, ...(booking?.status === 'declined' ? [] : [{ title: 'Not for me', verb: 'offer.notForMe' }])],
        why: booking?.status === 'declined' && !booking.reason ? Object.entries(NOT_FOR_ME_REASONS).map(([value, title]) => ({ value, title })) : null,
      };
  }
}

function declinedState(booking: Booking): NonNullable<InviteState['state']> {
  return booking.reason
    ? { style: 'accent', heading: 'Not for you, noted', lines: [`Why: ${NOT_FOR_ME_REASONS[booking.reason]}. Thank you: L&D see only totals, never who said what.`] }
    : { style: 'accent', heading: 'Not for you, noted', lines: ['If you like, say why below: it helps L&D plan what they offer. They see only totals, never who said what.'] };
}

/** Why an offer was not for someone, after they said Not for me. */
export async function notForMeBecause(deps: Pick<AppDeps, 'offers' | 'clock'>, offer: Offer, personId: string, reason: NotForMeReason): Promise<{ invalid: string[] } | { saved: true }> {
  const existing = await deps.offers.getBooking(offer.offerId, personId);
  if (existing?.status !== 'declined') return { invalid: ['Press Not for me first, then say why.'] };
  await deps.offers.writeBooking({ ...existing, reason, updatedAt: deps.clock.now().toISOString() }, existing);
  return { saved: true };
}

/** "Not for me": recorded once, unless they had booked or are waiting (then it is a cancel). */
export async function declineOffer(deps: Pick<AppDeps, 'offers' | 'clock'>, offer: Offer, personId: string): Promise<void> {
  const now = deps.clock.now().toISOString();
  const existing = await deps.offers.getBooking(offer.offerId, personId);
  if (!existing || existing.status === 'cancelled') {
    await deps.offers.writeBooking({ tenantId: offer.tenantId, offerId: offer.offerId, personId, status: 'declined', priority: 0, askedAt: existing?.askedAt ?? now, offeredUntil: null, updatedAt: now }, existing ?? null);
  }
}

/** The invitation's offer, if it has gone out. */
export async function sentOffer(deps: Pick<AppDeps, 'offers'>, tenantId: string, offerId: string) {
  const offer = await deps.offers.get(tenantId, offerId);
  return offer && offer.status !== 'draft' ? offer : undefined;
}
