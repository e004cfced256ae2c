// Who leaves, for L&D: turnover over 12 months from the roster's leavers, by profession, service,
// team, career stage and length of service, beside the CPD and places each group had. Totals only
// (core/turnover.ts pools and suppresses); leavers' rows are kept until retention erases them.
import { addMonths, type IsoDate } from '../../core/calendar';
import { computeTurnover, type TurnoverTable } from '../../core/turnover';
import type { AppDeps } from '../deps';
import { cpdFactsOf, placesOf, type RollupData } from './rollup';

export async function orgTurnover(deps: Pick<AppDeps, 'config' | 'cpd' | 'offers' | 'people' | 'planPolicy'>, today: IsoDate, data: RollupData): Promise<TurnoverTable[]> {
  const since = addMonths(today, -12);
  const [everyone, cpd, places] = await Promise.all([data.everyone ?? deps.people.list(deps.config.tenantId), cpdFactsOf(deps, data), placesOf(deps, data, today)]);
  const tally = (ids: readonly string[]) => {
    const m = new Map<string, number>();
    for (const id of ids) m.set(id, (m.get(id) ?? 0) + 1);
    return m;
  };
  const people = everyone.filter((p) => p.status !== 'pending').map((p) => ({
    id: p.aadObjectId, profession: p.profession, service: p.service, team: p.team, careerStage: p.careerStage,
    start: p.startDate ?? p.knownSince ?? null, leftOn: p.status === 'left' ? p.leftOn : null,
  }));
  return computeTurnover(people, tally(cpd.filter((r) => r.date >= since && r.date <= today).map((r) => r.personId)), tally(places.map((p) => p.personId)), today, deps.planPolicy.threshold);
}
