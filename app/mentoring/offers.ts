// Offering mentoring, shadowing or coaching to colleagues in other professions: strengths, capacity,
// when and where, and a break when needed.
import type { IsoDate } from '../../core/calendar';
import type { MentorOffer } from '../../core/mentoring';
import type { AppDeps } from '../deps';

export type OfferTerms = Omit<MentorOffer, 'tenantId' | 'personId' | 'updatedAt'>;

export async function saveMentorOffer(deps: Pick<AppDeps, 'mentoring' | 'clock'>, tenantId: string, personId: string, terms: OfferTerms, today: IsoDate): Promise<{ invalid: string[] } | { offer: MentorOffer }> {
  if (terms.pausedUntil && terms.pausedUntil < today) return { invalid: ['Taking a break until: choose a date from today, or leave it empty.'] };
  const offer: MentorOffer = { tenantId, personId, ...terms, updatedAt: deps.clock.now().toISOString() };
  await deps.mentoring.saveOffer(offer);
  return { offer };
}

/** Nobody new is proposed to them; pairings under way carry on. */
export async function stopMentoring(deps: Pick<AppDeps, 'mentoring'>, tenantId: string, personId: string): Promise<void> {
  await deps.mentoring.removeOffer(tenantId, personId);
}
