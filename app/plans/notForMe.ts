// Why learning offers were not for people, as they said on Not for me: the seeds' barriers to CPD
// (time, cover, budget, permission) measured from what people were actually offered. Counted in
// people (each counted once per reason however many offers they said it of) over the last year, by
// group, as appraisal barriers are (app/plans/barriers.ts): totals only.
import { addMonths, type IsoDate } from '../../core/calendar';
import { NOT_FOR_ME_REASONS, type NotForMeReason } from '../../core/offers';
import type { Person } from '../../core/people';
import type { AppDeps } from '../deps';
import { answerRows, type BarrierGrouping } from './barriers';

export async function notForMeCounts(deps: Pick<AppDeps, 'config' | 'offers' | 'people' | 'planPolicy'>, today: IsoDate, by: BarrierGrouping, everyone?: readonly Person[]) {
  const tenantId = deps.config.tenantId;
  const since = addMonths(today, -12);
  const offers = (await deps.offers.list(tenantId)).filter((o) => o.status !== 'draft' && o.date >= since);
  const [bookings, people] = await Promise.all([Promise.all(offers.map((o) => deps.offers.listBookings(o.offerId))), everyone ?? deps.people.list(tenantId)]);
  const said = new Map<string, NotForMeReason[]>();
  for (const b of bookings.flat()) {
    if (b.status !== 'declined' || !b.reason) continue;
    const mine = said.get(b.personId) ?? [];
    if (!mine.includes(b.reason)) said.set(b.personId, [...mine, b.reason]);
  }
  return answerRows(people, said, NOT_FOR_ME_REASONS, deps.planPolicy.threshold, by, 'row');
}
