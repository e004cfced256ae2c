// What a team's agreed priorities look like to whoever reads them: a member (which touch their own
// needs: their own data, nothing about anyone else's) and the team's manager (with what to agree from).
import { describeCode } from '../../core/commonCore';
import { isOpen } from '../../core/needs';
import type { Person } from '../../core/people';
import { touching } from '../../core/teamAgreement';
import type { AppDeps } from '../deps';
import { agreementFor, currentYear } from './agreements';

export interface PriorityLine {
  code: string;
  label: string;
  why: string;
  term: string;
}

export interface MemberPriorities {
  team: string;
  year: string;
  priorities: (PriorityLine & { touchesYou: boolean })[];
}

/** The person's team's agreed priorities this year, marked where their own open needs touch them; null if none agreed. */
export async function prioritiesForMember(deps: Pick<AppDeps, 'agreements' | 'needs' | 'planPolicy'>, person: Person, today: string): Promise<MemberPriorities | null> {
  const agreement = await agreementFor(deps, person.tenantId, person.team, today);
  if (!agreement) return null;
  const needs = await deps.needs.listFor(person.tenantId, person.aadObjectId);
  const mine = touching(agreement.priorities, needs.filter(isOpen).flatMap((n) => n.codes));
  return {
    team: person.team,
    year: currentYear(deps, today).label,
    priorities: agreement.priorities.map((p) => ({ code: p.code, label: describeCode(p.code), why: p.why, term: p.term, touchesYou: mine.has(p.code) })),
  };
}

/** A member's view of them as lines, those touching their own needs marked first in the line. */
export function memberPriorityLines(m: MemberPriorities): { heading: string; lines: string[] } {
  return { heading: `${m.team}'s priorities for ${m.year}`, lines: m.priorities.map((p) => `${p.touchesYou ? 'Touches your learning: ' : ''}${priorityLines([p])[0]!}`) };
}

/** "Agreed priorities for 2026–27: CC3 Safeguarding, by Summer 2027 (why)": the lines a digest leads with. */
export function priorityLines(priorities: readonly PriorityLine[]): string[] {
  return priorities.map((p) => `${p.label}, by ${p.term}: ${p.why}`);
}

/** What a team's digest leads with: its agreed priorities for the year, or null when none are agreed. */
export async function agreedForDigest(deps: Pick<AppDeps, 'agreements' | 'planPolicy'>, tenantId: string, team: string, today: string): Promise<{ heading: string; lines: string[] } | null> {
  const agreement = await agreementFor(deps, tenantId, team, today);
  if (!agreement) return null;
  return {
    heading: `Agreed priorities for ${currentYear(deps, today).label}`,
    lines: priorityLines(agreement.priorities.map((p) => ({ ...p, label: describeCode(p.code) }))),
  };
}
