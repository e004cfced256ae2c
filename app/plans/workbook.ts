// The organisation's L&D plan as an Excel workbook, for L&D to pivot or feed to Power BI: plain
// tables, one a sheet — priorities, commissioning lines and the budget, who CPD and the year's places
// and money reach, the benchmark, learning triggers, teams' agreed priorities and the integration
// pulse (groups of fewer than five answers not shown, as in the tab). No personal data:
// every figure is the same suppressed one the plan shows ("not shown" where it is hidden: under 3, or one that would let such a count be worked out).
import ExcelJS from 'exceljs';
import { describeCode } from '../../core/commonCore';
import { LINE_STATUS_LABELS } from '../../core/commissioning';
import { OFFER_FORMATS } from '../../core/offers';
import { shownPriority } from '../../core/orgPlan';
import { TRIGGER_SOURCES } from '../../core/triggers';
import { professionLabel } from '../../core/workforce';
import type { AppDeps } from '../deps';
import { completionOf } from '../triggers/completion';
import { currentYear } from './agreements';
import { orgPlanContent } from './orgPlanContent';
import { yearPlanOf } from './yearPlan';
import { orgPulse } from '../pulse/results';

type Cell = string | number | null;

function sheet(book: ExcelJS.Workbook, name: string, header: string[], rows: Cell[][]) {
  const ws = book.addWorksheet(name);
  ws.addRow(header).font = { bold: true };
  for (const row of rows) ws.addRow(row.map((c) => (c === null ? 'not shown' : c)));
  ws.columns.forEach((col, i) => { col.width = Math.min(60, Math.max(12, header[i]!.length + 2)); });
  ws.views = [{ state: 'frozen', ySplit: 1 }];
}

const pounds = (pence: number | null) => (pence === null ? null : Math.round(pence) / 100);

export async function planWorkbook(deps: AppDeps, tenantId: string, today: string): Promise<{ fileName: string; bytes: Buffer }> {
  const t = deps.planPolicy.threshold;
  const [content, year, triggers, agreements, pulse] = await Promise.all([
    orgPlanContent(deps, today), yearPlanOf(deps, tenantId, today), deps.plans.listTriggers(tenantId),
    deps.agreements.listForYear(tenantId, currentYear(deps, today).start), orgPulse(deps, today),
  ]);
  const book = new ExcelJS.Workbook();
  book.creator = 'Weave';
  book.created = new Date(`${today}T00:00:00Z`);

  sheet(book, 'Priorities', ['Code', 'Area', 'Priority score', 'People with a need', 'People affected by triggers', 'Registrants short of their regulator', 'Way most would like to learn', 'Internal mentors'],
    content.plan.priorities.map((p) => {
      const s = shownPriority(p, t);
      return [p.code, describeCode(p.code), s.score, s.people, s.triggerPeople, s.registrationPeople, p.activity ?? '', p.mentors];
    }));
  sheet(book, 'Commissioning', ['Line', 'Priority', 'Format', 'For', 'Delivered by', 'Places', 'Offered', 'Booked', 'Attended', 'Estimated £', 'Actual £', 'Budget line', 'Status'],
    year.lines.map(({ line, offered, booked, attended }) => [
      line.title, line.code, OFFER_FORMATS[line.format],
      [line.professions.map(professionLabel).join(', '), line.services.join(', '), line.teams.join(', '), line.registration === 'any' ? '' : line.registration].filter(Boolean).join('; ') || 'Everyone',
      line.provider.kind === 'external' ? line.provider.name : 'Staff of ours', line.places, offered, booked, attended, pounds(line.estimatedPence), pounds(line.actualPence), line.budgetLine, LINE_STATUS_LABELS[line.status],
    ]));
  sheet(book, 'Budget', ['Budget line', 'Budget £', 'Committed £', 'Spent £', 'Left £'],
    [...year.budget.byLine.map((b) => [b.name, pounds(b.pence), pounds(b.committed), pounds(b.spent), pounds(b.pence - b.committed)]),
      ['Total', pounds(year.budget.total), pounds(year.budget.committed), pounds(year.budget.spent), pounds(year.budget.total - year.budget.committed)]]);
  sheet(book, 'Equity', ['Dimension', 'Group', 'Staff', '% of staff', '% of CPD logged', '% of places', 'Under-served', 'Places this year', 'Places per head', 'Spent £', 'Spent per head £'],
    content.equityFigures.flatMap((d) => d.rows.map((r) => {
      const reach = year.reach.find((x) => x.dimension === d.dimension)?.rows.find((x) => x.group === r.group);
      return [d.heading, r.group, r.headcount, r.workforceShare, r.cpdShare, r.placesShare, r.underServed ? 'yes' : 'no',
        reach ? reach.places : '', reach ? reach.placesPerHead : '', reach ? pounds(reach.spentPence) : '', reach ? pounds(reach.spentPerHeadPence) : ''];
    })));
  const bench = [year.benchmarks.thisYear, year.benchmarks.yearBefore];
  sheet(book, 'Benchmark', ['Year', 'Group', 'Area', 'Respondents', 'Mean (1–4)', 'Rated 1', 'Rated 2', 'Rated 3', 'Rated 4'],
    bench.flatMap((b) => [
      ...b.organisation.map((a) => [b.year, 'Organisation', a.area, a.respondents, a.mean, ...a.distribution]),
      ...[...b.byProfession, ...b.byService].flatMap((g) => Object.entries(g.means).map(([area, mean]) => [b.year, g.group, area, g.respondents, mean, '', '', '', ''])),
    ]));
  // How far each has ended in learning, as the tab and `triggers` show it: suppressed, "not shown" where hidden.
  const completion = await completionOf(deps, tenantId, triggers, today);
  sheet(book, 'Triggers', ['Source', 'Summary', 'Areas', 'Teams', 'Learn by', 'Recorded', 'Affected', 'Learned from it', 'Overdue', 'Closed', 'Why closed', 'What attendees said'],
    triggers.map((tr) => {
      const c = completion.get(tr.triggerId)!;
      return [TRIGGER_SOURCES[tr.source], tr.summary, tr.codes.join(', '), tr.teams.join(', ') || 'Everyone', tr.dueDate ?? '', tr.createdAt.slice(0, 10),
        c.affected, c.learned ?? 'not shown', c.overdue ? 'yes' : '', tr.closed?.at.slice(0, 10) ?? '', tr.closed?.note ?? '', c.evaluation.responses ? c.evaluation.text : ''];
    }));
  sheet(book, 'Team priorities', ['Team', 'Version', 'Agreed', 'Priority', 'Why', 'Target term'],
    agreements.flatMap((a) => a.priorities.map((p) => [a.team, a.version, a.agreedAt.slice(0, 10), describeCode(p.code), p.why, p.term])));
  // The same suppressed figures the tab shows: a group under the minimum (or one that would give a smaller group away) reads "not shown".
  sheet(book, 'Integration pulse', ['Quarter', 'Dimension', 'Group', 'Answered', '% understand other roles', '% know who to contact', '% feel valued', '% learned from another profession', 'Valued falling'],
    pulse.quarters.flatMap((q, i) => [
      ['Organisation', 'Organisation', null] as const,
      ...pulse.dimensions.flatMap((d) => d.rows.map((r) => [d.heading, r.group, r] as const)),
    ].map(([dimension, group, row]) => {
      const f = row ? row.trend[i] ?? null : pulse.organisation[i] ?? null;
      return [q.label, dimension, group, f?.responses ?? null, f?.understand ?? null, f?.contact ?? null, f?.valued ?? null, f?.learned ?? null, row && i === pulse.quarters.length - 1 && row.falling ? 'yes' : ''];
    })));

  const bytes = Buffer.from(await book.xlsx.writeBuffer());
  return { fileName: `learning-and-development-plan-${year.year.label.replace('–', '-')}.xlsx`, bytes };
}
