// L&D's page: the organisation's plan, who CPD reaches, and learning triggers. Totals only.
import { orgPlanContent } from '../../app/plans/orgPlanContent';
import { todayFor } from '../../app/people/today';
import { briefingValuesFor } from '../../app/triggers/briefing';
import { describeCode } from '../../core/commonCore';
import { TRIGGER_SOURCES } from '../../core/triggers';
import { shownPriority } from '../../core/orgPlan';
import { z } from 'zod';
import { messagesOf, text } from '../../app/fields';
import { triggerLines } from '../../app/triggers/list';
import { closeTrigger } from '../../app/triggers/record';
import { badRequest, ok, type ApiRoute } from '../route';
import { orgPulse } from '../../app/pulse/results';
import type { OrgView } from '../shapes';

const closeInput = z.object({
  id: z.string({ error: 'Say which trigger.' }).min(1, 'Say which trigger.').max(64),
  note: text('Why it is closed', { max: 300, required: true, multiline: true }),
});

export const ORG_ROUTES: readonly ApiRoute[] = [
  {
    name: 'tab-org', route: 'tab/api/org', method: 'GET', audience: 'ld_admin',
    async handle({ deps, me }) {
      const today = await todayFor(deps, me.tenantId, me.aadObjectId);
      const [{ plan, summary, mentoring, equityNote, priorities, equityFigures, supervisionNote, supervision, barriersNote, barriers, mandatoryNote, mandatoryAll, pathwaysNote, pathwaysAll, turnoverNote, turnoverAll }, pulse] = await Promise.all([orgPlanContent(deps, today), orgPulse(deps, today)]);
      const [recorded, lines] = await Promise.all([deps.plans.listTriggers(me.tenantId), triggerLines(deps, me.tenantId, me, today)]);
      const byId = new Map(recorded.map((t) => [t.triggerId, t]));
      // The same lines, in the same order, as `triggers` in chat: open ones first, overdue first.
      const triggers = lines.slice(0, 20).map((l) => {
        const t = byId.get(l.id)!;
        return {
          id: t.triggerId, source: TRIGGER_SOURCES[t.source], summary: t.summary, areas: t.codes.map(describeCode).join(', '), dueDate: t.dueDate, offerValues: briefingValuesFor(t),
          status: l.status, overdue: l.overdue, closed: l.closed, learned: l.facts.find((f) => f.title === 'Learned from it')?.value ?? '',
        };
      });
      return ok<OrgView>({
        summary, mentoring, equityNote, triggers,
        priorities: plan.priorities.slice(0, priorities.length).map((p, i) => {
          const shown = shownPriority(p, deps.planPolicy.threshold);
          return { code: p.code, label: describeCode(p.code), score: shown.score, people: shown.people, lines: priorities[i]!.lines };
        }),
        // The same figures, worked out by the same function, as the chat's org plan.
        equity: equityFigures,
        loop: { supervisionNote, supervision, barriersNote, barriers },
        pulse: { quarters: pulse.quarters, organisation: pulse.organisation, dimensions: pulse.dimensions, flagged: pulse.flagged, note: pulse.note, activityNote: pulse.activityNote },
        mandatory: { note: mandatoryNote, tables: mandatoryAll },
        turnover: { note: turnoverNote || 'Turnover shows here once HR\'s roster has been imported.', tables: turnoverAll.map((table) => ({ heading: table.heading, rows: table.rows })) },
        pathways: { note: pathwaysNote || `Career pathways show here once people say where they would like to go (my pathway).`, tables: pathwaysAll },
      });
    },
  },
  {
    name: 'tab-trigger-close', route: 'tab/api/org/triggers/close', method: 'POST', audience: 'ld_admin',
    async handle({ deps, me, body }) {
      const input = closeInput.safeParse(body);
      if (!input.success) return badRequest(messagesOf(input.error));
      const closed = await closeTrigger(deps, me.tenantId, input.data.id, me.aadObjectId, input.data.note);
      return 'invalid' in closed ? badRequest(closed.invalid) : ok({ closed: true });
    },
  },
];
