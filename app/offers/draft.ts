// An offer as L&D compose it, on the card or in the tab: one input schema over OFFER_FIELDS, the
// domain's checks, and the draft saved for a preview that Send must still match.
import { z } from 'zod';
import { addMonths } from '../../core/calendar';
import { CODES } from '../../core/commonCore';
import { DURATION_CODES, OFFER_FORMAT_CODES, type Offer, type OfferField, type OfferValues } from '../../core/offers';
import { PROFESSION_CODES } from '../../core/workforce';
import type { Stored } from '../../store/offers';
import type { AppDeps } from '../deps';
import { choice, choices, date, messagesOf, number, picked, text, toggle } from '../fields';
import { todayFor } from '../people/today';

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
} satisfies Record<OfferField, z.ZodType>).loose();

export const EMPTY_OFFER: OfferValues = {
  title: '', description: '', format: 'bite_size_workshop', date: '', time: '10:00', durationMinutes: '90', location: '', onlineUrl: '', capacity: '12', cpdHours: '1.5',
  closesOn: '', codes: '', professions: '', teams: '', registration: 'any', withNeed: 'false',
};

export function valuesOf(offer: Offer): OfferValues {
  return {
    title: offer.title, description: offer.description, format: offer.format, date: offer.date, time: offer.time, durationMinutes: String(offer.durationMinutes),
    location: offer.location, onlineUrl: offer.onlineUrl, capacity: String(offer.capacity), cpdHours: String(offer.cpdHours), closesOn: offer.closesOn,
    codes: offer.codes.join(','), professions: offer.audience.professions.join(','), teams: offer.audience.teams.join(','), registration: offer.audience.registration,
    withNeed: String(offer.audience.withNeed),
  };
}

type DraftDeps = Pick<AppDeps, 'people' | 'offers' | 'conversations' | 'clock' | 'config'>;

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
  if (problems.length > 0) return { invalid: problems };
  const existing = await deps.offers.get(ids.tenantId, ids.offerId);
  return {
    offer: {
      tenantId: ids.tenantId, offerId: ids.offerId, title: i.title, description: i.description, format: i.format as Offer['format'], date: i.date, time: i.time,
      durationMinutes: Number(i.durationMinutes), location: i.location, onlineUrl: i.onlineUrl, capacity: i.capacity, codes: i.codes, cpdHours: i.cpdHours, closesOn: i.closesOn,
      audience: { professions: i.professions, teams: i.teams, registration: i.registration as Offer['audience']['registration'], withNeed: i.withNeed },
      status: 'draft', sendAt: null, createdBy: ids.createdBy, createdAt: existing?.createdAt ?? deps.clock.now().toISOString(), sentAt: null, reportedAt: null,
      audienceSize: 0, fannedOutAt: null, fanOutSeenAt: null, commissionLine: ids.line ?? existing?.commissionLine ?? null,
      trigger: ids.trigger ?? existing?.trigger ?? null,
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
