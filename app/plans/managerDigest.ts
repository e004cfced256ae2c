// A manager's private digest of their direct reports' learning: by name, for them alone.
import { addDays, addMonths, formatDate, type IsoDate } from '../../core/calendar';
import { describeCode } from '../../core/commonCore';
import { MENTORING_KINDS } from '../../core/mentoring';
import { isOpen } from '../../core/needs';
import { nameOf, roleOf, type Person } from '../../core/people';
import { clip } from '../../core/text';
import { learnedFrom, type CompletionFacts } from '../../core/triggerCompletion';
import { affects } from '../../core/triggers';
import { agreeOf, plural } from '../../core/words';
import { needHeading } from '../../views/plan';
import type { AppDeps } from '../deps';
import { teamPulse, teamPulseLine } from '../pulse/results';

/** One report in their manager's digest: who, and a few lines on their learning. */
export interface ReportLearning {
  id: string;
  name: string;
  role: string;
  lines: string[];
}

export const weekOf = (period: IsoDate) => `Week of ${formatDate(period)}`;

/**
 * A line manager's direct reports, by name, with their needs and how they are getting on: for the
 * line manager alone (a professional supervisor sees supervision, not this). Read with queries for
 * just these people, since every manager's digest is drawn as it is sent.
 */
export async function managerDigest(deps: Pick<AppDeps, 'people' | 'needs' | 'cpd' | 'sessions' | 'mentoring' | 'planPolicy' | 'plans' | 'offers' | 'config' | 'pulse' | 'pulsePolicy'>, managerId: string, tenantId: string, period: IsoDate) {
  const reports = (await deps.people.listDirectReports(tenantId, managerId)).filter((p) => p.status !== 'left' && p.aadObjectId !== managerId)
    .sort((a, b) => nameOf(a).localeCompare(nameOf(b)));
  const since = addDays(period, -deps.planPolicy.completionWindowDays);
  const quarterAgo = addMonths(period, -3);
  let withNeeds = 0;
  const areaCounts = new Map<string, number>();
  const people: ReportLearning[] = [];
  const facts: CompletionFacts = { people: reports.map((p) => ({ id: p.aadObjectId, team: p.team, profession: p.profession })), attended: new Set(), cpd: [], metNeed: new Set() };
  for (const p of reports) {
    const [needs, cpd, sessions, requests, matches] = await Promise.all([
      deps.needs.listFor(tenantId, p.aadObjectId), deps.cpd.listFor(tenantId, p.aadObjectId),
      deps.sessions.listForPerson(tenantId, p.aadObjectId, since, addDays(period, -1)),
      deps.mentoring.listRequestsFor(tenantId, p.aadObjectId), deps.mentoring.listMatchesFor(tenantId, p.aadObjectId),
    ]);
    (facts.cpd as { personId: string; date: string; codes: readonly string[] }[]).push(...cpd);
    for (const n of needs.filter((x) => x.source === 'trigger' && x.status === 'met')) (facts.metNeed as Set<string>).add(`${n.sourceRef}|${p.aadObjectId}`);
    const open = needs.filter(isOpen);
    if (open.length > 0) withNeeds += 1;
    for (const area of new Set(open.flatMap((n) => n.codes.map((c) => c.split('.')[0]!)))) areaCounts.set(area, (areaCounts.get(area) ?? 0) + 1);
    const lines = open.slice(0, 3).map((n) => `Need: ${needHeading(n)}: ${n.description}`);
    if (open.length > 3) lines.push(`and ${plural(open.length - 3, 'more open need', 'more open needs')}`);
    if (open.length === 0) lines.push('No open learning needs: worth asking at supervision.');
    const mine = sessions.filter((s) => s.kind === 'supervision' && s.status !== 'cancelled' && s.status !== 'moved' && s.status !== 'superseded');
    if (mine.length > 0) lines.push(`Prepared for ${mine.filter((s) => s.answeredAt).length} of ${mine.length} supervisions in the last four weeks`);
    lines.push(`CPD logged in the last three months: ${cpd.filter((r) => r.date >= quarterAgo).length}`);
    lines.push(mentoringLine(p, requests, matches));
    people.push({ id: p.aadObjectId, name: nameOf(p), role: roleOf(p), lines });
  }
  const triggers = await triggerLines(deps, tenantId, facts, period);
  const top = [...areaCounts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, 3).map(([a, n]) => `${describeCode(a)} (${n})`);
  return {
    eyebrow: weekOf(period),
    title: 'Your team\'s learning, privately',
    summary: reports.length === 0 ? 'Nobody reports to you yet.' : `${withNeeds} of your ${plural(reports.length, 'report', 'reports')} ${agreeOf(withNeeds, reports.length, 'has', 'have')} open learning needs.${top.length ? ` Most needed: ${top.join(', ')}.` : ''}`,
    people,
    triggers,
    /** The team's integration pulse against the organisation's (the service it is pooled into where too few answered). */
    pulse: reports.length === 0 ? '' : teamPulseLine(await teamPulse(deps, managerId, period)),
    footer: 'Only you see this. Your team\'s channel gets the week\'s totals, without names.',
  };
}

function mentoringLine(p: Person, requests: Awaited<ReturnType<AppDeps['mentoring']['listRequestsFor']>>, matches: Awaited<ReturnType<AppDeps['mentoring']['listMatchesFor']>>): string {
  const active = matches.find((m) => m.status === 'active');
  if (active) return `Mentoring: ${active.menteeId === p.aadObjectId ? 'being' : 'giving'} ${MENTORING_KINDS[active.kind].toLowerCase()} across professions`;
  if (requests.some((r) => r.status === 'waiting' || r.status === 'proposed')) return 'Mentoring: waiting for a match';
  return 'Mentoring: none';
}


/** Open learning triggers that concern the manager's reports, and how many of them have learned from each. */
async function triggerLines(deps: Pick<AppDeps, 'plans' | 'offers'>, tenantId: string, facts: CompletionFacts, period: IsoDate): Promise<string[]> {
  // Open ones, those past their learn-by date first: what a manager can still do something about.
  const triggers = (await deps.plans.listTriggers(tenantId)).filter((t) => !t.closed && facts.people.some((p) => affects(t, p)))
    .sort((a, b) => (a.dueDate ?? '9999').localeCompare(b.dueDate ?? '9999'));
  if (triggers.length === 0) return [];
  const ids = new Set(triggers.map((t) => t.triggerId));
  const linked = (await deps.offers.list(tenantId)).filter((o) => o.trigger && ids.has(o.trigger) && o.status !== 'draft');
  const attended = await Promise.all(linked.map(async (o) => ({ trigger: o.trigger!, ids: (await deps.offers.listBookings(o.offerId)).filter((b) => b.status === 'attended').map((b) => b.personId) })));
  return triggers.slice(0, 3).map((t) => {
    const { affected, learned } = learnedFrom(t, {
      ...facts,
      attended: new Set(attended.filter((a) => a.trigger === t.triggerId).flatMap((a) => a.ids)),
      metNeed: new Set([...facts.metNeed].filter((k) => k.startsWith(`${t.triggerId}|`)).map((k) => k.slice(t.triggerId.length + 1))),
    });
    const overdue = !!t.dueDate && t.dueDate < period && learned.size < affected.length;
    return `Learning trigger "${clip(t.summary, 80)}": ${learned.size} of ${affected.length} of your reports it concerns have learned from it${t.dueDate ? ` (learn by ${formatDate(t.dueDate)}${overdue ? ', overdue' : ''})` : ''}.`;
  });
}
