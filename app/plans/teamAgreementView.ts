// What a manager sees to agree their team's priorities, in chat and in the tab: the year, the terms to
// aim for, the team plan's most needed areas (totals only: suppressed as its channel digest is), what
// is agreed now, and the team's self-ratings beside the organisation's.
import { mondayOf } from '../../core/calendar';
import { describeCode } from '../../core/commonCore';
import { dayInYear } from '../../core/orgYear';
import type { Person } from '../../core/people';
import type { StoredAgreement } from '../../store/agreements';
import type { AppDeps } from '../deps';
import { agreementFor, currentYear, targetTerms } from './agreements';
import { teamBenchmark } from './benchmark';
import { leadOf, loadRollup, teamLedBy, teamPlanOf } from './rollup';

export interface AgreementView {
  team: string | null;
  isLead: boolean;
  year: string;
  agreeBy: string;
  maxPriorities: number;
  terms: string[];
  /** Areas most of the team need, each with at least the threshold of people: nobody is pointed at. */
  suggested: string[];
  current: StoredAgreement | undefined;
  benchmark: Awaited<ReturnType<typeof teamBenchmark>>;
}

export async function agreementViewFor(deps: AppDeps, manager: Person, today: string): Promise<AgreementView> {
  const period = mondayOf(today);
  const data = await loadRollup(deps, period);
  const team = teamLedBy(manager.aadObjectId, data.people);
  const year = currentYear(deps, today);
  const t = deps.planPolicy.threshold;
  const plan = team ? teamPlanOf(deps, data, team, period) : null;
  return {
    team,
    isLead: !!team && leadOf(team, data.people) === manager.aadObjectId,
    year: year.label,
    agreeBy: dayInYear(year, deps.planPolicy.teamPlans.agreeBy),
    maxPriorities: deps.planPolicy.teamPlans.maxPriorities,
    terms: targetTerms(today),
    suggested: plan && plan.headcount >= t ? plan.areas.filter((a) => a.people >= t).slice(0, deps.planPolicy.teamPlans.maxPriorities).map((a) => a.code) : [],
    current: team ? await agreementFor(deps, manager.tenantId, team, today) : undefined,
    benchmark: team ? await teamBenchmark(deps, manager.tenantId, team, today) : [],
  };
}

export const codeLabel = (code: string) => describeCode(code);
