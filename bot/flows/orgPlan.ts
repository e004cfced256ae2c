// The organisation's plan for L&D, rendered when it is sent or asked for so it carries the latest
// figures: priorities (each with a button to commission a line for it), this year's plan (teams
// agreed, budget, lines), the workforce benchmark, who CPD reaches and the integration pulse (with
// any group whose "valued" share fell two quarters running). Totals only.
import { z } from 'zod';
import { orgPlanCard } from '../../cards/plans';
import { formatFullDay } from '../../core/calendar';
import { CODES, describeCode } from '../../core/commonCore';
import { formatPounds, LINE_STATUS_LABELS, LINE_STATUSES } from '../../core/commissioning';
import { tabLink } from '../../core/tabLink';
import { plural } from '../../core/words';
import type { CardOf } from '../../app/cards';
import { choice } from '../../app/fields';
import { lineFromPriority } from '../../app/plans/commissioning';
import { orgPlanContent } from '../../app/plans/orgPlanContent';
import { orgPulse, orgPulseLines } from '../../app/pulse/results';
import { yearPlanOf, type YearPlan } from '../../app/plans/yearPlan';
import type { BotDeps } from '../context';
import { defineAction, issueCard, type CardFlow, type FormState } from './flow';
import { newLineCard, yearPlanFlow } from './commissioning';

const LD = { role: 'ld_admin', refusal: 'Only L&D admins commission learning.' } as const;

function yearLines(plan: YearPlan): string[] {
  const t = plan.teams;
  const counts = LINE_STATUSES.map((s) => [s, plan.lines.filter((l) => l.line.status === s).length] as const).filter(([, n]) => n > 0);
  return [
    `Teams: ${t.agreed} of ${plural(t.of, 'team has', 'teams have')} agreed their priorities${t.due ? `; the date to agree by, ${formatFullDay(t.agreeBy)}, has passed` : `, by ${formatFullDay(t.agreeBy)}`}.`,
    plan.budget.total > 0
      ? `Budget: ${formatPounds(plan.budget.total)}; ${formatPounds(plan.budget.committed)} committed, ${formatPounds(plan.budget.spent)} spent.`
      : 'Budget: not set yet (Commissioning and budget).',
    counts.length > 0
      ? `Commissioning lines: ${counts.map(([s, n]) => `${n} ${LINE_STATUS_LABELS[s].toLowerCase()}`).join(', ')}.`
      : 'Commissioning lines: none yet. Commission one from a priority above.',
  ];
}

function benchmarkOf(plan: YearPlan, threshold: number) {
  const lastYear = new Map(plan.benchmarks.yearBefore.organisation.map((a) => [a.area, a.mean]));
  const shown = plan.benchmarks.thisYear.organisation.filter((a) => a.mean !== null);
  return {
    heading: `Workforce benchmark, ${plan.year.label}`,
    note: shown.length > 0
      ? `How ${plan.benchmarks.thisYear.respondents} people rated themselves, 1 to 4, preparing for their appraisal; an area rated by fewer than ${threshold} is not shown.`
      : `Not enough self-ratings yet this year: an area shows once ${threshold} people have rated it preparing for their appraisal.`,
    chart: shown.map((a) => ({ label: a.area, value: a.mean! })),
    rows: shown.map((a) => {
      const before = lastYear.get(a.area);
      return { title: describeCode(a.area), value: `${a.mean!.toFixed(1)}${before == null ? '' : ` (last year ${before.toFixed(1)})`}` };
    }),
  };
}

type OrgPlanContent = Awaited<ReturnType<typeof orgPlanContent>>;

async function renderOrgPlan(deps: BotDeps, card: CardOf<'orgPlan'>, form?: FormState, read?: OrgPlanContent) {
  const [content, year, pulse] = await Promise.all([read ?? orgPlanContent(deps, card.context.period), yearPlanOf(deps, card.tenantId, card.context.period), orgPulse(deps, card.context.period)]);
  const { plan: _plan, equityFigures: _figures, mandatoryAll: _all, pathwaysAll: _aims, turnoverAll: _turnover, ...shown } = content;
  return orgPlanCard({
    ...shown,
    cardId: card.cardId,
    year: { heading: `This year's plan, ${year.year.label}`, lines: yearLines(year) },
    benchmark: benchmarkOf(year, deps.planPolicy.threshold),
    pulse: orgPulseLines(pulse),
    downloadUrl: tabLink(deps.config, 'org'),
    note: form?.note ?? '',
  });
}

export const orgPlanFlow: CardFlow<'orgPlan'> = {
  kind: 'orgPlan',
  render: renderOrgPlan,
  actions: {
    'orgPlan.commission': defineAction({
      schema: z.looseObject({ code: choice('Priority', CODES) }),
      audience: LD,
      closesCard: false,
      async handle({ deps }, card, input) {
        const content = await orgPlanContent(deps, card.context.period);
        const priority = content.plan.priorities.find((p) => p.code === input.code) ?? { code: input.code, activity: null };
        return {
          card: await renderOrgPlan(deps, card, { note: 'A new commissioning line for this priority is below: say for whom, who delivers it and what it costs, then save.' }, content),
          followUps: [await newLineCard(deps, card.tenantId, card.recipientId, lineFromPriority(priority))],
        };
      },
    }),
    'orgPlan.year': defineAction({
      schema: z.looseObject({}),
      audience: LD,
      closesCard: false,
      async handle({ deps }, card) {
        const opened = await issueCard(deps, yearPlanFlow, { tenantId: card.tenantId, recipientId: card.recipientId, ttlDays: 30 });
        return { card: await renderOrgPlan(deps, card), followUps: [{ card: opened, summary: 'Commissioning and budget' }] };
      },
    }),
  },
};
