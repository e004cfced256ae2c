// What a commissioning line can be for and delivered by, as its form offers it (the card and the tab
// alike): services and teams on the roster, staff who could deliver it, this year's budget lines.
import type { AppDeps } from '../deps';
import { currentYear } from './agreements';

export interface LineOptions {
  services: string[];
  teams: string[];
  /** Who could deliver a line ourselves: the people offering mentoring, shadowing or coaching, and anyone already named on a line. */
  staff: { id: string; label: string }[];
  budgetLines: string[];
}

export async function lineOptions(deps: Pick<AppDeps, 'people' | 'mentoring' | 'commissioning' | 'planPolicy'>, tenantId: string, today: string): Promise<LineOptions> {
  const year = currentYear(deps, today).start;
  const [people, mentors, teams, budget, lines] = await Promise.all([
    deps.people.list(tenantId), deps.mentoring.listOffers(tenantId), deps.people.rosterTeams(tenantId), deps.commissioning.getBudget(tenantId, year), deps.commissioning.listLines(tenantId, year),
  ]);
  const active = people.filter((p) => p.status === 'active');
  const candidates = new Set([...mentors.map((m) => m.personId), ...lines.flatMap((l) => (l.provider.kind === 'internal' ? l.provider.people : []))]);
  return {
    services: [...new Set(active.map((p) => p.service).filter(Boolean))].sort(),
    teams,
    staff: active.filter((p) => candidates.has(p.aadObjectId)).map((p) => ({ id: p.aadObjectId, label: `${p.preferredName || p.displayName}, ${p.jobTitle}` })).sort((a, b) => a.label.localeCompare(b.label)),
    budgetLines: (budget?.lines ?? []).map((l) => l.name),
  };
}
