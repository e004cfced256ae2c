// Sending a learning offer: now or at a set time, exactly as previewed; and withdrawing it, telling
// everyone who had booked or was waiting.
import { formatDate, formatDay } from '../../core/calendar';
import type { Offer } from '../../core/offers';
import { plain } from '../../core/text';
import { parseInstant } from '../../core/zonedTime';
import type { Stored } from '../../store/offers';
import type { AppDeps } from '../deps';
import { orgToday } from '../people/today';
import { audienceOf } from './audience';
import { stillAsPreviewed } from './draft';
import { offerSentFromLine } from '../plans/commissioning';

/** The outbox batch of an offer's invitations. */
export const offerBatch = (offerId: string) => `offer|${offerId}`;

type SendDeps = Pick<AppDeps, 'people' | 'needs' | 'offers' | 'work' | 'commissioning' | 'clock' | 'log'>;

/** Marks the offer sending and fans it out on the work queue; a second press finds it already sending. */
export async function startSending(deps: SendDeps, offer: Stored<Offer>): Promise<Stored<Offer>> {
  const audience = await audienceOf(deps, offer);
  await deps.offers.openPlaces(offer.offerId, offer.capacity);
  const sending = await deps.offers.update(offer, { status: 'sending', sentAt: deps.clock.now().toISOString(), audienceSize: audience.length });
  await deps.work.enqueue({ kind: 'offer-fanout', tenantId: offer.tenantId, offerId: offer.offerId, after: null });
  deps.log.info('offer.sending', { recipients: audience.length });
  if (offer.commissionLine) await offerSentFromLine(deps, offer.tenantId, offer.commissionLine, offer.offerId);
  return sending;
}

export type SendOutcome = { invalid: string[] } | { sending: true } | { already: Offer['status'] };

/** Sends what was previewed (`previewed`: the preview's marker and ETag), now. */
export async function sendPreviewed(deps: SendDeps & Pick<AppDeps, 'config'>, tenantId: string, offerId: string, previewed: { previewing?: boolean; draftEtag?: string | null }): Promise<SendOutcome> {
  const offer = await deps.offers.get(tenantId, offerId);
  if (!offer) return { invalid: ['Preview the offer before sending it.'] };
  if (offer.status !== 'draft' && offer.status !== 'scheduled') return { already: offer.status };
  // What goes is what was previewed on this card: not an older draft, nor one changed elsewhere since.
  if (!stillAsPreviewed(offer, previewed)) return { invalid: ['The offer changed since this preview: preview it again before sending.'] };
  if (offer.closesOn < orgToday(deps)) return { invalid: ['Bookings close before today: change the dates and preview again.'] };
  await startSending(deps, offer);
  return { sending: true };
}

/** Schedules what was previewed to go at `date` `time` (the organisation's time); offer-upkeep sends it then. */
export async function schedulePreviewed(
  deps: Pick<AppDeps, 'offers' | 'clock' | 'config'>, tenantId: string, offerId: string, previewed: { previewing?: boolean; draftEtag?: string | null }, date: string, time: string,
): Promise<{ invalid: string[] } | { note: string }> {
  const offer = await deps.offers.get(tenantId, offerId);
  if (!offer || offer.status !== 'draft') return { invalid: ['Preview the offer before scheduling it.'] };
  if (!stillAsPreviewed(offer, previewed)) return { invalid: ['The offer changed since this preview: preview it again before scheduling.'] };
  const at = parseInstant(`${date}T${time}`, deps.config.timeZone);
  if (at.getTime() <= deps.clock.now().getTime() || date > offer.closesOn) return { invalid: ['Send later: choose a time from now until bookings close.'] };
  await deps.offers.update(offer, { status: 'scheduled', sendAt: at.toISOString() });
  return { note: `Scheduled for ${formatDay(date, orgToday(deps))} at ${time}.` };
}

/** Withdraws an offer that has gone out (or is due to), telling everyone who had booked or was waiting. */
export async function withdrawOffer(deps: Pick<AppDeps, 'offers' | 'outbox' | 'clock' | 'config' | 'log'>, tenantId: string, offerId: string): Promise<{ invalid: string[] } | { withdrawn: true }> {
  const offer = await deps.offers.get(tenantId, offerId);
  if (!offer || offer.status === 'draft' || offer.status === 'cancelled') return { invalid: ['There is nothing to withdraw.'] };
  if (offer.date < orgToday(deps)) return { invalid: ['It has already taken place.'] };
  await deps.offers.update(offer, { status: 'cancelled' });
  for (const b of (await deps.offers.listBookings(offer.offerId)).filter((x) => ['applied', 'booked', 'waiting', 'offered'].includes(x.status))) {
    await deps.outbox.sendText(tenantId, `offer-withdrawn|${offer.offerId}`, b.personId,
      `"${plain(offer.title)}" on ${formatDate(offer.date)} has been withdrawn by Workforce Development, so your booking no longer stands. Sorry.`);
  }
  deps.log.info('offer.withdrawn', {});
  return { withdrawn: true };
}
