// Who the year's learning reaches, per head: places on learning offers and money spent on them, by
// profession, by service and registered or not — the research's "first come, first served and the
// pot was empty", measured. Groups under the threshold are pooled; counts of places from 1 to t-1 are
// hidden with enough others in the same column that none can be worked out from the total.
import { poolSmallGroups, qualifiedLabel } from './orgPlan';
import { suppressCells } from './suppression';
import { professionLabel } from './workforce';

export interface ReachPerson {
  id: string;
  profession: string;
  service: string;
  registered: boolean;
  /** Professionally qualified; unset, the table has no such dimension. */
  qualified?: boolean;
}

export interface ReachRow {
  group: string;
  headcount: number;
  /** Places booked or attended; null where hidden. */
  places: number | null;
  placesPerHead: number | null;
  /** Money spent on the group's places, in pence; null where its places are hidden. */
  spentPence: number | null;
  spentPerHeadPence: number | null;
}

export interface ReachTable {
  dimension: 'profession' | 'service' | 'registration' | 'qualification';
  heading: string;
  rows: ReachRow[];
}

export const REACH_HEADINGS = { profession: 'By profession', service: 'By service', registration: 'Registered with a regulator, or not', qualification: 'Professionally qualified, or not' } as const;

/** `places`: who had each place (booked or attended); `spent`: pence spent on each person's places. */
export function computeReach(people: readonly ReachPerson[], places: readonly string[], spent: ReadonlyMap<string, number>, t: number): ReachTable[] {
  const byId = new Map(people.map((p) => [p.id, p]));
  const mine = places.filter((id) => byId.has(id));
  const dimensions: [ReachTable['dimension'], (p: ReachPerson) => string][] = [
    ['profession', (p) => professionLabel(p.profession)],
    ['service', (p) => p.service || 'Not recorded'],
    ['registration', (p) => (p.registered ? 'Registered with a regulator' : 'Not registered')],
    ...(people.some((p) => p.qualified !== undefined) ? [['qualification', (p: ReachPerson) => qualifiedLabel(!!p.qualified)] as [ReachTable['dimension'], (p: ReachPerson) => string]] : []),
  ];
  return dimensions.map(([dimension, groupOf]) => {
    const sizes = new Map<string, number>();
    for (const p of people) sizes.set(groupOf(p), (sizes.get(groupOf(p)) ?? 0) + 1);
    const heads = poolSmallGroups(sizes, t);
    const other = `Other (groups under ${t})`;
    const group = (p: ReachPerson) => (heads.has(groupOf(p)) ? groupOf(p) : other);
    const groups = [...heads.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
    const placeCounts = new Map<string, number>();
    for (const id of mine) placeCounts.set(group(byId.get(id)!), (placeCounts.get(group(byId.get(id)!)) ?? 0) + 1);
    const spentBy = new Map<string, number>();
    for (const [id, pence] of spent) if (byId.has(id)) spentBy.set(group(byId.get(id)!), (spentBy.get(group(byId.get(id)!)) ?? 0) + pence);
    const shown = suppressCells(groups.map(([g]) => placeCounts.get(g) ?? 0), t);
    const rows = groups.map(([g, headcount], i): ReachRow => {
      const n = shown[i] ?? null;
      return {
        group: g, headcount, places: n, placesPerHead: n === null ? null : Math.round((n / headcount) * 100) / 100,
        spentPence: n === null ? null : spentBy.get(g) ?? 0, spentPerHeadPence: n === null ? null : Math.round((spentBy.get(g) ?? 0) / headcount),
      };
    });
    return { dimension, heading: REACH_HEADINGS[dimension], rows };
  });
}
