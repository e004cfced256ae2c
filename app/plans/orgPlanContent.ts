// The organisation's plan as L&D read it, in chat and in the tab alike: priorities and what to
// commission for whom, who CPD reaches, mentoring across professions, and whether learning
// triggers have ended in learning. Totals only.
import { activityLabel } from '../../core/activities';
import { formatDate, formatDay, type IsoDate } from '../../core/calendar';
import { describeCode } from '../../core/commonCore';
import { shownPriority, type OrgPlan } from '../../core/orgPlan';
import { clip, plain } from '../../core/text';
import { plural } from '../../core/words';
import { completionOf, learnedWords } from '../triggers/completion';
import type { AppDeps } from '../deps';
import { loadRollup, orgPlanOf } from './rollup';
import { orgSupervisionAndBarriers } from './orgSupervision';
import { orgCompliance } from '../mandatory/standing';
import { orgAspirations } from '../people/pathway';
import { orgTurnover } from './turnover';
import { turnoverLine } from '../../views/turnover';
import { aspirationLine } from '../../views/pathway';

const EQUITY_HEADINGS = { profession: 'By profession', service: 'By service', registration: 'Registered with a regulator, or not', qualification: 'Professionally qualified, or not', team: 'By team' } as const;

/**
 * Who CPD reaches, as the chat's org plan and the tab both show it: shares in whole percent, worked
 * out here once (raw fractions say more than either shows).
 */
export function equityFigures(plan: OrgPlan) {
  const percent = (share: number) => Math.round(share * 100);
  return (['profession', 'service', 'registration', 'qualification', 'team'] as const).filter((d) => d !== 'qualification' || plan.equity.some((r) => r.dimension === d)).map((dimension) => ({
    dimension,
    heading: EQUITY_HEADINGS[dimension],
    rows: plan.equity.filter((r) => r.dimension === dimension).map((r) => ({
      group: r.group, headcount: r.headcount, workforceShare: percent(r.workforceShare), cpdShare: percent(r.cpdShare), placesShare: percent(r.placesShare), underServed: r.underServed,
    })),
  }));
}

export async function orgPlanContent(deps: Pick<AppDeps, 'aspirations' | 'config' | 'cpd' | 'mandatory' | 'mentoring' | 'pathways' | 'qualifications' | 'needs' | 'offers' | 'people' | 'planPolicy' | 'plans' | 'registration' | 'schedules' | 'sessions' | 'policy' | 'appraisals'>, today: IsoDate) {
  const data = await loadRollup(deps, today);
  const [loop, mandatory, aspirations, turnover] = await Promise.all([
    orgSupervisionAndBarriers(deps, today, data.people), orgCompliance(deps, today, data.people), orgAspirations(deps, today, data.people), orgTurnover(deps, today, data),
  ]);
  const plan = await orgPlanOf(deps, data, today);
  const matches = await deps.mentoring.listMatches(deps.config.tenantId);
  const t = deps.planPolicy.threshold;
  const checkIns = matches.flatMap((m) => m.checkIns);
  const met = checkIns.filter((c) => c.met).length;
  const useful = checkIns.filter((c) => c.useful === 'very' || c.useful === 'somewhat').length;
  const shownCount = (n: number) => (n === 0 || n >= t ? String(n) : `fewer than ${t}`);
  const equity = equityFigures(plan);
  const shown = plan.priorities.map((p) => shownPriority(p, t));
  const count = (n: number | null, one: string, many: string) => (n === null ? `fewer than ${t} ${many}` : plural(n, one, many));
  const open = data.triggers.filter((tr) => !tr.closed);
  const completion = await completionOf(deps, deps.config.tenantId, open, today);
  const triggers = open.map((tr) => ({ tr, c: completion.get(tr.triggerId)! }))
    .sort((a, b) => Number(b.c.overdue) - Number(a.c.overdue) || (a.tr.dueDate ?? '9999').localeCompare(b.tr.dueDate ?? '9999'))
    .slice(0, 5)
    .map(({ tr, c }) => ({
      title: clip(plain(tr.summary), 80),
      value: `learned from it: ${learnedWords(c.learned, c.affected)}${tr.dueDate ? ` · learn by ${formatDay(tr.dueDate, today)}` : ''}${c.overdue ? ' · overdue' : ''}`,
    }));
  return {
    eyebrow: formatDate(today),
    summary: `${plan.headcount} staff; ${plan.withOpenNeeds} with open learning needs (${plan.openNeeds} needs in all).`,
    chart: shown.filter((p) => p.score !== null).map((p) => ({ label: p.code, value: p.score! })),
    priorities: plan.priorities.slice(0, deps.planPolicy.topAreas + 2).map((p, i) => ({
      code: p.code,
      heading: shown[i]!.score === null ? describeCode(p.code) : `${describeCode(p.code)}: priority ${shown[i]!.score}`,
      lines: [
        `${count(shown[i]!.people, 'person needs', 'people need')} it; ${count(shown[i]!.triggerPeople, 'affected', 'affected')} by learning triggers; ${count(shown[i]!.registrationPeople, 'registrant', 'registrants')} short of their regulator in a renewal window.`,
        ...(p.teams.length || p.professions.length ? [`Most in ${[...p.teams, ...p.professions].map((g) => `${g.name} (${g.people})`).join(', ')}.`] : []),
        p.activity ? `Commission: ${activityLabel(p.activity).toLowerCase()}, the way most of them would like to learn, open to every profession.` : 'Commission: a cross-profession session.',
        p.mentors > 0 ? `Internal mentors with this strength: ${p.mentors}.` : 'No internal mentor offers this strength yet.',
      ],
    })),
    equity: equity.map((d) => ({
      heading: d.heading,
      rows: d.rows.slice(0, 12).map((r) => ({
        title: r.group,
        value: `${r.workforceShare}% of staff · ${r.cpdShare}% of CPD logged · ${r.placesShare}% of places${r.underServed ? ' · under-served' : ''}`,
      })),
    })),
    equityNote: `Shares over the last ${deps.planPolicy.equity.lookbackMonths} months. Places are those booked or attended on learning offers, and mentoring or shadowing pairs under way. A group is under-served when its share of CPD or places is below ${Math.round(deps.planPolicy.equity.underServedRatio * 100)}% of its share of staff. Groups of fewer than ${t} are pooled.`,
    triggers,
    mentoring: `Mentoring across professions: ${shownCount(data.mentoring.pairs.length)} pairs proposed or under way, ${shownCount(data.mentoring.waiting.length)} people waiting; check-ins: ${shownCount(met)} had met, ${shownCount(useful)} found it useful.`,
    footer: 'For L&D: organisation totals, no individual\'s needs. Learning triggers raise priorities until their learn-by date.',
    ...loop,
    ...mandatory,
    pathwaysNote: aspirations.length > 0
      ? `Career pathways: people who have said where they would like to go, said not now, or not said; and who has since moved on (into the role they aimed for, or out of the one they were in). Groups of fewer than ${t} are pooled; counts under ${t}, and any that would give them away, are not shown. No one is named.`
      : '',
    /** By profession on the card; every grouping in the tab. */
    pathways: aspirations.slice(0, 1).map((table) => ({ heading: `Aspirations, ${table.heading.toLowerCase()}`, rows: table.rows.slice(0, 8).map((r) => ({ title: r.group, value: aspirationLine(r, t) })) })),
    pathwaysAll: aspirations,
    turnoverNote: turnover.length > 0
      ? `Who left over the last 12 months, from HR's roster (people a full import no longer lists), as a share of everyone here in that time; beside it, CPD records and places per person in the group over the same months. Groups of fewer than ${t} are pooled; a group's leavers are shown only when they and those who stayed are both ${t} or more. No one is named.`
      : '',
    /** By profession on the card; every grouping in the tab. */
    turnover: turnover.filter((table) => table.dimension === 'profession').map((table) => ({ heading: `Turnover, ${table.heading.toLowerCase()}`, rows: table.rows.slice(0, 8).map((r) => ({ title: r.group, value: turnoverLine(r) })) })),
    turnoverAll: turnover,
    plan,
    /** The equity figures the chat's rows above are written from: the tab shows these. */
    equityFigures: equity,
  };
}

