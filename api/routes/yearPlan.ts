// L&D's plan for the year in the tab: commissioning lines (add, change, move on), the budget, who the
// year's places and money reach, the benchmark, and the workbook — downloaded by the signed-in
// caller only, never through a link.
import { z } from 'zod';
import { moveLine, saveLine, setBudget } from '../../app/plans/commissioning';
import { currentYear } from '../../app/plans/agreements';
import { planWorkbook } from '../../app/plans/workbook';
import { yearPlanOf } from '../../app/plans/yearPlan';
import { describeYearPlan } from '../../app/plans/yearPlanView';
import { lineOptions } from '../../app/plans/lineOptions';
import { todayFor } from '../../app/people/today';
import { COMPOSER_CHOICES } from '../../cards/offers';
import { CODES, describeCode } from '../../core/commonCore';
import { badRequest, download, ok, type ApiRoute } from '../route';
import type { YearPlanView } from '../shapes';

const lineInput = z.object({ lineId: z.string().uuid().nullable(), etag: z.string().max(200).nullable(), values: z.record(z.string(), z.unknown()) });
const moveInput = z.object({ to: z.string().max(20), actual: z.string().max(20).optional(), etag: z.string().max(200) });
const budgetInput = z.object({ etag: z.string().max(200).nullable(), lines: z.array(z.object({ name: z.string().max(200), pounds: z.string().max(20) })).max(20) });

const opt = (list: readonly { code: string; label: string }[]) => list.map((o) => ({ value: o.code, title: o.label }));
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** "1,250" or "£1,250.50" in pence; null if it is not an amount. */
function pence(text: string): number | null {
  const clean = text.trim().replace(/^£/, '').replace(/,/g, '');
  return /^\d{1,9}(\.\d{1,2})?$/.test(clean) ? Math.round(Number(clean) * 100) : null;
}

export const YEAR_PLAN_ROUTES: readonly ApiRoute[] = [
  {
    name: 'tab-org-year', route: 'tab/api/org/year', method: 'GET', audience: 'ld_admin',
    async handle({ deps, me }) {
      const today = await todayFor(deps, me.tenantId, me.aadObjectId);
      const [plan, options] = await Promise.all([yearPlanOf(deps, me.tenantId, today), lineOptions(deps, me.tenantId, today)]);
      const view = await describeYearPlan(deps, me.tenantId, plan);
      const budget = await deps.commissioning.getBudget(me.tenantId, currentYear(deps, today).start);
      const values = (list: readonly string[]) => list.map((v) => ({ value: v, title: v }));
      return ok<YearPlanView>({
        ...view,
        budget: { ...view.budget, etag: budget?.etag ?? null, values: (budget?.lines ?? []).map((l) => ({ name: l.name, pounds: (l.pence / 100).toFixed(2) })) },
        options: {
          codes: CODES.map((c) => ({ value: c, title: describeCode(c) })), formats: opt(COMPOSER_CHOICES.formats), professions: opt(COMPOSER_CHOICES.professions),
          services: values(options.services), teams: values(options.teams), staff: options.staff.map((s) => ({ value: s.id, title: s.label })),
          registration: opt(COMPOSER_CHOICES.registration),
        },
      });
    },
  },
  {
    name: 'tab-org-line', route: 'tab/api/org/lines', method: 'POST', audience: 'ld_admin',
    async handle({ deps, me, body }) {
      const input = lineInput.safeParse(body);
      if (!input.success) return badRequest(['Send {"lineId": null or the line\'s id, "etag": null or the line\'s, "values": {…}}.']);
      const today = await todayFor(deps, me.tenantId, me.aadObjectId);
      const saved = await saveLine(deps, me.tenantId, me.aadObjectId, input.data.lineId, input.data.etag, input.data.values, today);
      return 'invalid' in saved ? badRequest(saved.invalid) : ok({ id: saved.line.lineId, etag: saved.line.etag });
    },
  },
  {
    name: 'tab-org-line-status', route: 'tab/api/org/lines/{lineId}/status', method: 'POST', audience: 'ld_admin',
    async handle({ deps, me, params, body }) {
      const input = moveInput.safeParse(body);
      if (!input.success || !z.string().uuid().safeParse(params.lineId).success) return badRequest(['Send {"to": a status, "actual": an amount if delivered, "etag": the line\'s}.']);
      const actual = input.data.actual ? pence(input.data.actual) : null;
      if (input.data.actual && actual === null) return badRequest(['Actual cost must be an amount in pounds, like 1,250 or 1250.50.']);
      const today = await todayFor(deps, me.tenantId, me.aadObjectId);
      const line = await deps.commissioning.getLine(me.tenantId, currentYear(deps, today).start, params.lineId!);
      if (!line) return badRequest(['That line is not in this year\'s plan.']);
      if (line.etag !== input.data.etag) return badRequest(['Someone changed this line at the same time. Look at it again, then save.']);
      const moved = await moveLine(deps, line, input.data.to, actual);
      return 'invalid' in moved ? badRequest(moved.invalid) : ok({ id: moved.line.lineId, etag: moved.line.etag, status: moved.line.status });
    },
  },
  {
    name: 'tab-org-budget', route: 'tab/api/org/budget', method: 'POST', audience: 'ld_admin',
    async handle({ deps, me, body }) {
      const input = budgetInput.safeParse(body);
      if (!input.success) return badRequest(['Send {"etag": null or the budget\'s, "lines": [{"name", "pounds"}]}.']);
      const lines = input.data.lines.map((l) => ({ name: l.name, pence: pence(l.pounds) }));
      if (lines.some((l) => l.pence === null)) return badRequest(['Each budget line needs an amount in pounds, like 25,000.']);
      const today = await todayFor(deps, me.tenantId, me.aadObjectId);
      const saved = await setBudget(deps, me.tenantId, me.aadObjectId, lines as { name: string; pence: number }[], input.data.etag, today);
      return 'invalid' in saved ? badRequest(saved.invalid) : ok({ etag: saved.budget.etag });
    },
  },
  {
    name: 'tab-org-workbook', route: 'tab/api/org/workbook', method: 'GET', audience: 'ld_admin',
    async handle({ deps, me }) {
      const { fileName, bytes } = await planWorkbook(deps, me.tenantId, await todayFor(deps, me.tenantId, me.aadObjectId));
      deps.log.info('plan.workbook', { bytes: bytes.length });
      return download(fileName, XLSX, bytes);
    },
  },
];
