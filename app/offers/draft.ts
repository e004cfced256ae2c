// An offer as L&D compose it, on the card or in the tab: one input schema over OFFER_FIELDS, the
// domain's checks, and the draft saved for a preview that Send must still match.
import { z } from 'zod';
import { addMonths } from '../../core/calendar';
import { CODES } from '../../core/commonCore';
import { groupOfKey } from '../../core/allocation';
import { ALLOCATION_MODE_CODES, DURATION_CODES, OFFER_FORMAT_CODES, type Offer, type OfferAllocation, type OfferField, type OfferValues } from '../../core/offers';
import { PROFESSION_CODES } from '../../core/workforce';
import type { Stored } from '../../store/offers';
import type { AppDeps } from '../deps';
import { choice, choices, date, messagesOf, number, picked, text, toggle } from '../fields';
import { todayFor } from '../people/today';
import { reservableGroups } from './reservableGroups';

export const offerInput = z.object({
  title: text('Title', { max: 100, required: true, noLinks: true }),
  description: text('Description', { max: 1000, required: true, multiline: true }),
  format: choice('Format', OFFER_FORMAT_CODES),
  date: date('Date', { required: true }),
  time: text('Start', { max: 5, required: true }).refine((t) => t === '' || /^([01]\d|2[0-3]):[0-5]\d$/.test(t), 'Start is not a time of day.'),
  durationMinutes: choice('Length', DURATION_CODES),
  location: text('Where', { max: 200, noLinks: true }),
  onlineUrl: text('Online link', { max: 500 }).refine((u) => u === '' || /^https:\/\/[^\s]+$/.test(u), 'Online link must be a web address starting https://.'),
  capacity: number('Places', { min: 1, max: 500, required: true }).refine((n) => Number.isInteger(n), 'Places must be a whole number.'),
  cpdHours: number('CPD hours', { min: 0.25, max: 40, required: true }),
  closesOn: date('Bookings close', { required: true }),
  codes: choices('Areas of the Common Core', CODES, { min: 1 }),
  professions: choices('Professions', PROFESSION_CODES),
  teams: picked('Teams', { max: 200 }),
  registration: choice('Registered with a regulator', ['any', 'registered', 'unregistered']),
  withNeed: toggle(),
  allocation: choice('How places go', ALLOCATION_MODE_CODES, { required: false }),
  reserveFor: text('Reserve places for', { max: 120 }),
  reservePlaces: number('Places reserved', { min: 0, max: 500 }).refine((n) => Number.isInteger(n), 'Places reserved must be a whole number.'),
  reserveUntil: date('Reserved until'),
} satisfies Record<OfferField, z.ZodType>).loose();

export const EMPTY_OFFER: OfferValues = {
  title: '', description: '', format: 'bite_size_workshop', date: '', time: '10:00', durationMinutes: '90', location: '', onlineUrl: '', capacity: '12', cpdHours: '1.5',
  closesOn: '', codes: '', professions: '', teams: '', registration: 'any', withNeed: 'false', allocation: 'first_come', reserveFor: '', reservePlaces: '', reserveUntil: '',
};

export function valuesOf(offer: Offer): OfferValues {
  return {
    title: offer.title, description: offer.description, format: offer.format, date: offer.date, time: offer.time, durationMinutes: String(offer.durationMinutes),
    location: offer.location, onlineUrl: offer.onlineUrl, capacity: String(offer.capacity), cpdHours: String(offer.cpdHours), closesOn: offer.closesOn,
    codes: offer.codes.join(','), professions: offer.audience.professions.join(','), teams: offer.audience.teams.join(','), registration: offer.audience.registration,
    withNeed: String(offer.audience.withNeed), allocation: offer.allocation.mode, reserveFor: offer.allocation.reservations[0]?.group ?? '',
    reservePlaces: offer.allocation.reservations[0] ? String(offer.allocation.reservations[0].places) : '', reserveUntil: offer.allocation.reservations[0]?.until ?? '',
  };
}

/**
 * How the offer's places go, from the composer's fields: first come; applications (closing at least
 * a day before the offer, so places are allocated in time), optionally holding places for a group
 * until they close; or first come with places held for a group until a day.
 */
function allocationOf(i: { allocation: string; reserveFor: string; reservePlaces: number; reserveUntil: string; capacity: number; closesOn: string; date: string }, groups: readonly string[], today: string): { invalid: string[] } | { allocation: OfferAllocation } {
  const mode = i.allocation as OfferAllocation['mode'];
  const problems: string[] = [];
  const reserving = i.reserveFor !== '' || i.reservePlaces > 0;
  if (mode === 'applications' && i.closesOn >= i.date) problems.push('Applications close: choose a day before the offer itself, so places can be allocated and people told in time.');
  if (mode === 'first_come' && reserving) problems.push('Reserve places: choose "First come, with places reserved for a group" or "Applications" under How places go, or clear the reserved places.');
  if (mode === 'reserved' && !reserving) problems.push('Reserve places: choose the group and how many places to hold for it.');
  if (mode !== 'first_come' && reserving) {
    if (!groupOfKey(i.reserveFor) || !groups.includes(i.reserveFor)) problems.push('Reserve places for: choose a group from the list.');
    if (i.reservePlaces < 1 || i.reservePlaces > i.capacity) problems.push(`Places reserved: from 1 to the offer's ${i.capacity} places.`);
    if (mode === 'reserved' && (!i.reserveUntil || i.reserveUntil < today || i.reserveUntil > i.closesOn)) problems.push('Reserved until: choose a day from today up to when bookings close; after it, unused places go to everyone.');
  }
  if (problems.length) return { invalid: problems };
  const until = mode === 'applications' ? i.closesOn : i.reserveUntil;
  return { allocation: { mode, reservations: mode !== 'first_come' && reserving ? [{ group: i.reserveFor, places: i.reservePlaces, until }] : [], allocatedAt: null, placed: null } };
}

type DraftDeps = Pick<AppDeps, 'people' | 'offers' | 'conversations' | 'clock' | 'config' | 'offerPolicy'>;

/** An offer draft from what L&D filled in (on the card or in the tab), checked; or what to fix. */
/** Who composes it, under what id, and the plan's commissioning line or the learning trigger it is made from (if any). */
export interface DraftIds {
  tenantId: string;
  offerId: string;
  createdBy: string;
  line?: { year: string; lineId: string } | null;
  trigger?: string | null;
}

export async function draftOffer(deps: DraftDeps, ids: DraftIds, raw: unknown): Promise<{ invalid: string[] } | { offer: Offer }> {
  const parsed = offerInput.safeParse(raw);
  if (!parsed.success) return { invalid: messagesOf(parsed.error) };
  const i = parsed.data;
  const today = await todayFor(deps, ids.tenantId, ids.createdBy);
  const problems: string[] = [];
  if (i.date < today || i.date > addMonths(today, 24)) problems.push('Date: choose a day from today to two years ahead.');
  if (i.closesOn < today || i.closesOn > i.date) problems.push('Bookings close: choose a day from today up to the day itself.');
  if (!i.location && !i.onlineUrl) problems.push('Say where it is, or give the online link.');
  const known = await deps.people.rosterTeams(ids.tenantId);
  if (i.teams.some((t) => !known.includes(t))) problems.push('Teams: choose from the list.');
  // Not said (a client from before allocation modes): the policy's default.
  const mode = i.allocation || deps.offerPolicy.allocation.mode;
  const allocation = allocationOf({ ...i, allocation: mode }, mode === 'first_come' ? [] : (await reservableGroups(deps, ids.tenantId)).map((g) => g.value), today);
  if ('invalid' in allocation) problems.push(...allocation.invalid);
  if (problems.length > 0 || 'invalid' in allocation) return { invalid: problems };
  const existing = await deps.offers.get(ids.tenantId, ids.offerId);
  return {
    offer: {
      tenantId: ids.tenantId, offerId: ids.offerId, title: i.title, description: i.description, format: i.format as Offer['format'], date: i.date, time: i.time,
      durationMinutes: Number(i.durationMinutes), location: i.location, onlineUrl: i.onlineUrl, capacity: i.capacity, codes: i.codes, cpdHours: i.cpdHours, closesOn: i.closesOn,
      audience: { professions: i.professions, teams: i.teams, registration: i.registration as Offer['audience']['registration'], withNeed: i.withNeed },
      status: 'draft', sendAt: null, createdBy: ids.createdBy, createdAt: existing?.createdAt ?? deps.clock.now().toISOString(), sentAt: null, reportedAt: null,
      audienceSize: 0, fannedOutAt: null, fanOutSeenAt: null, commissionLine: ids.line ?? existing?.commissionLine ?? null,
      trigger: ids.trigger ?? existing?.trigger ?? null, allocation: allocation.allocation,
    },
  };
}

/**
 * Saves the draft for a preview: only if nobody has sent or changed it since it was read. Answers
 * its ETag, which Send must still see (so what goes is what was previewed), or what is wrong.
 */
export async function saveForPreview(deps: DraftDeps, ids: DraftIds, raw: unknown): Promise<{ invalid: string[] } | { draftEtag: string }> {
  const draft = await draftOffer(deps, ids, raw);
  if ('invalid' in draft) return draft;
  const existing = await deps.offers.get(ids.tenantId, ids.offerId);
  if (existing && existing.status !== 'draft') return { invalid: ['This offer has already gone out.'] };
  return { draftEtag: await deps.offers.saveDraft(draft.offer, existing?.etag ?? null) };
}

/** The draft a preview saved, if it is still exactly that one. */
export function stillAsPreviewed(offer: Stored<Offer> | undefined, previewed: { previewing?: boolean; draftEtag?: string | null }): offer is Stored<Offer> {
  return !!offer && previewed.previewing === true && offer.etag === previewed.draftEtag;
}
