// How mandatory learning reads: one line a requirement, the same in `my cpd`, `team status`, the
// tab and reminders.
import { formatDate } from '../core/calendar';
import { MANDATORY_STATUS_LABELS, type ComplianceRow, type Standing } from '../core/mandatory';
import { shownText } from '../core/suppression';

/** "Due soon: by 3 March 2027 (last done 3 March 2024)" */
export function standingLine(s: Standing): string {
  const last = s.lastDone ? `last done ${formatDate(s.lastDone)}` : 'nothing recorded yet';
  if (s.status === 'overdue') return `Overdue: ${s.dueOn ? `was due ${formatDate(s.dueOn)}` : 'never recorded'}${s.lastDone ? ` (${last})` : ''}`;
  if (s.status === 'up_to_date' && s.requirement.once) return `Done ${formatDate(s.lastDone!)}`;
  const due = s.dueOn ? `${s.status === 'up_to_date' ? 'next due' : 'by'} ${formatDate(s.dueOn)}` : '';
  return `${MANDATORY_STATUS_LABELS[s.status]}: ${due} (${last})`;
}

export function standingFacts(standings: readonly Standing[]): { title: string; value: string }[] {
  return standings.map((s) => ({ title: s.requirement.title, value: standingLine(s) }));
}

/** "12 people · up to date 9 · due soon fewer than 3 · overdue not shown" */
export function complianceLine(r: ComplianceRow, t: number): string {
  const cell = (n: number | null) => (n === null ? 'not shown' : shownText(n, t));
  return `${r.people} people · up to date ${cell(r.upToDate)} · due soon ${cell(r.dueSoon)} · overdue ${cell(r.overdue)}`;
}

/** What a person is told when something is due: the lines of a reminder. */
export function reminderLines(standings: readonly Standing[]): string[] {
  return standings.map((s) => `- ${s.requirement.title}: ${standingLine(s)}`);
}
