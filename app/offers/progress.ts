// Where an offer stands, for L&D in chat and in the tab alike: delivery (shown as digests show counts
// when the audience was people with a need), places and bookings, and who has a place.
import { groupOfKey, groupPhrase } from '../../core/allocation';
import { formatDate } from '../../core/calendar';
import { nameOf } from '../../core/people';
import { broadcastTally, NOT_FOR_ME_CODES, NOT_FOR_ME_REASONS, recipientCount, type Booking, type BroadcastTally, type Offer } from '../../core/offers';
import { suppressCells } from '../../core/suppression';
import type { AppDeps } from '../deps';
import { offerBatch } from './sending';
import { evaluated, evaluationOf } from './evaluation';
import type { EvaluationSummary } from '../../core/evaluation';

export interface OfferProgress {
  tally: BroadcastTally;
  /** A count as L&D may be told it (see recipientCount). */
  shown: (n: number) => string;
  bookings: Record<Booking['status'], number>;
  placesHeld: number | null;
  /** Why deliveries failed, at most three distinct reasons. */
  failures: string[];
  /** People with a place (booked or attended), by name. */
  holders: { id: string; name: string; attended: boolean }[];
  /** Why it was not for people, as they said: totals only, counts under the threshold hidden with enough others ('' when nobody said). */
  whyNot: string;
  /** What attendees said it was worth, rolled up (offers from a trigger or a commissioning line), or null. */
  evaluation: EvaluationSummary | null;
}

/**
 * "Workload, or no cover: 3 · other reasons: not shown": the reasons people gave, only those whose
 * count can be shown (none under the threshold, none subtraction could recover), the rest unnamed
 * so that a reason one person gave is not given away by being listed.
 */
export function whyNotLine(bookings: readonly Pick<Booking, 'status' | 'reason'>[], t: number): string {
  const counts = NOT_FOR_ME_CODES.map((c) => bookings.filter((b) => b.status === 'declined' && b.reason === c).length);
  const said = counts.reduce((a, b) => a + b, 0);
  if (said === 0) return '';
  if (said < t) return `fewer than ${t} said why`;
  const shown = suppressCells(counts, t);
  const named = NOT_FOR_ME_CODES.flatMap((c, i) => (shown[i] ? [`${NOT_FOR_ME_REASONS[c]}: ${shown[i]}`] : []));
  const hidden = shown.some((n) => n === null);
  return [...named, ...(hidden ? [named.length ? 'other reasons: not shown' : `${said} said why; no reason can be shown`] : [])].join(' · ');
}

/** How an offer's places go, as its progress shows it: applications so far or when allocated, and places held for a group. */
export function allocationLines(offer: Offer, applied: number): { title: string; value: string }[] {
  const a = offer.allocation;
  return [
    ...(a.mode === 'applications' ? [{ title: 'Applications', value: a.allocatedAt ? `closed; allocated ${formatDate(a.allocatedAt.slice(0, 10))}` : `${applied} so far; places are allocated after ${formatDate(offer.closesOn)}` }] : []),
    ...a.reservations.map((r) => {
      const g = groupOfKey(r.group);
      return { title: 'Reserved', value: `${r.places} for ${g ? groupPhrase(g) : r.group}${a.mode === 'reserved' ? `, until ${formatDate(r.until)}` : ''}` };
    }),
  ];
}

const STATUSES: readonly Booking['status'][] = ['applied', 'booked', 'waiting', 'offered', 'cancelled', 'declined', 'attended'];

export async function offerProgress(deps: Pick<AppDeps, 'deliveries' | 'offers' | 'people' | 'planPolicy'>, offer: Offer, opts: { names: boolean } = { names: false }): Promise<OfferProgress> {
  const [deliveries, bookings, places] = await Promise.all([
    deps.deliveries.listBatch(offerBatch(offer.offerId)), deps.offers.listBookings(offer.offerId), deps.offers.getPlaces(offer.offerId),
  ]);
  const holding = bookings.filter((b) => b.status === 'booked' || b.status === 'attended');
  const people = opts.names ? await Promise.all(holding.map(async (b) => ({ b, p: await deps.people.get(offer.tenantId, b.personId) }))) : [];
  return {
    tally: broadcastTally(offer.audienceSize, deliveries.map((d) => d.state)),
    shown: (n) => recipientCount(n, offer.audience.withNeed, deps.planPolicy.threshold),
    bookings: Object.fromEntries(STATUSES.map((s) => [s, bookings.filter((b) => b.status === s).length])) as Record<Booking['status'], number>,
    placesHeld: places?.taken ?? null,
    failures: [...new Set(deliveries.filter((d) => d.state === 'failed').map((d) => d.lastError).filter(Boolean))].slice(0, 3),
    whyNot: whyNotLine(bookings, deps.planPolicy.threshold),
    evaluation: evaluated(offer) ? evaluationOf(bookings, deps.planPolicy.threshold) : null,
    holders: people.filter((x) => x.p).map((x) => ({ id: x.b.personId, name: nameOf(x.p!), attended: x.b.status === 'attended' })).sort((a, b) => a.name.localeCompare(b.name)),
  };
}
