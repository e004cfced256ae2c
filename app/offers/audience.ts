// Who a learning offer goes to: HR's roster by the audience rules, and (if asked) only people with an
// open need in its areas — with the count as L&D may be told it.
import { inAudience, recipientCount, type Offer } from '../../core/offers';
import type { AppDeps } from '../deps';

export const areaOf = (code: string) => code.split('.')[0]!;

/** Everyone the offer goes to, by the audience rules, from HR's roster and (if asked) their open needs. */
export async function audienceOf(deps: Pick<AppDeps, 'people' | 'needs'>, offer: Offer): Promise<string[]> {
  const [people, needs] = await Promise.all([deps.people.list(offer.tenantId), offer.audience.withNeed ? deps.needs.listFacts(offer.tenantId) : Promise.resolve([])]);
  const areas = new Set(offer.codes.map(areaOf));
  const needing = new Set(needs.filter((n) => n.open && n.codes.some((c) => areas.has(areaOf(c)))).map((n) => n.personId));
  return people.filter((p) => inAudience(offer.audience, p, needing.has(p.aadObjectId))).map((p) => p.aadObjectId).sort();
}

/**
 * Who the offer would go to, and how many as L&D may be told: counting only people with a need
 * could say whether one named person has one, so those counts are shown as a digest's are.
 */
export async function audienceSummary(deps: Pick<AppDeps, 'people' | 'needs' | 'planPolicy'>, offer: Offer): Promise<{ audience: string[]; shown: string; line: string }> {
  const audience = await audienceOf(deps, offer);
  const { withNeed } = offer.audience;
  const base = withNeed ? (await audienceOf(deps, { ...offer, audience: { ...offer.audience, withNeed: false } })).length : audience.length;
  const shown = recipientCount(audience.length, withNeed, deps.planPolicy.threshold, base);
  return { audience, shown, line: `It goes to ${shown} ${shown === '1' ? 'person' : 'people'}.` };
}
