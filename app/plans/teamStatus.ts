// Where each of a manager's reports stands with supervision and appraisal: next dates, whether
// they prepared, overdue, reachable in Teams. Names and detail, so only for the manager (1:1 chat, tab).
import { addDays, formatDay, type IsoDate } from '../../core/calendar';
import { SESSION_LABELS } from '../../core/cadence';
import { nameOf, roleOf } from '../../core/people';
import { cadencePerson, LOOKAHEAD_DAYS, overdueSince, plannedAppraisal, plannedSupervision, sessionFamily, supervisorFor, type Planned } from '../../core/sessionPlanning';
import { FREQUENCY_WEEKS, supervisionFrequency } from '../../core/supervisionFrequency';
import type { StoredSession } from '../../store/sessions';
import type { AppDeps } from '../deps';
import { reportsOf } from '../people/reports';
import { todayFor } from '../people/today';
import { plural, times } from '../../core/words';
import { standingLine } from '../../views/mandatory';
import { standingsFor } from '../mandatory/standing';
import { sharedAims } from '../people/pathway';

function describeNext(plan: Planned | null, session: StoredSession | undefined, today: IsoDate): string {
  if (!plan && !session) return 'none expected';
  const date = session?.date ?? plan!.date;
  const source = (session?.source ?? plan!.source) === 'recorded' ? 'recorded' : 'expected by policy';
  const kind = session?.kind ?? plan!.kind;
  const label = kind === 'supervision' ? '' : `${SESSION_LABELS[kind]}, `;
  return `${label}${formatDay(date, today)} (${source})`;
}

function preparation(session: StoredSession | undefined): string | null {
  if (!session?.promptSentAt) return null;
  if (session.answeredAt) return 'prepared';
  const snoozed = session.snoozes.length ? `, snoozed ${times(session.snoozes.length)}${session.snoozes.some((s) => s.reason) ? ` (${session.snoozes.map((s) => s.reason).filter(Boolean).join('; ')})` : ''}` : '';
  return `asked, not yet prepared${snoozed}`;
}

export interface ReportStatus {
  id: string;
  name: string;
  role: string;
  facts: { title: string; value: string }[];
  /** How many things want the manager's attention: overdue, not reachable, asked but not prepared. */
  concerns: number;
}

export async function teamStatusOf(deps: Pick<AppDeps, 'aspirations' | 'clock' | 'config' | 'conversations' | 'cpd' | 'mandatory' | 'pathways' | 'people' | 'policy' | 'schedules' | 'sessions'>, tenantId: string, managerId: string): Promise<{ summary: string; people: ReportStatus[] }> {
  const reports = await reportsOf(deps, tenantId, managerId);
  const today = await todayFor(deps, tenantId, managerId);
  const [schedules, sessions, conversations, mandatory, aims] = await Promise.all([
    deps.schedules.list(tenantId),
    // Back over the frequency window too: what was held, and what waits for the supervisor's word.
    deps.sessions.listBetween(tenantId, addDays(today, -7 * FREQUENCY_WEEKS), addDays(today, LOOKAHEAD_DAYS)),
    Promise.all(reports.map((p) => deps.conversations.get(tenantId, p.aadObjectId))),
    Promise.all(reports.map((p) => standingsFor(deps, p, today))),
    // Where a report would like to go, only if they chose to let their manager see it.
    sharedAims(deps, tenantId, reports.map((p) => p.aadObjectId), today),
  ]);
  let mandatoryOverdue = 0;
  const recorded = new Map(schedules.map((s) => [`${s.personId}|${s.kind}`, s]));
  let prepared = 0;
  let overdue = 0;
  let unreachable = 0;
  const people = reports.map((person, i) => {
    const theirs = sessions.filter((s) => s.personId === person.aadObjectId);
    const mine = theirs.filter((s) => s.status === 'upcoming' && s.date >= today);
    const nextSupervision = mine.filter((s) => s.kind === 'supervision').sort((a, b) => a.date.localeCompare(b.date))[0];
    const nextAppraisal = mine.filter((s) => sessionFamily(s.kind) === 'appraisal').sort((a, b) => a.date.localeCompare(b.date))[0];
    const supervisionRecord = recorded.get(`${person.aadObjectId}|supervision`);
    const late = overdueSince(deps.policy, person, supervisionRecord, today);
    const facts = [
      { title: 'Next supervision', value: describeNext(plannedSupervision(deps.policy, person, supervisionRecord, today), nextSupervision, today) },
    ];
    const prep = preparation(nextSupervision);
    let concerns = 0;
    if (prep) facts.push({ title: 'Preparation', value: prep });
    if (prep && prep !== 'prepared') concerns += 1;
    if (prep === 'prepared') prepared += 1;
    if (late) {
      overdue += 1;
      concerns += 1;
      facts.push({ title: 'Overdue', value: supervisionRecord?.lastHeld ? `due ${formatDay(late, today)}; last held ${formatDay(supervisionRecord.lastHeld, today)}` : `due ${formatDay(late, today)}; none held yet` });
    }
    const frequency = supervisionFrequency(deps.policy, cadencePerson(person), theirs.filter((s) => s.kind === 'supervision'), today);
    if (frequency.expected > 0 || frequency.held > 0) {
      const awaiting = frequency.awaiting ? `; ${frequency.awaiting} waiting for ${supervisorFor(person, 'supervision') === managerId ? 'you' : 'their supervisor'} to say what happened` : '';
      facts.push({ title: `Last ${FREQUENCY_WEEKS} weeks`, value: `${frequency.held} held of ${frequency.expected} the policy expects (${frequency.rule})${awaiting}` });
    }
    facts.push({ title: 'Appraisal', value: describeNext(plannedAppraisal(deps.policy, person, [recorded.get(`${person.aadObjectId}|appraisal`), recorded.get(`${person.aadObjectId}|midyear`)], today), nextAppraisal, today) });
    const due = mandatory[i]!.filter((m) => m.status === 'overdue' || m.status === 'due_soon');
    if (due.length > 0) {
      const overdueItems = due.filter((m) => m.status === 'overdue').length;
      if (overdueItems > 0) {
        mandatoryOverdue += 1;
        concerns += 1;
      }
      facts.push({ title: 'Mandatory learning', value: due.map((m) => `${m.requirement.title}: ${standingLine(m)}`).join('; ') });
    } else if (mandatory[i]!.length > 0) {
      facts.push({ title: 'Mandatory learning', value: 'up to date' });
    }
    const aim = aims.get(person.aadObjectId);
    if (aim) facts.push({ title: 'Would like to go', value: aim });
    const conversation = conversations[i];
    if (!conversation || conversation.status !== 'installed') {
      unreachable += 1;
      concerns += 1;
      facts.push({ title: 'Teams', value: !conversation ? 'has not opened Weave yet: cannot be prompted' : 'not reachable in Teams: cannot be prompted' });
    }
    return { id: person.aadObjectId, name: nameOf(person), role: roleOf(person), facts, concerns };
  });
  const summary = [
    plural(reports.length, 'person', 'people'),
    `${prepared} prepared for their next supervision`,
    overdue ? `${overdue} overdue` : null,
    unreachable ? `${unreachable} not reachable in Teams` : null,
    mandatoryOverdue ? `${mandatoryOverdue} overdue with mandatory learning` : null,
  ].filter(Boolean).join(' · ');
  return { summary, people };
}
