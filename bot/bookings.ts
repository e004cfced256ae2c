// Places on a learning offer. The offer row's `taken` count decides capacity and is only ever
// changed with the row's ETag, so two people booking the last place at once cannot both get it:
// one wins, the other reads again and joins the waiting list. A freed place goes to the top of the
// waiting list (need before speed), held for them to confirm before it moves on.
import { addMonths, type IsoDate } from '../core/calendar';
import { OFFER_FORMATS, waitingOrder, waitingPriority, type Booking, type Offer } from '../core/offers';
import { isOpen } from '../core/needs';
import { localDate } from '../core/zonedTime';
import type { Stored } from '../store/offers';
import { ConcurrencyError } from '../store/tables';
import { readinessOf } from '../views/cpd';
import type { BotDeps } from './context';
import { outboxCardId } from './outbox';

export type BookOutcome =
  | { kind: 'booked' }
  | { kind: 'waiting'; position: number }
  | { kind: 'closed'; why: string }
  | { kind: 'already'; booking: Booking };

const areaOf = (code: string) => code.split('.')[0]!;
const ATTEMPTS = 8;

export function bookingClosed(offer: Offer, today: IsoDate): string | null {
  if (offer.status === 'cancelled') return 'This offer has been withdrawn.';
  if (offer.closesOn < today) return 'Bookings for this have closed.';
  if (offer.date < today) return 'This has already taken place.';
  return null;
}

/** How far up the waiting list this person goes, from facts about them (never their words). */
async function priorityFor(deps: BotDeps, offer: Offer, personId: string, today: IsoDate): Promise<number> {
  const [person, needs, cpd] = await Promise.all([
    deps.people.get(offer.tenantId, personId), deps.needs.listFor(offer.tenantId, personId), deps.cpd.listFor(offer.tenantId, personId),
  ]);
  const areas = new Set(offer.codes.map(areaOf));
  const matchingNeed = needs.some((n) => isOpen(n) && n.codes.some((c) => areas.has(areaOf(c))));
  const ready = person && person.registrationBody !== 'none' ? readinessOf(deps.registration, person, cpd, today) : null;
  const since = addMonths(today, -deps.offerPolicy.priority.noRecentCpdMonths);
  return waitingPriority(deps.offerPolicy, { matchingNeed, registrationShort: !!ready && ready.inRenewalWindow && !ready.met, noRecentCpd: !cpd.some((r) => r.date >= since) });
}

/** Takes one place on the offer if one is free; false if it is full. Retries when someone else changed the offer first. */
async function takePlace(deps: BotDeps, tenantId: string, offerId: string): Promise<boolean> {
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const offer = await deps.offers.get(tenantId, offerId);
    if (!offer || offer.taken >= offer.capacity) return false;
    try {
      await deps.offers.update(offer, { taken: offer.taken + 1 });
      return true;
    } catch (err) {
      if (!(err instanceof ConcurrencyError)) throw err;
    }
  }
  throw new ConcurrencyError('This offer');
}

async function givePlaceBack(deps: BotDeps, tenantId: string, offerId: string): Promise<void> {
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const offer = await deps.offers.get(tenantId, offerId);
    if (!offer) return;
    try {
      await deps.offers.update(offer, { taken: Math.max(0, offer.taken - 1) });
      return;
    } catch (err) {
      if (!(err instanceof ConcurrencyError)) throw err;
    }
  }
  throw new ConcurrencyError('This offer');
}

export async function waitingPosition(deps: BotDeps, offerId: string, personId: string): Promise<number> {
  return waitingOrder(await deps.offers.listBookings(offerId)).findIndex((b) => b.personId === personId) + 1;
}

export async function book(deps: BotDeps, offer: Offer, personId: string): Promise<BookOutcome> {
  const today = localDate(deps.clock.now(), deps.config.timeZone);
  const closed = bookingClosed(offer, today);
  if (closed) return { kind: 'closed', why: closed };
  const now = deps.clock.now().toISOString();
  const existing = await deps.offers.getBooking(offer.offerId, personId);
  if (existing && (existing.status === 'booked' || existing.status === 'waiting' || existing.status === 'offered' || existing.status === 'attended')) {
    return { kind: 'already', booking: existing };
  }
  // Nobody jumps a waiting list: a place is only taken straight away when nobody is waiting for one.
  const waiting = waitingOrder(await deps.offers.listBookings(offer.offerId));
  const got = waiting.length === 0 && (await takePlace(deps, offer.tenantId, offer.offerId));
  const fields: Omit<Booking, 'tenantId' | 'offerId' | 'personId'> = got
    ? { status: 'booked', priority: 0, askedAt: now, offeredUntil: null, updatedAt: now }
    : { status: 'waiting', priority: await priorityFor(deps, offer, personId, today), askedAt: now, offeredUntil: null, updatedAt: now };
  if (existing) await deps.offers.updateBooking(existing, fields);
  else if (!(await deps.offers.createBooking({ tenantId: offer.tenantId, offerId: offer.offerId, personId, ...fields }))) {
    // Their other device booked at the same moment: give back the place this attempt took.
    if (got) await givePlaceBack(deps, offer.tenantId, offer.offerId);
    return { kind: 'already', booking: (await deps.offers.getBooking(offer.offerId, personId))! };
  }
  if (got) return { kind: 'booked' };
  return { kind: 'waiting', position: await waitingPosition(deps, offer.offerId, personId) };
}

/** Gives up a place (or a place held for them, or their spot on the list); a freed place goes to the next person. */
export async function cancel(deps: BotDeps, offer: Offer, booking: Stored<Booking>): Promise<void> {
  const held = booking.status === 'booked' || booking.status === 'offered';
  await deps.offers.updateBooking(booking, { status: 'cancelled', offeredUntil: null, updatedAt: deps.clock.now().toISOString() });
  if (held) {
    await givePlaceBack(deps, offer.tenantId, offer.offerId);
    await promoteNext(deps, offer.tenantId, offer.offerId);
  }
}

/** While places are free and people wait, the next person is offered one to confirm in time. */
export async function promoteNext(deps: BotDeps, tenantId: string, offerId: string): Promise<number> {
  let promoted = 0;
  for (;;) {
    const next = waitingOrder(await deps.offers.listBookings(offerId))[0];
    if (!next || !(await takePlace(deps, tenantId, offerId))) return promoted;
    const until = new Date(deps.clock.now().getTime() + deps.offerPolicy.confirmPlaceHours * 3_600_000).toISOString();
    try {
      await deps.offers.updateBooking(next, { status: 'offered', offeredUntil: until, updatedAt: deps.clock.now().toISOString() });
    } catch (err) {
      await givePlaceBack(deps, tenantId, offerId);
      if (err instanceof ConcurrencyError) continue; // they left the list meanwhile: try the next person
      throw err;
    }
    const offer = await deps.offers.get(tenantId, offerId);
    await deps.outbox.resendCard(tenantId, `offer-place|${offerId}|${next.personId}|${until}`, next.personId, inviteCardId(offerId, next.personId),
      { heading: 'A place is free for you', text: `Confirm by ${until.slice(0, 16).replace('T', ' ')} (UTC) or it goes to the next person${offer ? `: ${offer.title}, ${OFFER_FORMATS[offer.format].toLowerCase()}` : ''}.` });
    promoted += 1;
  }
}

/** A freed place offered and not confirmed in time moves on. */
export async function releaseLapsedHolds(deps: BotDeps, offer: Offer): Promise<number> {
  const now = deps.clock.now().toISOString();
  let released = 0;
  for (const b of (await deps.offers.listBookings(offer.offerId)).filter((x) => x.status === 'offered' && x.offeredUntil && x.offeredUntil < now)) {
    try {
      await deps.offers.updateBooking(b, { status: 'cancelled', offeredUntil: null, updatedAt: now });
    } catch (err) {
      if (err instanceof ConcurrencyError) continue; // they confirmed at the last moment
      throw err;
    }
    await givePlaceBack(deps, offer.tenantId, offer.offerId);
    await deps.outbox.sendText(offer.tenantId, `offer-lapsed|${offer.offerId}|${b.personId}`, b.personId,
      `The place on "${offer.title}" held for you wasn't confirmed in time, so it has gone to the next person.`);
    released += 1;
  }
  if (released > 0) await promoteNext(deps, offer.tenantId, offer.offerId);
  return released;
}

/** Puts `taken` right from the bookings, if a crash between the two writes left it out of step. */
export async function reconcileTaken(deps: BotDeps, offer: Stored<Offer>): Promise<void> {
  const bookings = await deps.offers.listBookings(offer.offerId);
  const taken = bookings.filter((b) => b.status === 'booked' || b.status === 'offered' || b.status === 'attended').length;
  if (taken !== offer.taken) await deps.offers.update(offer, { taken }).catch((err: unknown) => { if (!(err instanceof ConcurrencyError)) throw err; });
}

/** The invitation card each recipient gets: its id comes from the broadcast and the person, as the outbox makes it. */
export function inviteCardId(offerId: string, personId: string): string {
  return outboxCardId(`offer|${offerId}`, personId);
}
