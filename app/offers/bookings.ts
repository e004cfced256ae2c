// Places on a learning offer. A place and the booking it goes to change in one transaction with
// both rows' ETags (store/offers.ts), so two people booking the last place at once cannot both
// get it and no crash leaves the count out of step. A freed place goes to the top of the waiting
// list (need before speed), held for them to confirm before it moves on.
import { addMonths, formatDay, type IsoDate } from '../../core/calendar';
import { placeFor } from '../../core/allocation';
import { isOpen } from '../../core/needs';
import { OFFER_FORMATS, waitingOrder, waitingPriority, type Booking, type Offer } from '../../core/offers';
import { localClock, localDate, parseInstant } from '../../core/zonedTime';
import { ConcurrencyError } from '../../store/errors';
import { readinessOf } from '../../views/cpd';
import type { AppDeps } from '../deps';
import { outboxCardId } from '../messaging/outbox';
import { groupKeysOf } from './reservableGroups';

export type BookOutcome =
  | { kind: 'applied' }
  | { kind: 'booked' }
  | { kind: 'waiting'; position: number }
  | { kind: 'closed'; why: string }
  | { kind: 'already'; booking: Booking };

const areaOf = (code: string) => code.split('.')[0]!;
const ATTEMPTS = 8;
const HELD: readonly Booking['status'][] = ['booked', 'offered', 'attended'];
/** Asked for and not given up: a second ask finds it. */
const ASKED: readonly Booking['status'][] = ['applied', 'waiting', ...HELD];

export function bookingClosed(offer: Offer, today: IsoDate): string | null {
  if (offer.status === 'cancelled') return 'This offer has been withdrawn.';
  if (offer.status !== 'sending' && offer.status !== 'sent') return 'This offer has not gone out.';
  if (offer.date < today) return 'This has already taken place.';
  if (offer.closesOn < today) return offer.allocation.mode === 'applications' ? 'Applications for this have closed.' : 'Bookings for this have closed.';
  return null;
}

/** Whether someone with these groups could take a free place now (and which held group's it would be), given who holds places. */
function placeNow(offer: Offer, groups: readonly string[], capacity: number, bookings: readonly Booking[], today: IsoDate) {
  return placeFor(groups, capacity, bookings.filter((b) => HELD.includes(b.status)), offer.allocation.reservations, today);
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
  if (offer.allocation.mode === 'applications') return apply(deps, offer, personId);
  // A place freed earlier and not yet passed on goes to whoever waits, before anyone new.
  await promoteNext(deps, offer);
  const person = offer.allocation.reservations.length ? await deps.people.get(offer.tenantId, personId) : undefined;
  const groups = person ? groupKeysOf(person) : [];
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const now = deps.clock.now().toISOString();
    const [places, existing, bookings] = await Promise.all([
      deps.offers.getPlaces(offer.offerId), deps.offers.getBooking(offer.offerId, personId), deps.offers.listBookings(offer.offerId),
    ]);
    if (!places) return { kind: 'closed', why: 'This offer has not gone out.' };
    if (existing && ASKED.includes(existing.status)) return { kind: 'already', booking: existing };
    const base = { tenantId: offer.tenantId, offerId: offer.offerId, personId, askedAt: now, offeredUntil: null, updatedAt: now, groups };
    try {
      // Nobody jumps a waiting list: a place is taken straight away only when nobody waiting could take it
      // (with places reserved, a member of the group takes a held place that those waiting could not).
      const place = places.taken < places.capacity ? placeNow(offer, groups, places.capacity, bookings, today) : null;
      if (place && !waitingOrder(bookings).some((w) => placeNow(offer, w.groups ?? [], places.capacity, bookings, today)?.heldFor === place.heldFor)) {
        await deps.offers.writeBooking({ ...base, status: 'booked', priority: 0, heldFor: place.heldFor }, existing ?? null, { row: places, delta: 1 });
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

/** Applications: asked for once while they are open; places are allocated when they close (app/offers/allocation.ts). */
async function apply(deps: Pick<AppDeps, 'clock' | 'offers'>, offer: Offer, personId: string): Promise<BookOutcome> {
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const existing = await deps.offers.getBooking(offer.offerId, personId);
    if (existing && ASKED.includes(existing.status)) return { kind: 'already', booking: existing };
    const now = deps.clock.now().toISOString();
    try {
      await deps.offers.writeBooking({ tenantId: offer.tenantId, offerId: offer.offerId, personId, status: 'applied', priority: 0, askedAt: now, offeredUntil: null, updatedAt: now }, existing ?? null);
      return { kind: 'applied' };
    } catch (err) {
      if (!(err instanceof ConcurrencyError)) throw err; // their other device applied at the same moment: look again
    }
  }
  throw new ConcurrencyError('This application');
}

/** Gives up a place (or one held for them, or a waiting-list spot); a freed place goes to the next person. */
export async function cancel(deps: Pick<AppDeps, 'clock' | 'config' | 'offerPolicy' | 'offers' | 'outbox'>, offer: Offer, personId: string): Promise<Booking['status'] | null> {
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const [places, booking] = await Promise.all([deps.offers.getPlaces(offer.offerId), deps.offers.getBooking(offer.offerId, personId)]);
    if (!places || !booking || !['applied', 'booked', 'waiting', 'offered'].includes(booking.status)) return null;
    const held = HELD.includes(booking.status);
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
    if (!places || places.taken >= places.capacity) return promoted;
    const today = localDate(now, deps.config.timeZone);
    // The first waiting who can take a free place: a place still held for a group waits for its members.
    const next = waitingOrder(bookings).map((b) => ({ b, place: placeNow(offer, b.groups ?? [], places.capacity, bookings, today) })).find((x) => x.place);
    if (!next) return promoted;
    const until = new Date(Math.min(now.getTime() + deps.offerPolicy.confirmPlaceHours * 3_600_000, start)).toISOString();
    try {
      await deps.offers.writeBooking({ ...next.b, status: 'offered', offeredUntil: until, updatedAt: now.toISOString(), heldFor: next.place!.heldFor }, next.b, { row: places, delta: 1 });
    } catch (err) {
      if (err instanceof ConcurrencyError) continue;
      throw err;
    }
    await deps.outbox.resendCard(offer.tenantId, `offer-place|${offer.offerId}|${next.b.personId}|${until}`, next.b.personId, inviteCardId(offer.offerId, next.b.personId),
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
