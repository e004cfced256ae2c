// A line manager's page: the team plan as its channel sees it, and each report by name for them alone.
import { managerDigest } from '../../app/plans/managerDigest';
import { leadOf, loadRollup, teamLedBy, teamPlanOf } from '../../app/plans/rollup';
import { teamStatusOf } from '../../app/plans/teamStatus';
import { todayFor } from '../../app/people/today';
import { mondayOf } from '../../core/calendar';
import { describeCode } from '../../core/commonCore';
import { teamDigest } from '../../core/digest';
import { OFFER_FORMATS } from '../../core/offers';
import { z } from 'zod';
import { agreeTeamPriorities } from '../../app/plans/agreements';
import { agreementViewFor } from '../../app/plans/teamAgreementView';
import { CODES } from '../../core/commonCore';
import { teamPulse } from '../../app/pulse/results';
import { badRequest, ok, type ApiRoute } from '../route';
import type { TeamAgreementView, TeamView } from '../shapes';

const agreeInput = z.object({
  priorities: z.array(z.object({ code: z.string().max(20), why: z.string().max(1000), term: z.string().max(40) })).max(20),
  seenVersion: z.number().int().min(1).nullable(),
});
const label = (code: string) => `${code} ${describeCode(code).replace(/^\S+ /, '')}`;

export const TEAM_ROUTES: readonly ApiRoute[] = [
  {
    name: 'tab-team', route: 'tab/api/team', method: 'GET', audience: 'manager',
    async handle({ deps, me }) {
      const today = await todayFor(deps, me.tenantId, me.aadObjectId);
      const period = mondayOf(today);
      const data = await loadRollup(deps, period);
      const team = teamLedBy(me.aadObjectId, data.people);
      const plan = team ? teamPlanOf(deps, data, team, period) : null;
      const [learning, status, pulse] = await Promise.all([managerDigest(deps, me.aadObjectId, me.tenantId, period), teamStatusOf(deps, me.tenantId, me.aadObjectId), teamPulse(deps, me.aadObjectId, today)]);
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
        pulse: { quarters: pulse.quarters, note: pulse.note },
      });
    },
  },
  {
    name: 'tab-team-agreement', route: 'tab/api/team/agreement', method: 'GET', audience: 'manager',
    async handle({ deps, me }) {
      const v = await agreementViewFor(deps, me, await todayFor(deps, me.tenantId, me.aadObjectId));
      return ok<TeamAgreementView>({
        team: v.team, isLead: v.isLead, year: v.year, agreeBy: v.agreeBy, maxPriorities: v.maxPriorities, terms: v.terms,
        codes: CODES.map((c) => ({ value: c, title: label(c) })), suggested: v.suggested.map((c) => ({ value: c, title: label(c) })),
        current: v.current ? {
          version: v.current.version, agreedByName: v.current.agreedByName, agreedAt: v.current.agreedAt, earlierVersions: v.current.history.length,
          priorities: v.current.priorities.map((p) => ({ code: p.code, label: label(p.code), why: p.why, term: p.term })),
        } : null,
        benchmark: v.benchmark.map((b) => ({ area: b.area, label: label(b.area), team: b.team, organisation: b.organisation })),
      });
    },
  },
  {
    name: 'tab-team-agree', route: 'tab/api/team/agreement', method: 'POST', audience: 'manager',
    async handle({ deps, me, body }) {
      const input = agreeInput.safeParse(body);
      if (!input.success) return badRequest(['Send {"priorities": [{"code", "why", "term"}], "seenVersion": null or the version you saw}.']);
      const today = await todayFor(deps, me.tenantId, me.aadObjectId);
      const view = await agreementViewFor(deps, me, today);
      if (!view.team) return badRequest(["Weave can't tell which team you lead: nobody on HR's roster reports to you yet."]);
      const agreed = await agreeTeamPriorities(deps, me, view.team, input.data.priorities, input.data.seenVersion, today);
      return 'invalid' in agreed ? badRequest(agreed.invalid) : ok({ version: agreed.agreement.version });
    },
  },
];
