// L&D's page: the organisation's plan, who CPD reaches, and learning triggers. Totals only.
import { orgPlanContent } from '../../app/plans/orgPlanContent';
import { todayFor } from '../../app/people/today';
import { briefingValuesFor } from '../../app/triggers/briefing';
import { describeCode } from '../../core/commonCore';
import { TRIGGER_SOURCES } from '../../core/triggers';
import { shownPriority } from '../../core/orgPlan';
import { ok, type ApiRoute } from '../route';
import type { OrgView } from '../shapes';

export const ORG_ROUTES: readonly ApiRoute[] = [
  {
    name: 'tab-org', route: 'tab/api/org', method: 'GET', audience: 'ld_admin',
    async handle({ deps, me }) {
      const today = await todayFor(deps, me.tenantId, me.aadObjectId);
      const { plan, summary, mentoring, equityNote, priorities, equityFigures, supervisionNote, supervision, barriersNote, barriers, mandatoryNote, mandatoryAll, pathwaysNote, pathwaysAll, turnoverNote, turnoverAll } = await orgPlanContent(deps, today);
      const triggers = (await deps.plans.listTriggers(me.tenantId)).sort((a, b) => b.createdAt.localeCompare(a.createdAt)).slice(0, 20)
        .map((t) => ({ id: t.triggerId, source: TRIGGER_SOURCES[t.source], summary: t.summary, areas: t.codes.map(describeCode).join(', '), dueDate: t.dueDate, offerValues: briefingValuesFor(t) }));
      return ok<OrgView>({
        summary, mentoring, equityNote, triggers,
        priorities: plan.priorities.slice(0, priorities.length).map((p, i) => {
          const shown = shownPriority(p, deps.planPolicy.threshold);
          return { code: p.code, label: describeCode(p.code), score: shown.score, people: shown.people, lines: priorities[i]!.lines };
        }),
        // The same figures, worked out by the same function, as the chat's org plan.
        equity: equityFigures,
        loop: { supervisionNote, supervision, barriersNote, barriers },
        mandatory: { note: mandatoryNote, tables: mandatoryAll },
        turnover: { note: turnoverNote || 'Turnover shows here once HR\'s roster has been imported.', tables: turnoverAll.map((table) => ({ heading: table.heading, rows: table.rows })) },
        pathways: { note: pathwaysNote || `Career pathways show here once people say where they would like to go (my pathway).`, tables: pathwaysAll },
      });
    },
  },
];
