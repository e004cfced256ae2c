// Places on a learning offer. A place and the booking it goes to change in one transaction with
// both rows' ETags (store/offers.ts), so two people booking the last place at once cannot both
// get it and no crash leaves the count out of step. A freed place goes to the top of the waiting
// list (need before speed), held for them to confirm before it moves on.
import { addMonths, formatDay, type IsoDate } from '../../core/calendar';
import { isOpen } from '../../core/needs';
import { OFFER_FORMATS, waitingOrder, waitingPriority, type Booking, type Offer } from '../../core/offers';
import { localClock, localDate, parseInstant } from '../../core/zonedTime';
import { ConcurrencyError } from '../../store/errors';
import { readinessOf } from '../../views/cpd';
import type { AppDeps } from '../deps';
import { outboxCardId } from '../messaging/outbox';

export type BookOutcome =
  | { kind: 'booked' }
  | { kind: 'waiting'; position: number }
  | { kind: 'closed'; why: string }
  | { kind: 'already'; booking: Booking };

const areaOf = (code: string) => code.split('.')[0]!;
const ATTEMPTS = 8;
const HELD: readonly Booking['status'][] = ['booked', 'offered', 'attended'];

export function bookingClosed(offer: Offer, today: IsoDate): string | null {
  if (offer.status === 'cancelled') return 'This offer has been withdrawn.';
  if (offer.status !== 'sending' && offer.status !== 'sent') return 'This offer has not gone out.';
  if (offer.date < today) return 'This has already taken place.';
  if (offer.closesOn < today) return 'Bookings for this have closed.';
  return null;
}

/** When the offer starts, as an instant. */
export function startOf(deps: Pick<AppDeps, 'config'>, offer: Offer): Date {
  return parseInstant(`${offer.date}T${offer.time}`, deps.config.timeZone);
}

/** "Wednesday 25 November, 10:00", in the organisation's time. */
export function localWhen(deps: Pick<AppDeps, 'clock' | 'config'>, at: string): string {
  const d = new Date(at);
  return `${formatDay(localDate(d, deps.config.timeZone), localDate(deps.clock.now(), deps.config.timeZone))}, ${localClock(d, deps.config.timeZone).slice(0, 5)}`;
}

/** How far up the waiting list this person goes, from facts about them (never their words). */
async function priorityFor(deps: Pick<AppDeps, 'cpd' | 'needs' | 'offerPolicy' | 'people' | 'registration'>, offer: Offer, personId: string, today: IsoDate): Promise<number> {
  const [person, needs, cpd] = await Promise.all([
    deps.people.get(offer.tenantId, personId), deps.needs.listFor(offer.tenantId, personId), deps.cpd.listFor(offer.tenantId, personId),
  ]);
  const areas = new Set(offer.codes.map(areaOf));
  const matchingNeed = needs.some((n) => isOpen(n) && n.codes.some((c) => areas.has(areaOf(c))));
  const ready = person && person.registrationBody !== 'none' ? readinessOf(deps.registration, person, cpd, today) : null;
  const since = addMonths(today, -deps.offerPolicy.priority.noRecentCpdMonths);
  return waitingPriority(deps.offerPolicy, { matchingNeed, registrationShort: !!ready && ready.inRenewalWindow && !ready.met, noRecentCpd: !cpd.some((r) => r.date >= since) });
}

export async function waitingPosition(deps: Pick<AppDeps, 'offers'>, offerId: string, personId: string): Promise<number> {
  return waitingOrder(await deps.offers.listBookings(offerId)).findIndex((b) => b.personId === personId) + 1;
}

export async function book(deps: Pick<AppDeps, 'clock' | 'config' | 'cpd' | 'needs' | 'offerPolicy' | 'offers' | 'outbox' | 'people' | 'registration'>, offer: Offer, personId: string): Promise<BookOutcome> {
  const today = localDate(deps.clock.now(), deps.config.timeZone);
  const closed = bookingClosed(offer, today);
  if (closed) return { kind: 'closed', why: closed };
  // A place freed earlier and not yet passed on goes to whoever waits, before anyone new.
  await promoteNext(deps, offer);
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const now = deps.clock.now().toISOString();
    const [places, existing, bookings] = await Promise.all([
      deps.offers.getPlaces(offer.offerId), deps.offers.getBooking(offer.offerId, personId), deps.offers.listBookings(offer.offerId),
    ]);
    if (!places) return { kind: 'closed', why: 'This offer has not gone out.' };
    if (existing && (existing.status === 'waiting' || HELD.includes(existing.status))) return { kind: 'already', booking: existing };
    const base = { tenantId: offer.tenantId, offerId: offer.offerId, personId, askedAt: now, offeredUntil: null, updatedAt: now };
    try {
      // Nobody jumps a waiting list: a place is taken straight away only when nobody is waiting.
      if (places.taken < places.capacity && waitingOrder(bookings).length === 0) {
        await deps.offers.writeBooking({ ...base, status: 'booked', priority: 0 }, existing ?? null, { row: places, delta: 1 });
        return { kind: 'booked' };
      }
      await deps.offers.writeBooking({ ...base, status: 'waiting', priority: await priorityFor(deps, offer, personId, today) }, existing ?? null);
      return { kind: 'waiting', position: await waitingPosition(deps, offer.offerId, personId) };
    } catch (err) {
      if (!(err instanceof ConcurrencyError)) throw err; // someone took a place, or their other device booked: look again
    }
  }
  throw new ConcurrencyError('This offer');
}

/** Gives up a place (or one held for them, or a waiting-list spot); a freed place goes to the next person. */
export async function cancel(deps: Pick<AppDeps, 'clock' | 'config' | 'offerPolicy' | 'offers' | 'outbox'>, offer: Offer, personId: string): Promise<Booking['status'] | null> {
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const [places, booking] = await Promise.all([deps.offers.getPlaces(offer.offerId), deps.offers.getBooking(offer.offerId, personId)]);
    if (!places || !booking || !['booked', 'waiting', 'offered'].includes(booking.status)) return null;
    const held = booking.status !== 'waiting';
    try {
      await deps.offers.writeBooking({ ...booking, status: 'cancelled', offeredUntil: null, updatedAt: deps.clock.now().toISOString() }, booking, held ? { row: places, delta: -1 } : undefined);
    } catch (err) {
      if (err instanceof ConcurrencyError) continue;
      throw err;
    }
    if (held) await promoteNext(deps, offer);
    return booking.status;
  }
  throw new ConcurrencyError('This booking');
}

/** Confirms a freed place held for them; false if it has moved on. */
export async function confirm(deps: Pick<AppDeps, 'clock' | 'offers'>, offer: Offer, personId: string): Promise<boolean> {
  const booking = await deps.offers.getBooking(offer.offerId, personId);
  if (!booking || booking.status !== 'offered' || !booking.offeredUntil || booking.offeredUntil < deps.clock.now().toISOString()) return false;
  await deps.offers.writeBooking({ ...booking, status: 'booked', offeredUntil: null, updatedAt: deps.clock.now().toISOString() }, booking);
  return true;
}

/**
 * While places are free and people wait, the next person is offered one to confirm — until the
 * offer starts (a hold never runs past it). Each hold is its own transaction; a race with another
 * promotion or a cancellation just reads again.
 */
export async function promoteNext(deps: Pick<AppDeps, 'clock' | 'config' | 'offerPolicy' | 'offers' | 'outbox'>, offer: Offer): Promise<number> {
  const start = startOf(deps, offer).getTime();
  let promoted = 0;
  for (let attempt = 0; attempt < 50; attempt++) {
    const now = deps.clock.now();
    if (offer.status === 'cancelled' || now.getTime() >= start) return promoted;
    const [places, bookings] = await Promise.all([deps.offers.getPlaces(offer.offerId), deps.offers.listBookings(offer.offerId)]);
    const next = waitingOrder(bookings)[0];
    if (!places || !next || places.taken >= places.capacity) return promoted;
    const until = new Date(Math.min(now.getTime() + deps.offerPolicy.confirmPlaceHours * 3_600_000, start)).toISOString();
    try {
      await deps.offers.writeBooking({ ...next, status: 'offered', offeredUntil: until, updatedAt: now.toISOString() }, next, { row: places, delta: 1 });
    } catch (err) {
      if (err instanceof ConcurrencyError) continue;
      throw err;
    }
    await deps.outbox.resendCard(offer.tenantId, `offer-place|${offer.offerId}|${next.personId}|${until}`, next.personId, inviteCardId(offer.offerId, next.personId),
      { heading: 'A place is free for you', text: `Confirm by ${localWhen(deps, until)} or it goes to the next person: ${offer.title}, ${OFFER_FORMATS[offer.format].toLowerCase()}.` });
    promoted += 1;
  }
  return promoted;
}

/** A freed place offered and not confirmed in time moves on (and the person is told). */
export async function releaseLapsedHolds(deps: Pick<AppDeps, 'clock' | 'config' | 'offerPolicy' | 'offers' | 'outbox'>, offer: Offer): Promise<number> {
  let released = 0;
  for (const b of (await deps.offers.listBookings(offer.offerId)).filter((x) => x.status === 'offered' && x.offeredUntil && x.offeredUntil < deps.clock.now().toISOString())) {
    const places = await deps.offers.getPlaces(offer.offerId);
    if (!places) break;
    try {
      await deps.offers.writeBooking({ ...b, status: 'cancelled', offeredUntil: null, updatedAt: deps.clock.now().toISOString() }, b, { row: places, delta: -1 });
    } catch (err) {
      if (err instanceof ConcurrencyError) continue; // they confirmed at the last moment, or another pass got here first
      throw err;
    }
    await deps.outbox.sendText(offer.tenantId, `offer-lapsed|${offer.offerId}|${b.personId}|${b.offeredUntil}`, b.personId,
      `The place on "${offer.title}" held for you wasn't confirmed in time, so it has gone to the next person.`);
    released += 1;
  }
  await promoteNext(deps, offer);
  return released;
}

/** The invitation card each recipient gets: its id comes from the broadcast and the person, as the outbox makes it. */
export function inviteCardId(offerId: string, personId: string): string {
  return outboxCardId(`offer|${offerId}`, personId);
}
