// Teams agree their training priorities for the organisation's year: the team's manager (the one most
// of it reports to) picks up to the policy's number of areas or sub-headings, each with why and a
// target term. Agreeing again makes a new version over the one they saw; a team that has not agreed
// by the policy's date is flagged to its manager once.
import { CODES, describeCode } from '../../core/commonCore';
import { dayInYear, orgYearOf, termsFrom, type OrgYear } from '../../core/orgYear';
import { nameOf, type Person } from '../../core/people';
import { plain } from '../../core/text';
import type { AgreedPriority, TeamAgreement } from '../../core/teamAgreement';
import { ConcurrencyError } from '../../store/errors';
import type { StoredAgreement } from '../../store/agreements';
import type { AppDeps } from '../deps';
import { leadOf, teamLedBy } from './rollup';

export const WHY_MAX = 200;

export function currentYear(deps: Pick<AppDeps, 'planPolicy'>, today: string): OrgYear {
  return orgYearOf(today, deps.planPolicy.orgYear.startsOn);
}

/** The terms a priority can be targeted at: from this one to the end of the year and a little beyond. */
export const targetTerms = (today: string) => termsFrom(today, 5);

type AgreeDeps = Pick<AppDeps, 'agreements' | 'people' | 'planPolicy' | 'clock' | 'log'>;

/**
 * Agrees the team's priorities as `manager` (who must lead the team), over version `seenVersion`
 * (null: none yet). Answers the new agreement, or what to fix.
 */
export async function agreeTeamPriorities(
  deps: AgreeDeps, manager: Person, team: string, priorities: readonly AgreedPriority[], seenVersion: number | null, today: string,
): Promise<{ invalid: string[] } | { agreement: StoredAgreement }> {
  const people = await deps.people.list(manager.tenantId);
  if (leadOf(team, people) !== manager.aadObjectId) return { invalid: [`Only ${team}'s team manager (the manager most of ${team} report to) can agree its priorities.`] };
  const problems = checkPriorities(deps, priorities, today);
  if (problems.length > 0) return { invalid: problems };
  const year = currentYear(deps, today);
  const existing = await deps.agreements.get(manager.tenantId, year.start, team);
  if ((existing?.version ?? null) !== seenVersion) return { invalid: [changedMeanwhile(existing)] };
  const now = deps.clock.now().toISOString();
  const next: TeamAgreement = {
    tenantId: manager.tenantId, team, year: year.start, version: (existing?.version ?? 0) + 1, priorities: [...priorities],
    agreedBy: manager.aadObjectId, agreedByName: nameOf(manager), agreedAt: now,
    history: existing ? [...existing.history, { version: existing.version, priorities: existing.priorities, agreedBy: existing.agreedBy, agreedByName: existing.agreedByName, agreedAt: existing.agreedAt }] : [],
  };
  try {
    const agreement = await deps.agreements.save(next, existing ?? null);
    deps.log.info('team_plan.agreed', { version: agreement.version, priorities: priorities.length });
    return { agreement };
  } catch (err) {
    if (!(err instanceof ConcurrencyError)) throw err;
    return { invalid: [changedMeanwhile(await deps.agreements.get(manager.tenantId, year.start, team))] };
  }
}

function changedMeanwhile(now: StoredAgreement | undefined): string {
  return now
    ? `${plain(now.agreedByName)} changed the team's priorities at the same time (version ${now.version}). Look at them again, then agree.`
    : 'The team\'s priorities changed at the same time. Look at them again, then agree.';
}

function checkPriorities(deps: Pick<AppDeps, 'planPolicy'>, priorities: readonly AgreedPriority[], today: string): string[] {
  const max = deps.planPolicy.teamPlans.maxPriorities;
  const problems: string[] = [];
  if (priorities.length === 0) problems.push('Choose at least one priority.');
  if (priorities.length > max) problems.push(`Choose at most ${max} priorities: a plan that asks for everything decides nothing.`);
  const codes = priorities.map((p) => p.code);
  if (codes.some((c) => !CODES.includes(c))) problems.push('Priorities: choose areas or sub-headings from the list.');
  if (new Set(codes).size !== codes.length) problems.push('Each priority once: the same area is chosen twice.');
  const terms = targetTerms(today);
  priorities.forEach((p, i) => {
    if (!p.why.trim()) problems.push(`Priority ${i + 1} (${describeCode(p.code)}): say why, in a line.`);
    if (p.why.length > WHY_MAX) problems.push(`Priority ${i + 1}: why can be at most ${WHY_MAX} characters.`);
    if (!terms.includes(p.term)) problems.push(`Priority ${i + 1}: choose a target term from the list.`);
  });
  return problems;
}

/** The team a manager agrees priorities for (the one most of their reports are in); null if none. */
export async function teamManagedBy(deps: Pick<AppDeps, 'people'>, tenantId: string, managerId: string): Promise<string | null> {
  return teamLedBy(managerId, await deps.people.list(tenantId));
}

/** The team's agreement for the year `today` is in, if any. */
export async function agreementFor(deps: Pick<AppDeps, 'agreements' | 'planPolicy'>, tenantId: string, team: string, today: string): Promise<StoredAgreement | undefined> {
  return deps.agreements.get(tenantId, currentYear(deps, today).start, team);
}

/** Roster teams with nobody's priorities agreed this year, and whether the date to agree by has passed. */
export async function unagreedTeams(deps: Pick<AppDeps, 'agreements' | 'people' | 'planPolicy'>, tenantId: string, today: string): Promise<{ teams: string[]; of: number; due: boolean; agreeBy: string }> {
  const year = currentYear(deps, today);
  const [teams, agreed] = await Promise.all([deps.people.rosterTeams(tenantId), deps.agreements.listForYear(tenantId, year.start)]);
  const done = new Set(agreed.map((a) => a.team));
  const agreeBy = dayInYear(year, deps.planPolicy.teamPlans.agreeBy);
  return { teams: teams.filter((t) => !done.has(t)), of: teams.length, due: today > agreeBy, agreeBy };
}

/** Once the date to agree by has passed, each unagreed team's manager is told, once a year. Answers how many were told by this call. */
export async function remindUnagreedTeams(deps: Pick<AppDeps, 'agreements' | 'people' | 'planPolicy' | 'outbox'>, tenantId: string, today: string): Promise<number> {
  const { teams, due } = await unagreedTeams(deps, tenantId, today);
  if (!due) return 0;
  const people = await deps.people.list(tenantId);
  const year = currentYear(deps, today);
  let told = 0;
  for (const team of teams) {
    const lead = leadOf(team, people);
    if (!lead) continue;
    const queued = await deps.outbox.sendText(tenantId, `team-plan-due|${year.start}|${team}`, lead,
      `${team} has no agreed training priorities for ${year.label} yet. Type **team priorities** to agree up to ${deps.planPolicy.teamPlans.maxPriorities} priorities: they lead the team's digest and tell L&D what to commission.`);
    if (queued) told += 1;
  }
  return told;
}
