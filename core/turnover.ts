// Who leaves: turnover over the last 12 months from the roster (a leaver is someone a full import no
// longer lists: status `left` on `leftOn`), by profession, service, team, career stage and tenure,
// beside the CPD and places each group had — the research's "high turnover", made visible next to the
// learning people got. Totals only: groups under the threshold are pooled, and a group's leavers are
// shown only when they and those who stayed both clear it, so no one's leaving can be read off a row.
import { addMonths, daysBetween, type IsoDate } from './calendar';
import { poolSmallGroups } from './orgPlan';
import { suppressCells } from './suppression';
import { careerStageLabel, professionLabel } from './workforce';

export interface TurnoverPerson {
  id: string;
  profession: string;
  service: string;
  team: string;
  careerStage: string;
  /** When they started (HR's date, or when Weave first knew them); null if unknown. */
  start: IsoDate | null;
  /** When the roster stopped listing them; null while they are here. */
  leftOn: IsoDate | null;
}

export type TurnoverDimension = 'profession' | 'service' | 'team' | 'careerStage' | 'tenure';

export const TURNOVER_HEADINGS: Record<TurnoverDimension, string> = {
  profession: 'By profession', service: 'By service', team: 'By team', careerStage: 'By career stage', tenure: 'By length of service',
};

export interface TurnoverRow {
  group: string;
  /** Everyone here at some point in the 12 months. Never under the threshold. */
  people: number;
  /** Left in the 12 months; null where hidden. */
  leavers: number | null;
  /** Leavers as a share of everyone here in the 12 months, whole percent; null where hidden. */
  ratePercent: number | null;
  /** CPD records and places (booked or attended, mentoring pairs) in the 12 months, per person in the group. */
  cpdPerHead: number;
  placesPerHead: number;
}

export interface TurnoverTable {
  dimension: TurnoverDimension;
  heading: string;
  rows: TurnoverRow[];
}

/** "Under 1 year", "1 to 2 years", "2 to 5 years", "5 years or more", "Not known": at leaving, or now. */
export function tenureBand(start: IsoDate | null, until: IsoDate): string {
  if (!start) return 'Not known';
  const years = daysBetween(start, until) / 365.25;
  return years < 1 ? 'Under 1 year' : years < 2 ? '1 to 2 years' : years < 5 ? '2 to 5 years' : '5 years or more';
}

const round1 = (n: number) => Math.round(n * 10) / 10;

export function computeTurnover(people: readonly TurnoverPerson[], cpdBy: ReadonlyMap<string, number>, placesBy: ReadonlyMap<string, number>, today: IsoDate, t: number): TurnoverTable[] {
  const from = addMonths(today, -12);
  const inPeriod = people.filter((p) => (!p.start || p.start <= today) && (!p.leftOn || p.leftOn >= from));
  const left = (p: TurnoverPerson) => !!p.leftOn && p.leftOn >= from && p.leftOn <= today;
  const groupers: [TurnoverDimension, (p: TurnoverPerson) => string][] = [
    ['profession', (p) => professionLabel(p.profession)],
    ['service', (p) => p.service || 'Not recorded'],
    ['team', (p) => p.team],
    ['careerStage', (p) => careerStageLabel(p.careerStage)],
    ['tenure', (p) => tenureBand(p.start, p.leftOn ?? today)],
  ];
  const other = `Other (groups under ${t})`;
  return groupers.map(([dimension, groupOf]) => {
    const sizes = new Map<string, number>();
    for (const p of inPeriod) sizes.set(groupOf(p), (sizes.get(groupOf(p)) ?? 0) + 1);
    const pooled = new Map([...poolSmallGroups(sizes, t)].filter(([, n]) => n >= t));
    const groupFor = (p: TurnoverPerson) => (pooled.has(groupOf(p)) && groupOf(p) !== other ? groupOf(p) : other);
    const rows = [...pooled.keys()].map((group): TurnoverRow => {
      const members = inPeriod.filter((p) => groupFor(p) === group);
      const leavers = members.filter(left).length;
      const [shown] = suppressCells([leavers, members.length - leavers], t);
      return {
        group, people: members.length, leavers: shown ?? null,
        // Of everyone here in the 12 months: from the figures shown beside it, so it gives nothing else away.
        ratePercent: shown === null || shown === undefined ? null : Math.round((100 * shown) / members.length),
        cpdPerHead: round1(members.reduce((n, p) => n + (cpdBy.get(p.id) ?? 0), 0) / members.length),
        placesPerHead: round1(members.reduce((n, p) => n + (placesBy.get(p.id) ?? 0), 0) / members.length),
      };
    }).sort((a, b) => b.people - a.people || a.group.localeCompare(b.group));
    return { dimension, heading: TURNOVER_HEADINGS[dimension], rows };
  }).filter((table) => table.rows.length > 0);
}
