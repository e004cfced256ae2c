// Fair access, as a use case: who applies for an offer, with the facts that set their priority;
// allocating an Applications offer when it closes (once, crash-safe) and telling everyone why; and
// the composer's preview of who would have the places under the rules L&D chose.
import {
  allocateAtClose, allocationWeights, groupKey, groupOfKey, groupPhrase, reachIfFilled, underServedGroups, type Applicant, type Allocation, type ReachIfFilled, type Reservation,
} from '../../core/allocation';
import { addMonths, type IsoDate } from '../../core/calendar';
import type { Offer, OfferValues } from '../../core/offers';
import { plural } from '../../core/words';
import { localDate } from '../../core/zonedTime';
import { ConcurrencyError } from '../../store/errors';
import type { Stored } from '../../store/offers';
import { readinessOf } from '../../views/cpd';
import type { AppDeps } from '../deps';
import { loadRollup, orgPlanOf, placesGiven } from '../plans/rollup';
import { areaOf } from './audience';
import { inviteCardId } from './bookings';
import { outcomeNote, reachLines, withSuggestion } from './allocationWords';
import { valuesOf } from './draft';

type FactDeps = Pick<AppDeps, 'cpd' | 'needs' | 'offerPolicy' | 'people' | 'registration'>;

/** People as applicants for an offer: their open needs in its areas, registration, recent CPD and groups (facts, never words). */
export async function applicantsFor(deps: FactDeps, offer: Offer, who: readonly { personId: string; appliedAt: string }[], today: IsoDate): Promise<Applicant[]> {
  const [people, needs, cpd] = await Promise.all([deps.people.list(offer.tenantId), deps.needs.listFacts(offer.tenantId), deps.cpd.listFacts(offer.tenantId)]);
  const byId = new Map(people.map((p) => [p.aadObjectId, p]));
  const areas = new Set(offer.codes.map(areaOf));
  const since = addMonths(today, -deps.offerPolicy.priority.noRecentCpdMonths);
  const cpdOf = new Map<string, typeof cpd>();
  for (const r of cpd) cpdOf.set(r.personId, [...(cpdOf.get(r.personId) ?? []), r]);
  const needCodes = new Map<string, string[]>();
  for (const n of needs) if (n.open) needCodes.set(n.personId, [...(needCodes.get(n.personId) ?? []), ...n.codes.filter((c) => areas.has(areaOf(c)))]);
  return who.flatMap(({ personId, appliedAt }) => {
    const p = byId.get(personId);
    if (!p) return [];
    const records = cpdOf.get(personId) ?? [];
    const ready = p.registrationBody !== 'none' ? readinessOf(deps.registration, p, records, today) : null;
    return [{
      personId, appliedAt,
      facts: {
        matchingNeedCodes: needCodes.get(personId) ?? [], registrationShort: !!ready && ready.inRenewalWindow && !ready.met, noRecentCpd: !records.some((r) => r.date >= since),
        groups: { profession: p.profession, service: p.service, registered: p.registrationBody !== 'none' },
      },
    }];
  });
}

type PlanDeps = Pick<AppDeps, 'config' | 'cpd' | 'mentoring' | 'needs' | 'offers' | 'people' | 'planPolicy' | 'plans' | 'qualifications' | 'registration' | 'schedules' | 'sessions'>;

/** The groups the organisation plan finds under-served today, and the places each person had in its look-back. */
async function equityNow(deps: PlanDeps, today: IsoDate) {
  const data = await loadRollup(deps, today);
  const [plan, places] = await Promise.all([orgPlanOf(deps, data, today), placesGiven(deps, data, today)]);
  const had = new Map<string, number>();
  for (const p of places) had.set(p.personId, (had.get(p.personId) ?? 0) + 1);
  return { underServed: underServedGroups(plan.equity), had };
}

export const reservationsOf = (offer: Offer): Reservation[] =>
  offer.allocation.reservations.flatMap((r) => {
    const group = groupOfKey(r.group);
    return group ? [{ group, places: r.places, until: r.until }] : [];
  });

/**
 * Who would have the places if the offer filled by its rules, as if everyone it goes to asked.
 * First come is modelled on who took places before: people who had more places in the look-back
 * ask first (then in a seeded order) — the pattern "first come, first served" left in the seeds.
 */
export async function reachPreview(deps: PlanDeps & FactDeps, offer: Offer, audience: readonly string[], today: IsoDate): Promise<ReachIfFilled> {
  const { underServed, had } = await equityNow(deps, today);
  const ordered = [...audience].sort((a, b) => (had.get(b) ?? 0) - (had.get(a) ?? 0) || (a < b ? -1 : 1));
  const stamp = (i: number) => new Date(Date.UTC(2000, 0, 1) + i * 1000).toISOString();
  const applicants = await applicantsFor(deps, offer, ordered.map((personId, i) => ({ personId, appliedAt: stamp(i) })), today);
  return reachIfFilled({
    mode: offer.allocation.mode, audience: applicants, capacity: offer.capacity, reservations: reservationsOf(offer), today,
    weights: allocationWeights(deps.offerPolicy), underServed, seed: offer.offerId, threshold: deps.planPolicy.threshold,
  });
}

export type AllocateDeps = PlanDeps & FactDeps & Pick<AppDeps, 'clock' | 'outbox'>;

/**
 * Allocates an Applications offer once its applications have closed. The decision (who is placed)
 * is written to the offer first, over the version read, so two runs cannot decide differently;
 * then each application becomes a place (with the places count, in one transaction) or a spot on
 * the waiting list in priority order; then everyone who applied is told the outcome and why (the
 * outbox's batch key makes telling twice harmless). A run that stops half way is finished by the
 * next from the recorded decision: nobody is placed twice and the count never passes capacity.
 */
export async function allocateIfClosed(deps: AllocateDeps, offer: Stored<Offer>): Promise<'allocated' | 'not yet' | 'done'> {
  const today = localDate(deps.clock.now(), deps.config.timeZone);
  if (offer.allocation.mode !== 'applications' || (offer.status !== 'sending' && offer.status !== 'sent')) return 'done';
  if (offer.allocation.toldAt) return 'done';
  if (today <= offer.closesOn) return 'not yet';
  const bookings = await deps.offers.listBookings(offer.offerId);
  const applied = bookings.filter((b) => b.status === 'applied' || (offer.allocation.placed !== null && ['booked', 'waiting', 'offered', 'attended'].includes(b.status)));
  const { underServed } = await equityNow(deps, today);
  const applicants = await applicantsFor(deps, offer, applied.map((b) => ({ personId: b.personId, appliedAt: b.askedAt })), today);
  const allocation = allocateAtClose(applicants, offer.capacity, reservationsOf(offer), allocationWeights(deps.offerPolicy), underServed, offer.offerId);
  let decided = offer;
  if (!offer.allocation.placed) {
    const placed = allocation.outcomes.filter((o) => o.placed).map((o) => o.personId);
    try {
      decided = await deps.offers.update(offer, { allocation: { ...offer.allocation, allocatedAt: deps.clock.now().toISOString(), placed } });
    } catch (err) {
      if (err instanceof ConcurrencyError) return 'not yet'; // another run decided first: the next pass finishes from its decision
      throw err;
    }
  }
  await applyDecision(deps, decided, allocation);
  await tellEveryone(deps, decided, allocation);
  const latest = await deps.offers.get(offer.tenantId, offer.offerId);
  if (latest) await deps.offers.update(latest, { allocation: { ...latest.allocation, toldAt: deps.clock.now().toISOString() } }).catch((err: unknown) => {
    if (!(err instanceof ConcurrencyError)) throw err; // the upkeep changed it meanwhile: the next pass marks it (telling again is harmless)
  });
  return 'allocated';
}

async function applyDecision(deps: AllocateDeps, offer: Stored<Offer>, allocation: Allocation) {
  const placed = new Set(offer.allocation.placed ?? []);
  const rank = allocation.outcomes.length;
  for (const [i, o] of allocation.outcomes.entries()) {
    for (let attempt = 0; attempt < 8; attempt++) {
      const [booking, places] = await Promise.all([deps.offers.getBooking(offer.offerId, o.personId), deps.offers.getPlaces(offer.offerId)]);
      if (!booking || booking.status !== 'applied' || !places) break;
      const now = deps.clock.now().toISOString();
      const reserved = o.reasons.find((r) => r.kind === 'reserved');
      const place = placed.has(o.personId) && places.taken < places.capacity;
      try {
        await deps.offers.writeBooking(
          { ...booking, status: place ? 'booked' : 'waiting', priority: place ? 0 : rank - i, heldFor: place && reserved?.kind === 'reserved' ? groupKey(reserved.group) : null, updatedAt: now },
          booking, place ? { row: places, delta: 1 } : undefined,
        );
        break;
      } catch (err) {
        if (!(err instanceof ConcurrencyError)) throw err;
      }
    }
  }
}

async function tellEveryone(deps: AllocateDeps, offer: Stored<Offer>, allocation: Allocation) {
  const bookings = await deps.offers.listBookings(offer.offerId);
  const waiting = bookings.filter((b) => b.status === 'waiting').sort((a, b) => b.priority - a.priority || a.personId.localeCompare(b.personId));
  const outcome = new Map(allocation.outcomes.map((o) => [o.personId, o]));
  let placed = 0;
  for (const b of bookings.filter((x) => ['booked', 'waiting', 'offered', 'attended'].includes(x.status))) {
    const isPlaced = b.status !== 'waiting';
    placed += isPlaced ? 1 : 0;
    const note = outcomeNote(offer, isPlaced, outcome.get(b.personId)?.reasons ?? [], isPlaced ? null : waiting.findIndex((w) => w.personId === b.personId) + 1, deps.offerPolicy.priority.noRecentCpdMonths);
    await deps.outbox.resendCard(offer.tenantId, `offer-allocated|${offer.offerId}`, b.personId, inviteCardId(offer.offerId, b.personId), note);
  }
  const applied = placed + waiting.length;
  await deps.outbox.sendText(offer.tenantId, `offer-allocated-report|${offer.offerId}`, offer.createdBy,
    `Places on "${offer.title}" are allocated: ${placed} of ${offer.capacity} places, to ${placed} of the ${applied} people who applied; ${waiting.length} are on the waiting list in priority order. Everyone who applied has been told the outcome and why.`);
}

/** The preview's reach in words, and the suggested reservation as the composer's values (for its button). */
export async function previewReach(deps: PlanDeps & FactDeps, offer: Offer, audience: readonly string[], today: IsoDate): Promise<{ lines: string[]; suggestion: { label: string; values: OfferValues } | null }> {
  const reach = await reachPreview(deps, offer, audience, today);
  // One reservation an offer: once it holds places for a group, nothing more is suggested.
  const s = offer.allocation.reservations.length ? null : reach.suggestion;
  return {
    lines: reachLines({ ...reach, suggestion: s }, offer, deps.planPolicy.threshold, deps.planPolicy.equity.lookbackMonths),
    suggestion: s ? { label: `Reserve ${plural(s.places, 'place', 'places')} for ${groupPhrase(s.group)}`, values: withSuggestion(valuesOf(offer), s) } : null,
  };
}
