// The organisation's L&D plan for the year as L&D run it: the commissioning lines with what each has
// delivered (places offered, booked, attended), the budget (total, committed, spent), who the year's
// places and money reached per head, the benchmark, and how many teams have agreed their priorities.
// What the chat card, the Organisation page and the workbook all show, worked out here once.
import { lineCost, isSpent, summariseBudget, type BudgetSummary, type CommissionLine } from '../../core/commissioning';
import type { Booking, Offer } from '../../core/offers';
import { orgYearOf, type OrgYear } from '../../core/orgYear';
import { computeReach, type ReachTable } from '../../core/reach';
import type { StoredLine } from '../../store/commissioning';
import type { EvaluationSummary } from '../../core/evaluation';
import type { AppDeps } from '../deps';
import { evaluationOf } from '../offers/evaluation';
import { professionallyQualified } from '../people/qualifications';
import { unagreedTeams } from './agreements';
import { benchmarksOf, loadRatings, type Benchmarks } from './benchmark';

export interface LineProgress {
  line: StoredLine;
  offered: number;
  booked: number;
  attended: number;
  /** What attendees of its offers said they were worth, rolled up (core/evaluation.ts). */
  evaluation: EvaluationSummary;
}

export interface YearPlan {
  year: OrgYear;
  lines: LineProgress[];
  budget: BudgetSummary;
  reach: ReachTable[];
  benchmarks: Benchmarks;
  teams: { agreed: number; of: number; due: boolean; agreeBy: string };
}

type YearDeps = Pick<AppDeps, 'qualifications' | 'commissioning' | 'offers' | 'people' | 'sessions' | 'agreements' | 'planPolicy'>;

export async function yearPlanOf(deps: YearDeps, tenantId: string, today: string): Promise<YearPlan> {
  const year = orgYearOf(today, deps.planPolicy.orgYear.startsOn);
  const [lines, budget, offers, people, ratings, teams] = await Promise.all([
    deps.commissioning.listLines(tenantId, year.start), deps.commissioning.getBudget(tenantId, year.start), deps.offers.list(tenantId),
    deps.people.list(tenantId), loadRatings(deps, tenantId, year), unagreedTeams(deps, tenantId, today),
  ]);
  const out = offers.filter((o) => o.status !== 'draft' && o.status !== 'cancelled');
  const inYear = out.filter((o) => o.date >= year.start && o.date <= year.end);
  const fromLines = new Set(lines.flatMap((l) => l.offerIds));
  const inYearIds = new Set(inYear.map((o) => o.offerId));
  const counted = out.filter((o) => fromLines.has(o.offerId) || inYearIds.has(o.offerId));
  const bookings = new Map(await Promise.all(counted.map(async (o) => [o.offerId, await deps.offers.listBookings(o.offerId)] as const)));
  const holders = (offerId: string) => (bookings.get(offerId) ?? []).filter((b) => b.status === 'booked' || b.status === 'attended');
  const byId = new Map(out.map((o) => [o.offerId, o]));
  const progress = lines.map((line) => progressFrom(line, line.offerIds.map((id) => byId.get(id)).filter((o) => !!o), holders, deps.planPolicy.threshold));

  // A spent line's cost is shared among the people who attended what it offered.
  const spendOf = new Map<string, number>();
  for (const { line } of progress.filter((p) => isSpent(p.line.status))) spread(line, line.offerIds.flatMap((id) => holders(id).filter((b) => b.status === 'attended').map((b) => b.personId)), spendOf);
  const places = inYear.flatMap((o) => holders(o.offerId).map((b) => b.personId));
  const active = people.filter((p) => p.status === 'active');
  const qualified = await professionallyQualified(deps, tenantId, active);
  const reach = computeReach(active.map((p) => ({ id: p.aadObjectId, profession: p.profession, service: p.service, registered: p.registrationBody !== 'none', qualified: qualified.has(p.aadObjectId) })), places, spendOf, deps.planPolicy.threshold);

  return {
    year, lines: progress, budget: summariseBudget(budget, lines), reach, benchmarks: benchmarksOf(deps, ratings, year),
    teams: { agreed: teams.of - teams.teams.length, of: teams.of, due: teams.due, agreeBy: teams.agreeBy },
  };
}

function progressFrom(line: StoredLine, offers: readonly Offer[], holders: (offerId: string) => readonly Booking[], t: number): LineProgress {
  const held = offers.flatMap((o) => holders(o.offerId));
  return { line, offered: offers.reduce((n, o) => n + o.capacity, 0), booked: held.length, attended: held.filter((b) => b.status === 'attended').length, evaluation: evaluationOf(held, t) };
}

/** One line's places offered, booked and attended, from the offers made from it that went out. */
export async function progressOf(deps: Pick<AppDeps, 'offers' | 'planPolicy'>, line: StoredLine): Promise<LineProgress> {
  const offers = (await Promise.all(line.offerIds.map((id) => deps.offers.get(line.tenantId, id)))).filter((o): o is NonNullable<typeof o> => !!o && o.status !== 'draft' && o.status !== 'cancelled');
  const bookings = new Map(await Promise.all(offers.map(async (o) => [o.offerId, await deps.offers.listBookings(o.offerId)] as const)));
  return progressFrom(line, offers, (id) => (bookings.get(id) ?? []).filter((b) => b.status === 'booked' || b.status === 'attended'), deps.planPolicy.threshold);
}

function spread(line: CommissionLine, attendees: readonly string[], into: Map<string, number>) {
  if (attendees.length === 0) return;
  const share = Math.round(lineCost(line) / attendees.length);
  for (const id of attendees) into.set(id, (into.get(id) ?? 0) + share);
}
