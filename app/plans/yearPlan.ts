// The organisation's L&D plan for the year as L&D run it: the commissioning lines with what each has
// delivered (places offered, booked, attended), the budget (total, committed, spent), who the year's
// places and money reached per head, the benchmark, and how many teams have agreed their priorities.
// What the chat card, the Organisation page and the workbook all show, worked out here once.
import { lineCost, isSpent, summariseBudget, type BudgetSummary, type CommissionLine } from '../../core/commissioning';
import { orgYearOf, type OrgYear } from '../../core/orgYear';
import { computeReach, type ReachTable } from '../../core/reach';
import type { StoredLine } from '../../store/commissioning';
import type { AppDeps } from '../deps';
import { unagreedTeams } from './agreements';
import { benchmarksOf, loadRatings, type Benchmarks } from './benchmark';

export interface LineProgress {
  line: StoredLine;
  offered: number;
  booked: number;
  attended: number;
}

export interface YearPlan {
  year: OrgYear;
  lines: LineProgress[];
  budget: BudgetSummary;
  reach: ReachTable[];
  benchmarks: Benchmarks;
  teams: { agreed: number; of: number; due: boolean; agreeBy: string };
}

type YearDeps = Pick<AppDeps, 'commissioning' | 'offers' | 'people' | 'sessions' | 'agreements' | 'planPolicy'>;

export async function yearPlanOf(deps: YearDeps, tenantId: string, today: string): Promise<YearPlan> {
  const year = orgYearOf(today, deps.planPolicy.orgYear.startsOn);
  const [lines, budget, offers, people, ratings, teams] = await Promise.all([
    deps.commissioning.listLines(tenantId, year.start), deps.commissioning.getBudget(tenantId, year.start), deps.offers.list(tenantId),
    deps.people.list(tenantId), loadRatings(deps, tenantId, year), unagreedTeams(deps, tenantId, today),
  ]);
  const inYear = offers.filter((o) => o.status !== 'draft' && o.status !== 'cancelled' && o.date >= year.start && o.date <= year.end);
  const bookings = new Map(await Promise.all(inYear.map(async (o) => [o.offerId, await deps.offers.listBookings(o.offerId)] as const)));
  const holders = (offerId: string) => (bookings.get(offerId) ?? []).filter((b) => b.status === 'booked' || b.status === 'attended');

  const progress = lines.map((line): LineProgress => ({
    line,
    offered: inYear.filter((o) => line.offerIds.includes(o.offerId)).reduce((n, o) => n + o.capacity, 0),
    booked: line.offerIds.reduce((n, id) => n + holders(id).length, 0),
    attended: line.offerIds.reduce((n, id) => n + holders(id).filter((b) => b.status === 'attended').length, 0),
  }));

  // A spent line's cost is shared among the people who attended what it offered.
  const spendOf = new Map<string, number>();
  for (const { line } of progress.filter((p) => isSpent(p.line.status))) spread(line, line.offerIds.flatMap((id) => holders(id).filter((b) => b.status === 'attended').map((b) => b.personId)), spendOf);
  const places = inYear.flatMap((o) => holders(o.offerId).map((b) => b.personId));
  const active = people.filter((p) => p.status === 'active');
  const reach = computeReach(active.map((p) => ({ id: p.aadObjectId, profession: p.profession, service: p.service, registered: p.registrationBody !== 'none' })), places, spendOf, deps.planPolicy.threshold);

  return {
    year, lines: progress, budget: summariseBudget(budget, lines), reach, benchmarks: benchmarksOf(deps, ratings, year),
    teams: { agreed: teams.of - teams.teams.length, of: teams.of, due: teams.due, agreeBy: teams.agreeBy },
  };
}

function spread(line: CommissionLine, attendees: readonly string[], into: Map<string, number>) {
  if (attendees.length === 0) return;
  const share = Math.round(lineCost(line) / attendees.length);
  for (const id of attendees) into.set(id, (into.get(id) ?? 0) + share);
}
