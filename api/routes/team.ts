// A line manager's page: the team plan as its channel sees it, and each report by name for them alone.
import { managerDigest } from '../../app/plans/managerDigest';
import { leadOf, loadRollup, teamLedBy, teamPlanOf } from '../../app/plans/rollup';
import { teamStatusOf } from '../../app/plans/teamStatus';
import { todayFor } from '../../app/people/today';
import { mondayOf } from '../../core/calendar';
import { describeCode } from '../../core/commonCore';
import { teamDigest } from '../../core/digest';
import { OFFER_FORMATS } from '../../core/offers';
import { ok, type ApiRoute } from '../route';
import type { TeamView } from '../shapes';

export const TEAM_ROUTES: readonly ApiRoute[] = [
  {
    name: 'tab-team', route: 'tab/api/team', method: 'GET', audience: 'manager',
    async handle({ deps, me }) {
      const today = await todayFor(deps, me.tenantId, me.aadObjectId);
      const period = mondayOf(today);
      const data = await loadRollup(deps, period);
      const team = teamLedBy(me.aadObjectId, data.people);
      const plan = team ? teamPlanOf(deps, data, team, period) : null;
      const [learning, status] = await Promise.all([managerDigest(deps, me.aadObjectId, me.tenantId, period), teamStatusOf(deps, me.tenantId, me.aadObjectId)]);
      const linesOf = new Map(learning.people.map((p) => [p.id, p.lines]));
      const offers = (await deps.offers.list(me.tenantId)).filter((o) => (o.status === 'sending' || o.status === 'sent') && o.closesOn >= today && (!team || o.audience.teams.length === 0 || o.audience.teams.includes(team)));
      const channel = plan ? teamDigest(plan, null, deps.planPolicy.threshold) : null;
      return ok<TeamView>({
        team, isLead: !!team && leadOf(team, data.people) === me.aadObjectId,
        headcount: plan?.headcount ?? 0,
        plan: channel && {
          tooSmall: channel.tooSmall, headline: channel.headline, chart: channel.chart, table: channel.table, subHeadings: channel.subHeadings, activities: channel.activities,
          suggestions: channel.suggestions, supervision: channel.supervision, appraisal: channel.appraisal, mentoring: channel.mentoring,
        },
        summary: learning.summary,
        statusSummary: status.summary,
        people: status.people.map((p) => ({ id: p.id, name: p.name, role: p.role, status: p.facts, learning: linesOf.get(p.id) ?? [] })),
        offers: offers.sort((a, b) => a.date.localeCompare(b.date)).map((o) => ({ title: o.title, format: OFFER_FORMATS[o.format], date: o.date, areas: o.codes.map(describeCode).join(', ') })),
      });
    },
  },
];
