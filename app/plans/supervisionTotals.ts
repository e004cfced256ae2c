// Supervision frequency across the organisation, for L&D and the principal social worker: totals
// by team and by profession, never by name. Groups under the threshold are pooled (and the pool
// grows until it is not small), so no person's supervision can be read off a row or worked out by
// subtraction; how many were on cadence is said only in a way that hides groups under it.
import { addDays, type IsoDate } from '../../core/calendar';
import { ofTotal } from '../../core/digest';
import { poolSmallGroups } from '../../core/orgPlan';
import type { Person } from '../../core/people';
import { cadencePerson } from '../../core/sessionPlanning';
import { FREQUENCY_WEEKS, supervisionFrequency } from '../../core/supervisionFrequency';
import { professionLabel } from '../../core/workforce';
import type { AppDeps } from '../deps';

export interface FrequencyRow {
  group: string;
  people: number;
  /** Held as a share of what the policy expects, in whole percent (null when it expects none). */
  heldPercent: number | null;
  /** "5 of 7", "all but fewer than 3 of 7": people who had all the supervision the policy expects. */
  onCadence: string;
}

export interface FrequencyTotals {
  weeks: number;
  byTeam: FrequencyRow[];
  byProfession: FrequencyRow[];
}

export async function supervisionTotals(deps: Pick<AppDeps, 'config' | 'people' | 'sessions' | 'policy' | 'planPolicy'>, today: IsoDate, people?: readonly Person[]): Promise<FrequencyTotals> {
  const tenantId = deps.config.tenantId;
  const [everyone, sessions] = await Promise.all([
    people ? Promise.resolve(people) : deps.people.list(tenantId),
    deps.sessions.listBetween(tenantId, addDays(today, -7 * FREQUENCY_WEEKS), addDays(today, -1)),
  ]);
  const active = everyone.filter((p) => p.status === 'active');
  const byPerson = new Map<string, { date: IsoDate; status: string }[]>();
  for (const s of sessions) if (s.kind === 'supervision') byPerson.set(s.personId, [...(byPerson.get(s.personId) ?? []), { date: s.date, status: s.status }]);
  const each = active.map((p) => ({ person: p, f: supervisionFrequency(deps.policy, cadencePerson(p), byPerson.get(p.aadObjectId) ?? [], today) }))
    .filter((e) => e.f.expected > 0 || e.f.held > 0);
  const t = deps.planPolicy.threshold;
  const rows = (groupOf: (p: Person) => string): FrequencyRow[] => {
    const sizes = new Map<string, number>();
    for (const e of each) sizes.set(groupOf(e.person), (sizes.get(groupOf(e.person)) ?? 0) + 1);
    // Pooling leaves a group under the threshold only when everyone together is: then there is nothing to show.
    const pooled = new Map([...poolSmallGroups(sizes, t)].filter(([, n]) => n >= t));
    const other = `Other (groups under ${t})`;
    const groupFor = (p: Person) => (pooled.has(groupOf(p)) ? groupOf(p) : other);
    return [...pooled.keys()].map((group) => {
      const members = each.filter((e) => groupFor(e.person) === group);
      const held = members.reduce((n, e) => n + Math.min(e.f.held, e.f.expected), 0);
      const expected = members.reduce((n, e) => n + e.f.expected, 0);
      const onCadence = members.filter((e) => e.f.held >= e.f.expected).length;
      return { group, people: members.length, heldPercent: expected ? Math.round((100 * held) / expected) : null, onCadence: ofTotal(onCadence, members.length, t) };
    }).sort((a, b) => b.people - a.people || a.group.localeCompare(b.group));
  };
  return { weeks: FREQUENCY_WEEKS, byTeam: rows((p) => p.team), byProfession: rows((p) => professionLabel(p.profession)) };
}
