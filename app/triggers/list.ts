// `triggers` and the tab: the learning triggers a person leads on, each with how far it has ended in
// learning. L&D see every trigger and its completion by team (suppressed); a manager sees the
// triggers that concern their own reports, and how many of them have learned from each.
import { formatDay, type IsoDate } from '../../core/calendar';
import { describeCode } from '../../core/commonCore';
import { hasRole, type Person } from '../../core/people';
import { plain } from '../../core/text';
import { affects, TRIGGER_SOURCES, type LearningTrigger } from '../../core/triggers';
import type { AppDeps } from '../deps';
import { completionForReports, completionOf, learnedWords } from './completion';

export interface TriggerLine {
  id: string;
  summary: string;
  /** "Learn by 31 January 2027 · overdue", "Closed 3 December: …". */
  status: string;
  overdue: boolean;
  closed: boolean;
  facts: { title: string; value: string }[];
}

type Deps = Pick<AppDeps, 'cpd' | 'needs' | 'offers' | 'people' | 'planPolicy' | 'plans'>;

/** Open first (overdue first, then by learn-by date), then closed; newest first within each. */
const order = (a: LearningTrigger, b: LearningTrigger) =>
  Number(!!a.closed) - Number(!!b.closed) || (a.dueDate ?? '9999').localeCompare(b.dueDate ?? '9999') || b.createdAt.localeCompare(a.createdAt);

function statusOf(t: LearningTrigger, overdue: boolean, today: IsoDate): string {
  if (t.closed) return `Closed ${formatDay(t.closed.at.slice(0, 10), today)}${t.closed.note ? `: ${plain(t.closed.note)}` : ''}`;
  return `${TRIGGER_SOURCES[t.source]} · ${t.dueDate ? `learn by ${formatDay(t.dueDate, today)}` : 'no learn-by date'}${overdue ? ' · overdue' : ''}`;
}

export async function triggerLines(deps: Deps, tenantId: string, viewer: Pick<Person, 'aadObjectId' | 'roles' | 'status'>, today: IsoDate): Promise<TriggerLine[]> {
  const all = (await deps.plans.listTriggers(tenantId)).sort(order);
  if (hasRole(viewer, 'ld_admin')) {
    const completion = await completionOf(deps, tenantId, all, today);
    return all.map((t) => {
      const c = completion.get(t.triggerId)!;
      return {
        id: t.triggerId, summary: plain(t.summary), status: statusOf(t, c.overdue, today), overdue: c.overdue, closed: !!t.closed,
        facts: [
          { title: 'Areas', value: t.codes.map(describeCode).join(', ') },
          { title: 'Learned from it', value: learnedWords(c.learned, c.affected) },
          ...c.byTeam.map((r) => ({ title: r.team ?? `Other teams (under ${deps.planPolicy.threshold} affected)`, value: learnedWords(r.learned, r.affected) })),
          ...(c.evaluation.responses ? [{ title: 'What attendees said', value: c.evaluation.text }] : []),
        ],
      };
    });
  }
  const people = await deps.people.list(tenantId);
  const reports = people.filter((p) => p.managerId === viewer.aadObjectId && p.status === 'active');
  const mine = all.filter((t) => !t.closed && reports.some((p) => affects(t, p)));
  const counts = await completionForReports(deps, tenantId, mine, new Set(reports.map((p) => p.aadObjectId)));
  return mine.map((t) => {
    const c = counts.get(t.triggerId)!;
    const overdue = !!t.dueDate && t.dueDate < today && c.learned < c.affected;
    return {
      id: t.triggerId, summary: plain(t.summary), status: statusOf(t, overdue, today), overdue, closed: false,
      facts: [
        { title: 'Areas', value: t.codes.map(describeCode).join(', ') },
        { title: 'Your reports', value: `${c.learned} of ${c.affected} have learned from it (attended a briefing on it, logged CPD in its areas, or met the need it added)` },
      ],
    };
  });
}
