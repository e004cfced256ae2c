// Learning offers a team can still book: what its digest and the tab say is coming up.
import { formatDate, type IsoDate } from '../../core/calendar';
import { describeCode } from '../../core/commonCore';
import { OFFER_FORMATS } from '../../core/offers';
import type { AppDeps } from '../deps';

/** Learning offers open to the team, still taking bookings: what the digest says is coming up. */
export async function upcomingOffersFor(deps: Pick<AppDeps, 'offers' | 'config'>, team: string, period: IsoDate): Promise<string[]> {
  const offers = await deps.offers.list(deps.config.tenantId);
  return offers
    .filter((o) => (o.status === 'sending' || o.status === 'sent') && o.closesOn >= period && (o.audience.teams.length === 0 || o.audience.teams.includes(team)))
    .sort((a, b) => a.date.localeCompare(b.date))
    .slice(0, 3)
    .map((o) => `${o.title}: ${OFFER_FORMATS[o.format].toLowerCase()}, ${formatDate(o.date)} (${o.codes.map(describeCode).join(', ')})`);
}

