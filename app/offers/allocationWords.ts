// What an Applications offer's outcome says to each person who applied: whether they have a place,
// and why, from the reasons the allocation recorded (core/allocation.ts) — facts about them and the
// rules, never anything about anyone else.
import { groupKey, groupLabel, groupPhrase, type ReachIfFilled, type Reason } from '../../core/allocation';
import type { Offer, OfferValues } from '../../core/offers';
import type { CardNote } from '../cards';

function placedBecause(r: Reason, months: number): string | null {
  switch (r.kind) {
    case 'reserved': return `Some places were held for one of your groups (${groupPhrase(r.group)}).`;
    case 'need': return `You had an open learning need in ${r.codes.join(', ')}, and places went first to people with a need in its areas.`;
    case 'registration': return 'Your registration is due for renewal and your CPD record is short of what your regulator asks.';
    case 'noRecentCpd': return `You had no CPD logged in the last ${months} months.`;
    case 'underServed': return `Places went to groups that have had fewer than their share this year, and you are in ${groupPhrase(r.group)}.`;
    case 'room': return 'There was a place for everyone who applied.';
    case 'tie': return 'Among people with the same priority, places were drawn by lot (in a recorded order).';
    case 'released': return 'A place held for a group nobody from it applied for went to the next person, you.';
    default: return null;
  }
}

function notPlacedBecause(r: Reason): string | null {
  switch (r.kind) {
    case 'outranked': return r.by === 'need'
      ? 'Places went first to people with an open learning need in its areas.'
      : 'Places went first to people with more priority: a registration due for renewal, no recent CPD, or a group that has had fewer places than its share.';
    case 'tie': return 'The last places were drawn by lot among people with the same priority as you.';
    case 'heldFor': return `The places left were held for ${r.groups.map((g) => groupPhrase(g)).join(' and ')}.`;
    case 'noPlaces': return 'There were no places left.';
    default: return null;
  }
}

export function outcomeNote(offer: Offer, placed: boolean, reasons: readonly Reason[], position: number | null, noRecentCpdMonths: number): CardNote {
  if (placed) {
    const why = reasons.map((r) => placedBecause(r, noRecentCpdMonths)).filter((x): x is string => !!x);
    return { heading: 'You have a place', text: `Places on "${offer.title}" have been allocated, and you have one. ${why.length ? `Why: ${why.join(' ')}` : 'Places went by need and fairness, not by who asked first.'}` };
  }
  const why = reasons.map(notPlacedBecause).filter((x): x is string => !!x)[0] ?? 'Places went first to people with more priority.';
  return {
    heading: 'No place this time',
    text: `Places on "${offer.title}" have been allocated and there was not one for you. Why: ${why}${position ? ` You are number ${position} on the waiting list: if a place comes free, Weave offers it to you.` : ''}`,
  };
}

const DIMENSION_WORDS = { profession: 'By profession', service: 'By service', registration: 'Registered or not' } as const;

/** The composer's preview of who would have the places, in words: shares by group (suppressed), and the suggestion. */
export function reachLines(reach: ReachIfFilled, offer: Offer, t: number, lookbackMonths: number): string[] {
  const intro = offer.allocation.mode === 'first_come'
    ? `If it fills first come (modelled on who took places in the last ${lookbackMonths} months), its ${offer.capacity} places would go:`
    : offer.allocation.mode === 'applications'
      ? `If everyone it goes to applied, its ${offer.capacity} places would go by need and fairness:`
      : `If it fills first come with the places held, its ${offer.capacity} places would go:`;
  if (reach.places === 0) return [];
  const rows = reach.tables.map((table) => `${DIMENSION_WORDS[table.dimension]}: ${table.rows.map((r) => {
    const name = r.group ? groupLabel(r.group).replace(/^(Profession|Service): /, '') : `other groups (under ${t})`;
    return `${name} ${r.places === null ? 'not shown' : `${r.places}${r.share === null ? '' : ` (${Math.round(r.share * 100)}%)`}`}`;
  }).join(' · ')}`);
  return [intro, ...rows, ...(reach.suggestion ? [suggestionLine(reach.suggestion, offer)] : [])];
}

export function suggestionLine(s: NonNullable<ReachIfFilled['suggestion']>, offer: Offer): string {
  return `Suggestion: ${groupPhrase(s.group)} would have fewer places than their share of who it goes to, and have had fewer than their share this year. Reserve ${s.places} of the ${offer.capacity} places for them?`;
}

/** The composer's values with the suggested reservation: Applications keep their mode; otherwise first come with places held until bookings close. */
export function withSuggestion(values: OfferValues, s: NonNullable<ReachIfFilled['suggestion']>): OfferValues {
  return { ...values, allocation: values.allocation === 'applications' ? 'applications' : 'reserved', reserveFor: groupKey(s.group), reservePlaces: String(s.places), reserveUntil: values.closesOn };
}
