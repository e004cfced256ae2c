// The year plan as people read it, in chat, the tab and beside the workbook: money in pounds, hidden
// counts in words, each line with what it may move to and the values to edit it or make an offer of it.
import { AREA_CODES, describeCode } from '../../core/commonCore';
import { canMove, formatPounds, LINE_STATUS_LABELS, LINE_STATUSES, type CommissionLine, type LineValues } from '../../core/commissioning';
import { OFFER_FORMATS } from '../../core/offers';
import { professionLabel } from '../../core/workforce';
import type { AppDeps } from '../deps';
import { offerValuesFor, teamsInServices } from './commissioning';
import type { YearPlan } from './yearPlan';

// A hidden count may be 1 to t-1, or hidden beside one so it can't be worked out by subtraction: either way, not shown.
const hidden = (_t: number) => 'not shown';

export function audienceWords(line: Pick<CommissionLine, 'professions' | 'services' | 'teams' | 'registration'>): string {
  const parts = [
    line.professions.map(professionLabel).join(', '), line.services.join(', '), line.teams.join(', '),
    line.registration === 'registered' ? 'registered staff' : line.registration === 'unregistered' ? 'staff not registered' : '',
  ].filter(Boolean);
  return parts.join('; ') || 'Everyone';
}

export const providerWords = (line: CommissionLine, nameOf: (id: string) => string) =>
  line.provider.kind === 'external' ? line.provider.name : `Our staff: ${line.provider.people.map(nameOf).join(', ') || 'to be named'}`;

export function lineValues(line: CommissionLine): LineValues {
  return {
    title: line.title, code: line.code, format: line.format, professions: line.professions.join(','), services: line.services.join(','), teams: line.teams.join(','),
    registration: line.registration, providerKind: line.provider.kind, providerPeople: line.provider.kind === 'internal' ? line.provider.people.join(',') : '',
    providerName: line.provider.kind === 'external' ? line.provider.name : '', places: String(line.places), estimated: (line.estimatedPence / 100).toFixed(2), budgetLine: line.budgetLine,
  };
}

export async function describeYearPlan(deps: Pick<AppDeps, 'people' | 'planPolicy'>, tenantId: string, plan: YearPlan) {
  const t = deps.planPolicy.threshold;
  const people = await deps.people.list(tenantId);
  const names = new Map(people.map((p) => [p.aadObjectId, p.preferredName || p.displayName]));
  const lastYear = new Map(plan.benchmarks.yearBefore.organisation.map((a) => [a.area, a.mean]));
  return {
    year: plan.year.label,
    lines: await Promise.all(plan.lines.map(async ({ line, offered, booked, attended, evaluation }) => ({
      id: line.lineId, etag: line.etag, title: line.title, code: line.code, codeLabel: describeCode(line.code), format: line.format, formatLabel: OFFER_FORMATS[line.format],
      audience: audienceWords(line), provider: providerWords(line, (id) => names.get(id) ?? 'someone who has left'),
      places: line.places, offered, booked, attended, evaluation: evaluation.responses ? evaluation.text : '', estimated: formatPounds(line.estimatedPence), actual: line.actualPence === null ? null : formatPounds(line.actualPence),
      budgetLine: line.budgetLine, status: line.status, statusLabel: LINE_STATUS_LABELS[line.status],
      moves: LINE_STATUSES.filter((s) => canMove(line.status, s)).map((s) => ({ value: s, title: LINE_STATUS_LABELS[s], back: LINE_STATUSES.indexOf(s) < LINE_STATUSES.indexOf(line.status) })),
      values: lineValues(line),
      offerValues: offerValuesFor(line, await teamsInServices(deps, tenantId, line.services)),
    }))),
    budget: {
      total: formatPounds(plan.budget.total), committed: formatPounds(plan.budget.committed), spent: formatPounds(plan.budget.spent),
      left: formatPounds(plan.budget.total - plan.budget.committed),
      lines: plan.budget.byLine.map((b) => ({ name: b.name, budget: formatPounds(b.pence), committed: formatPounds(b.committed), spent: formatPounds(b.spent) })),
    },
    reach: plan.reach.map((r) => ({
      heading: r.heading,
      rows: r.rows.map((row) => ({
        group: row.group, headcount: row.headcount, places: row.places === null ? hidden(t) : String(row.places),
        placesPerHead: row.placesPerHead === null ? hidden(t) : row.placesPerHead.toFixed(2),
        spent: row.spentPence === null ? hidden(t) : formatPounds(row.spentPence), spentPerHead: row.spentPerHeadPence === null ? hidden(t) : formatPounds(row.spentPerHeadPence),
      })),
    })),
    benchmark: {
      year: plan.year.label,
      respondents: plan.benchmarks.thisYear.respondents,
      areas: plan.benchmarks.thisYear.organisation.map((a) => ({
        area: a.area, label: describeCode(a.area), mean: a.mean, lastYear: lastYear.get(a.area) ?? null, distribution: a.distribution.map((n) => (n === null ? hidden(t) : String(n))),
      })),
      byProfession: plan.benchmarks.thisYear.byProfession.map((g) => ({ group: g.group, respondents: g.respondents, means: AREA_CODES.map((a) => g.means[a] ?? null) })),
      byService: plan.benchmarks.thisYear.byService.map((g) => ({ group: g.group, respondents: g.respondents, means: AREA_CODES.map((a) => g.means[a] ?? null) })),
    },
    teams: plan.teams,
  };
}
