// How a Learning Development Plan reads: each need's heading and detail lines, grouped by status,
// the same on the person's card, their manager's card and the exported document.
import { activityLabel } from '../core/activities';
import { formatDate, type IsoDate } from '../core/calendar';
import { describeCode } from '../core/commonCore';
import { isOpen, NEED_STATUS_LABELS, NEED_STATUSES, type LearningNeed, type NeedStatus } from '../core/needs';
import type { PlanPeriod } from '../core/planPeriod';

const SOURCE_LABELS: Record<Exclude<LearningNeed['source'], 'self'>, string> = {
  supervision: 'from supervision', appraisal: 'from appraisal', midyear: 'from a mid-year review', trigger: 'from a learning trigger', mandatory: 'mandatory learning', pathway: 'a career step',
};

/** "CC3.S2 Communication, recording and reporting · CC5 Multi-agency working" */
export function needHeading(need: Pick<LearningNeed, 'codes'>): string {
  return need.codes.map(describeCode).join(' · ');
}

/**
 * A need's detail lines. `owner` is how the reader knows the person whose plan it is: "you" when
 * it is their own, their first name for their manager ("added by Priya").
 */
export function needDetails(need: LearningNeed, today: IsoDate, owner: string): string[] {
  const lines: string[] = [];
  const first = [`${need.priority[0]!.toUpperCase()}${need.priority.slice(1)} priority`, need.source === 'self' ? `added by ${owner}` : SOURCE_LABELS[need.source]];
  if (need.targetDate) first.push(`${isOpen(need) && need.targetDate < today ? 'was due' : 'by'} ${formatDate(need.targetDate)}`);
  lines.push(first.join(' · '));
  if (need.frameworkTag) lines.push(need.frameworkTag);
  if (need.activityTypes.length > 0) lines.push(`Would like: ${need.activityTypes.map(activityLabel).join(', ')}`);
  if (need.plan) {
    lines.push(`Planned: ${activityLabel(need.plan.activityType)}${need.plan.note ? `, ${need.plan.note}` : ''}${need.plan.date ? ` (${formatDate(need.plan.date)})` : ''}`);
  }
  if (need.status === 'dropped' && need.dropReason) lines.push(`Dropped: ${need.dropReason}`);
  if (need.history.length > 0) lines.push(`Carried forward from ${need.history.map((h) => `the plan year from ${formatDate(h.period)}`).join(', ')}`);
  return lines;
}

export function commentLines(need: Pick<LearningNeed, 'comments'>): string[] {
  return need.comments.map((c) => `${c.byName}, ${formatDate(c.at.slice(0, 10))}: ${c.text}`);
}

/** The needs of the plan year `period`, plus anything from earlier years still open (never reviewed). */
export function currentPlan<N extends LearningNeed>(needs: readonly N[], period: PlanPeriod): N[] {
  return needs.filter((n) => n.period === period.start || (n.period < period.start && isOpen(n)));
}

const PRIORITY_ORDER = { high: 0, medium: 1, low: 2 } as const;

/**
 * What still needs doing first, soonest due (overdue first), then highest priority, then oldest;
 * then what is met or dropped, most recently closed first.
 */
export function mostPressingFirst<N extends LearningNeed>(needs: readonly N[]): N[] {
  return [...needs].sort((a, b) => Number(!isOpen(a)) - Number(!isOpen(b))
    || (isOpen(a)
      ? (a.targetDate ?? '9999').localeCompare(b.targetDate ?? '9999') || PRIORITY_ORDER[a.priority] - PRIORITY_ORDER[b.priority] || a.createdAt.localeCompare(b.createdAt)
      : b.updatedAt.localeCompare(a.updatedAt)));
}

export function groupByStatus<N extends LearningNeed>(needs: readonly N[]): { status: NeedStatus; heading: string; needs: N[] }[] {
  return NEED_STATUSES.map((status) => ({
    status,
    heading: NEED_STATUS_LABELS[status],
    needs: needs
      .filter((n) => n.status === status)
      .sort((a, b) => PRIORITY_ORDER[a.priority] - PRIORITY_ORDER[b.priority] || (a.targetDate ?? '9999').localeCompare(b.targetDate ?? '9999') || a.createdAt.localeCompare(b.createdAt)),
  })).filter((g) => g.needs.length > 0);
}
