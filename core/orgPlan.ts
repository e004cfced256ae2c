// The organisation's learning and development plan: every LDP rolled up into priorities by Common
// Core area — weighted by how many people need it, how many are affected by learning triggers on
// it, and how many registrants are short of their regulator — with what to commission for whom,
// which needs internal mentors can meet, and an equity view of who CPD is reaching.
import { addMonths, type IsoDate } from './calendar';
import { AREA_CODES } from './commonCore';
import type { PlanPolicy } from './planPolicy';
import { mentorsFor, type MentoringFacts, type NeedFacts, type RollupPerson } from './teamPlan';
import { affects, isActive, type LearningTrigger } from './triggers';
import { professionLabel } from './workforce';

export interface OrgPerson extends RollupPerson {
  registered: boolean;
  /** Professionally qualified (a professional qualification, or registered): unset, the view has no such rows. */
  qualified?: boolean;
  /** The roster's service (children's social care, education, early help, health, youth justice…); unset reads "Not recorded". */
  service?: string;
}

export interface OrgPlanInput {
  policy: PlanPolicy;
  people: readonly OrgPerson[];
  needs: readonly NeedFacts[];
  triggers: readonly LearningTrigger[];
  mentoring: MentoringFacts;
  /** Registrants in their renewal window still short of what their regulator asks. */
  registrationShort: ReadonlySet<string>;
  cpd: readonly { personId: string; date: IsoDate }[];
  /** Places people were given: mentoring and shadowing pairs, and places on learning offers. */
  places: readonly { personId: string }[];
  today: IsoDate;
}

export interface Priority {
  code: string;
  score: number;
  people: number;
  triggerPeople: number;
  registrationPeople: number;
  /** Teams and professions with the most people needing it (groups below the threshold are not named). */
  teams: { name: string; people: number }[];
  professions: { name: string; people: number }[];
  activity: string | null;
  mentors: number;
}

export interface EquityRow {
  dimension: 'profession' | 'service' | 'registration' | 'qualification' | 'team';
  group: string;
  headcount: number;
  workforceShare: number;
  cpd: number;
  cpdShare: number;
  places: number;
  placesShare: number;
  underServed: boolean;
}

export interface OrgPlan {
  headcount: number;
  withOpenNeeds: number;
  openNeeds: number;
  priorities: Priority[];
  equity: EquityRow[];
}

const areaOf = (code: string) => code.split('.')[0]!;

/**
 * Groups smaller than the threshold pooled as "Other", so no row is about one or two people. If the
 * pool itself is still small, the next smallest groups join it until it is not: leaving it out
 * would not do, as the shown rows' shares would add up to everything but its share.
 */
/** "Professionally qualified" or not: a professional qualification, not a regulator. */
export const qualifiedLabel = (qualified: boolean) => (qualified ? 'Professionally qualified' : 'Not professionally qualified');

export function poolSmallGroups(sizes: Map<string, number>, t: number): Map<string, number> {
  const other = `Other (groups under ${t})`;
  const named = [...sizes.entries()].filter(([, n]) => n >= t).sort((a, b) => a[1] - b[1] || b[0].localeCompare(a[0]));
  let pooled = [...sizes.values()].filter((n) => n < t).reduce((a, b) => a + b, 0);
  while (pooled > 0 && pooled < t && named.length > 0) pooled += named.shift()![1];
  return new Map([...named, ...(pooled > 0 ? [[other, pooled] as [string, number]] : [])]);
}

function tally<T>(items: Iterable<T>, key: (item: T) => string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return counts;
}

export function computeOrgPlan(input: OrgPlanInput): OrgPlan {
  const { policy, people } = input;
  const t = policy.threshold;
  const w = policy.priorityWeights;
  const byId = new Map(people.map((p) => [p.id, p]));
  const open = input.needs.filter((n) => n.open && byId.has(n.personId));

  const needers = new Map<string, Set<string>>();
  const ways = new Map<string, Map<string, Set<string>>>();
  for (const n of open) {
    for (const area of new Set(n.codes.map(areaOf))) {
      if (!needers.has(area)) needers.set(area, new Set());
      needers.get(area)!.add(n.personId);
      if (!ways.has(area)) ways.set(area, new Map());
      for (const a of n.activityTypes) {
        const set = ways.get(area)!.get(a) ?? new Set<string>();
        set.add(n.personId);
        ways.get(area)!.set(a, set);
      }
    }
  }
  const active = input.triggers.filter((tr) => isActive(tr, input.today));

  const priorities: Priority[] = AREA_CODES.map((code) => {
    const who = [...(needers.get(code) ?? [])].map((id) => byId.get(id)!);
    const triggerPeople = new Set(active.filter((tr) => tr.codes.some((c) => areaOf(c) === code)).flatMap((tr) => people.filter((p) => affects(tr, p)).map((p) => p.id))).size;
    const registrationPeople = who.filter((p) => input.registrationShort.has(p.id)).length;
    const named = (counts: Map<string, number>, label: (k: string) => string) =>
      [...counts.entries()].filter(([, n]) => n >= t).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, 4).map(([k, n]) => ({ name: label(k), people: n }));
    const preferred = [...(ways.get(code) ?? new Map<string, Set<string>>()).entries()].sort((a, b) => b[1].size - a[1].size || a[0].localeCompare(b[0]))[0];
    return {
      code,
      score: w.needs * who.length + w.triggers * triggerPeople + w.registration * registrationPeople,
      people: who.length,
      triggerPeople,
      registrationPeople,
      teams: named(tally(who, (p) => p.team), (k) => k),
      professions: named(tally(who, (p) => p.profession), professionLabel),
      activity: preferred?.[0] ?? null,
      mentors: mentorsFor(code, input.mentoring),
    };
  }).filter((p) => p.score > 0).sort((a, b) => b.score - a.score || a.code.localeCompare(b.code));

  const since = addMonths(input.today, -policy.equity.lookbackMonths);
  const cpd = input.cpd.filter((r) => r.date >= since && byId.has(r.personId));
  const places = input.places.filter((p) => byId.has(p.personId));
  const dimensions: [EquityRow['dimension'], (p: OrgPerson) => string][] = [
    ['profession', (p) => professionLabel(p.profession)],
    ['service', (p) => p.service || 'Not recorded'],
    ['registration', (p) => (p.registered ? 'Registered with a regulator' : 'Not registered')],
    ...(people.some((p) => p.qualified !== undefined) ? [['qualification', (p: OrgPerson) => qualifiedLabel(!!p.qualified)] as [EquityRow['dimension'], (p: OrgPerson) => string]] : []),
    ['team', (p) => p.team],
  ];
  const equity = dimensions.flatMap(([dimension, groupOf]) => {
    const heads = poolSmallGroups(tally(people, groupOf), t);
    const group = (p: OrgPerson) => (heads.has(groupOf(p)) ? groupOf(p) : `Other (groups under ${t})`);
    const cpdBy = tally(cpd, (r) => group(byId.get(r.personId)!));
    const placesBy = tally(places, (r) => group(byId.get(r.personId)!));
    return [...heads.entries()].map(([name, headcount]) => {
      const workforceShare = headcount / people.length;
      const cpdShare = cpd.length ? (cpdBy.get(name) ?? 0) / cpd.length : 0;
      const placesShare = places.length ? (placesBy.get(name) ?? 0) / places.length : 0;
      const limit = policy.equity.underServedRatio * workforceShare;
      return {
        dimension, group: name, headcount, workforceShare, cpd: cpdBy.get(name) ?? 0, cpdShare, places: placesBy.get(name) ?? 0, placesShare,
        underServed: headcount >= t && ((cpd.length > 0 && cpdShare < limit) || (places.length > 0 && placesShare < limit)),
      };
    }).sort((a, b) => b.headcount - a.headcount || a.group.localeCompare(b.group));
  });

  return { headcount: people.length, withOpenNeeds: new Set(open.map((n) => n.personId)).size, openNeeds: open.length, priorities, equity };
}

/** A priority as anyone beyond a person and their manager may see it: its counts of people hidden from 1 to t-1, and its score with them. */
export interface ShownPriority {
  code: string;
  /** Null when a count it is made from is hidden (the score would give it away). */
  score: number | null;
  people: number | null;
  triggerPeople: number | null;
  registrationPeople: number | null;
}

export function shownPriority(p: Priority, t: number): ShownPriority {
  const shown = (n: number) => (n > 0 && n < t ? null : n);
  const people = shown(p.people);
  const triggerPeople = shown(p.triggerPeople);
  const registrationPeople = shown(p.registrationPeople);
  return { code: p.code, score: people === null || triggerPeople === null || registrationPeople === null ? null : p.score, people, triggerPeople, registrationPeople };
}
