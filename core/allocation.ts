// Fair access: how an offer's places go when not simply first come. With applications every place
// goes at once by priority — an open need in the offer's areas first, whatever the weights; then
// the weights for registrants short of their regulator in a renewal window, no recent CPD, and
// membership of a group the organisation plan finds under-served — with ties drawn by a hash seeded
// per offer, so the same applications always give the same places. Reserved places hold a share for
// named groups until a date. Every outcome carries its reasons as data, for the person's card.
import { createHash } from 'node:crypto';
import type { IsoDate } from './calendar';
import type { AllocationMode, HeldPlaces, OfferPolicy } from './offers';
import { poolSmallGroups, type EquityRow } from './orgPlan';
import { suppressCells, type Shown } from './suppression';
import { PROFESSIONS, type Profession } from './workforce';

export type { AllocationMode } from './offers';
export type GroupDimension = 'profession' | 'service' | 'registration';
/** A group of staff: a profession's code, a service's name, or `registered` / `unregistered`. */
export interface Group {
  dimension: GroupDimension;
  value: string;
}
export const groupKey = (g: Group) => `${g.dimension}:${g.value}`;
/** A group as people read it: "Profession: Social worker", "Service: Early Help", "Staff not registered with a regulator". */
export function groupLabel(g: Group): string {
  if (g.dimension === 'profession') return `Profession: ${PROFESSIONS[g.value as Profession] ?? g.value}`;
  if (g.dimension === 'service') return `Service: ${g.value}`;
  return g.value === 'registered' ? 'Staff registered with a regulator' : 'Staff not registered with a regulator';
}
/** A group inside a sentence: "the Social worker profession", "the Early Help service", "staff not registered with a regulator". */
export function groupPhrase(g: Group): string {
  if (g.dimension === 'profession') return `the ${PROFESSIONS[g.value as Profession] ?? g.value} profession`;
  if (g.dimension === 'service') return `the ${g.value} service`;
  return g.value === 'registered' ? 'staff registered with a regulator' : 'staff not registered with a regulator';
}
const DIMENSIONS: readonly GroupDimension[] = ['profession', 'service', 'registration'];
/** A group from its key, or null if the key names no kind of group. */
export function groupOfKey(key: string): Group | null {
  const at = key.indexOf(':');
  const dimension = key.slice(0, at) as GroupDimension;
  return at > 0 && DIMENSIONS.includes(dimension) && at < key.length - 1 ? { dimension, value: key.slice(at + 1) } : null;
}

export interface Applicant {
  personId: string;
  /** ISO instant. */
  appliedAt: string;
  facts: {
    /** Codes of their open needs in the offer's Common Core areas. */
    matchingNeedCodes: string[];
    registrationShort: boolean;
    noRecentCpd: boolean;
    groups: { profession: string; service: string; registered: boolean };
  };
}

export interface Reservation {
  group: Group;
  places: number;
  /** Held up to and including this day; after it, unused places go to everyone. */
  until: IsoDate;
}

/** An open need in the offer's areas is not weighed: it always comes first. */
export interface AllocationWeights {
  registrationDeadline: number;
  noRecentCpd: number;
  underServed: number;
}

export function allocationWeights(policy: OfferPolicy): AllocationWeights {
  return { registrationDeadline: policy.priority.registrationDeadline, noRecentCpd: policy.priority.noRecentCpd, underServed: policy.allocation.underServed };
}

export type Reason =
  | { kind: 'need'; codes: string[] }
  | { kind: 'registration' }
  | { kind: 'noRecentCpd' }
  | { kind: 'underServed'; group: Group }
  /** Placed in a place held for their group. */
  | { kind: 'reserved'; group: Group }
  /** A place held for a group nobody from it applied for, given to everyone when applications closed. */
  | { kind: 'released' }
  /** There was a place for everyone who applied. */
  | { kind: 'room' }
  /** Drawn among people of equal priority at the last place. */
  | { kind: 'tie' }
  /** Places went first to people with a need in its areas, or with more priority. */
  | { kind: 'outranked'; by: 'need' | 'priority' }
  /** Every place not taken was held for groups they are not in. */
  | { kind: 'heldFor'; groups: Group[] }
  | { kind: 'noPlaces' }
  /** First come: asked before the places ran out, or after. */
  | { kind: 'earlier' }
  | { kind: 'later' };

export interface Outcome {
  personId: string;
  placed: boolean;
  reasons: Reason[];
}

export interface Allocation {
  /** In priority order (the unplaced, in order, are the waiting list). */
  outcomes: Outcome[];
  /** Reserved places nobody from the group has taken yet, still held for it. */
  held: { group: Group; places: number }[];
}

export function groupsOf(a: Applicant): Group[] {
  const g = a.facts.groups;
  return [
    { dimension: 'profession', value: g.profession },
    { dimension: 'service', value: g.service },
    { dimension: 'registration', value: g.registered ? 'registered' : 'unregistered' },
  ];
}

const inGroup = (a: Applicant, group: Group) => groupsOf(a).some((g) => g.dimension === group.dimension && g.value === group.value);

interface Ranked {
  applicant: Applicant;
  need: boolean;
  score: number;
  draw: string;
  facts: Reason[];
}

function ranked(applicants: readonly Applicant[], weights: AllocationWeights, underServed: ReadonlySet<string>, seed: string): Ranked[] {
  const ids = new Set<string>();
  return applicants.map((applicant): Ranked => {
    if (ids.has(applicant.personId)) throw new Error(`${applicant.personId} has applied twice: one application each`);
    ids.add(applicant.personId);
    const f = applicant.facts;
    const codes = [...new Set(f.matchingNeedCodes)].sort();
    const short = f.registrationShort && weights.registrationDeadline > 0;
    const noCpd = f.noRecentCpd && weights.noRecentCpd > 0;
    const under = weights.underServed > 0 ? groupsOf(applicant).filter((g) => underServed.has(groupKey(g))) : [];
    const facts: Reason[] = [
      ...(codes.length ? [{ kind: 'need', codes } as const] : []), ...(short ? [{ kind: 'registration' } as const] : []),
      ...(noCpd ? [{ kind: 'noRecentCpd' } as const] : []), ...under.map((group) => ({ kind: 'underServed', group }) as const),
    ];
    return {
      applicant, need: codes.length > 0, facts,
      score: (short ? weights.registrationDeadline : 0) + (noCpd ? weights.noRecentCpd : 0) + (under.length ? weights.underServed : 0),
      draw: createHash('sha256').update(`${seed}\u0000${applicant.personId}`).digest('hex').slice(0, 16),
    };
  }).sort((a, b) => Number(b.need) - Number(a.need) || b.score - a.score || cmp(a.draw, b.draw) || cmp(a.applicant.personId, b.applicant.personId));
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const level = (r: Ranked) => `${Number(r.need)}|${r.score}`;

/** The first `n` of `pool` (in priority order) placed, each outcome with why. */
function fill(pool: readonly Ranked[], n: number, heldFor: Group[]): Map<string, Outcome> {
  const out = new Map<string, Outcome>();
  const last = n > 0 ? pool[Math.min(n, pool.length) - 1] : undefined;
  const firstLeft = pool[n];
  pool.forEach((r, i) => {
    const id = r.applicant.personId;
    if (i < n) {
      out.set(id, { personId: id, placed: true, reasons: !firstLeft ? [{ kind: 'room' }] : [...r.facts, ...(level(r) === level(firstLeft) ? [{ kind: 'tie' } as const] : [])] });
      return;
    }
    const why: Reason = !last ? (heldFor.length ? { kind: 'heldFor', groups: heldFor } : { kind: 'noPlaces' })
      : last.need !== r.need ? { kind: 'outranked', by: 'need' } : last.score !== r.score ? { kind: 'outranked', by: 'priority' } : { kind: 'tie' };
    out.set(id, { personId: id, placed: false, reasons: [why, ...r.facts] });
  });
  return out;
}

/** Every place at once, by priority; nobody with a matching need loses a place to someone without one. */
export function allocateApplications(applicants: readonly Applicant[], capacity: number, weights: AllocationWeights, underServed: ReadonlySet<string>, seed: string): Allocation {
  return allocateWithReservations(applicants, capacity, [], '0000-00-00', weights, underServed, seed);
}

/**
 * Places held for named groups are filled first, each by the same priority within its group; then
 * the rest by priority among everyone not yet placed. Until `until`, a reserved place nobody from its
 * group has applied for stays held (for them to book later); after it, it goes to everyone. Places
 * reserved beyond the capacity are not held (reservations take their places in order).
 */
export function allocateWithReservations(
  applicants: readonly Applicant[], capacity: number, reservations: readonly Reservation[], today: IsoDate,
  weights: AllocationWeights, underServed: ReadonlySet<string>, seed: string,
): Allocation {
  const order = ranked(applicants, weights, underServed, seed);
  const outcomes = new Map<string, Outcome>();
  const held: Allocation['held'] = [];
  const active = reservations.filter((r) => today <= r.until && r.places > 0);
  const holding: Group[] = [];
  let left = Math.max(0, capacity);
  for (const r of active) {
    const places = Math.min(r.places, left);
    if (places === 0) continue;
    left -= places;
    holding.push(r.group);
    const takers = order.filter((x) => !outcomes.has(x.applicant.personId) && inGroup(x.applicant, r.group)).slice(0, places);
    for (const x of takers) outcomes.set(x.applicant.personId, { personId: x.applicant.personId, placed: true, reasons: [{ kind: 'reserved', group: r.group }, ...x.facts] });
    if (takers.length < places) held.push({ group: r.group, places: places - takers.length });
  }
  const general = fill(order.filter((x) => !outcomes.has(x.applicant.personId)), left, holding);
  return { outcomes: order.map((x) => outcomes.get(x.applicant.personId) ?? general.get(x.applicant.personId)!), held };
}

/** First come, first served: the earliest `capacity` applications. */
export function allocateFirstCome(applicants: readonly Applicant[], capacity: number): Allocation {
  const order = [...applicants].sort((a, b) => cmp(a.appliedAt, b.appliedAt) || cmp(a.personId, b.personId));
  const room = order.length <= capacity;
  return {
    outcomes: order.map((a, i) => ({ personId: a.personId, placed: i < capacity, reasons: [room ? { kind: 'room' } : i < capacity ? { kind: 'earlier' } : { kind: 'later' }] })),
    held: [],
  };
}

/**
 * Applications, when they close: places held for groups go first to their members, as
 * `allocateWithReservations`; a held place no member applied for goes to everyone else, in the same
 * order (nobody could book it later, since applications have closed).
 */
export function allocateAtClose(
  applicants: readonly Applicant[], capacity: number, reservations: readonly Reservation[], weights: AllocationWeights, underServed: ReadonlySet<string>, seed: string,
): Allocation {
  const held = allocateWithReservations(applicants, capacity, reservations.map((r) => ({ ...r, until: '9999-12-31' })), '0000-00-00', weights, underServed, seed);
  let free = held.held.reduce((n, h) => n + h.places, 0);
  const outcomes = held.outcomes.map((o) => {
    if (o.placed || free === 0) return o;
    free -= 1;
    return { personId: o.personId, placed: true, reasons: [{ kind: 'released' } as const, ...o.reasons.filter((r) => r.kind !== 'heldFor' && r.kind !== 'outranked' && r.kind !== 'tie' && r.kind !== 'noPlaces')] };
  });
  return { outcomes, held: [] };
}

/** A place someone could take now, and the held group's key it counts for (null: an open place). */
export type PlaceFor = { heldFor: string | null } | null;

/**
 * First come with reserved places: of the free places, those still held for a group (its
 * reservation not yet ended, fewer of its members in held places than it holds) go only to its
 * members; the rest to anyone. A member takes a held place first, so a reservation counts them.
 */
export function placeFor(
  groups: readonly string[], capacity: number, holders: readonly { heldFor?: string | null }[], reservations: readonly HeldPlaces[], today: string,
): PlaceFor {
  const left = heldLeft(reservations, today, holders);
  const mine = [...left.entries()].find(([key, n]) => n > 0 && groups.includes(key));
  const open = capacity - holders.length - [...left.values()].reduce((a, b) => a + b, 0);
  if (holders.length >= capacity) return null;
  if (mine) return { heldFor: mine[0] };
  return open > 0 ? { heldFor: null } : null;
}

/** Places still held for each group: what its reservation holds less its members in held places, while it lasts. */
export function heldLeft(reservations: readonly HeldPlaces[], today: string, holders: readonly { heldFor?: string | null }[]): Map<string, number> {
  const left = new Map<string, number>();
  for (const r of reservations) {
    if (today > r.until) continue;
    const taken = holders.filter((h) => h.heldFor === r.group).length;
    left.set(r.group, (left.get(r.group) ?? 0) + Math.max(0, r.places - taken));
  }
  return left;
}

/** The organisation plan's under-served groups as keys for `allocate…` (teams and pooled groups are not allocation groups). */
export function underServedGroups(equity: readonly Pick<EquityRow, 'dimension' | 'group' | 'underServed'>[]): Set<string> {
  const professionCode = new Map(Object.entries(PROFESSIONS).map(([code, label]) => [label as string, code]));
  const registration: Record<string, string> = { 'Registered with a regulator': 'registered', 'Not registered': 'unregistered' };
  const keys = new Set<string>();
  for (const row of equity.filter((r) => r.underServed)) {
    const value = row.dimension === 'profession' ? professionCode.get(row.group) : row.dimension === 'registration' ? registration[row.group] : row.dimension === 'service' ? row.group : undefined;
    if (value !== undefined && !row.group.startsWith('Other (')) keys.add(groupKey({ dimension: row.dimension as GroupDimension, value }));
  }
  return keys;
}

export interface ReachIfFilledInput {
  mode: AllocationMode;
  /** The offer's audience, as if everyone in it applied (`appliedAt` orders them for first come). */
  audience: readonly Applicant[];
  capacity: number;
  reservations: readonly Reservation[];
  today: IsoDate;
  weights: AllocationWeights;
  underServed: ReadonlySet<string>;
  seed: string;
  threshold: number;
}

export interface ReachIfFilled {
  places: number;
  tables: {
    dimension: GroupDimension;
    /** `group` null: groups of the audience under the threshold, pooled. */
    rows: { group: Group | null; places: Shown; share: number | null }[];
  }[];
  /** The under-served group furthest below its share of the audience, and its share of the places. */
  suggestion: { group: Group; places: number } | null;
}

/**
 * The composer's preview: who would have the places if the offer filled by its rules. Groups of the
 * audience under the threshold are pooled and counts of places from 1 to t-1 hidden with enough
 * others that none follows from the total. A group is only suggested if at least t of the audience
 * are in it, so the suggestion says nothing about fewer people.
 */
export function reachIfFilled(input: ReachIfFilledInput): ReachIfFilled {
  const { audience, capacity, threshold: t } = input;
  const allocation = input.mode === 'first_come' ? allocateFirstCome(audience, capacity)
    : allocateWithReservations(audience, capacity, input.mode === 'reserved' ? input.reservations : [], input.today, input.weights, input.underServed, input.seed);
  const placedIds = new Set(allocation.outcomes.filter((o) => o.placed).map((o) => o.personId));
  const placed = audience.filter((a) => placedIds.has(a.personId));
  const dimensions: GroupDimension[] = ['profession', 'service', 'registration'];
  const valueOf = (a: Applicant, d: GroupDimension) => groupsOf(a).find((g) => g.dimension === d)!.value;
  const count = (xs: readonly Applicant[], d: GroupDimension) => {
    const m = new Map<string, number>();
    for (const a of xs) m.set(valueOf(a, d), (m.get(valueOf(a, d)) ?? 0) + 1);
    return m;
  };
  const tables = dimensions.map((dimension) => {
    const sizes = count(audience, dimension);
    const heads = poolSmallGroups(sizes, t);
    const other = `Other (groups under ${t})`;
    const pooled = (v: string) => (heads.has(v) && v !== other ? v : null);
    const groups = [...heads.entries()].sort((a, b) => b[1] - a[1] || cmp(a[0], b[0])).map(([v]) => (v === other ? null : v));
    const counts = groups.map((g) => placed.filter((a) => pooled(valueOf(a, dimension)) === g).length);
    const shown = suppressCells(counts, t);
    return {
      dimension,
      rows: groups.map((g, i) => ({ group: g === null ? null : { dimension, value: g }, places: shown[i] ?? null, share: shown[i] == null || placed.length === 0 ? null : shown[i] / placed.length })),
    };
  });
  const reserved = new Set(input.mode === 'reserved' ? input.reservations.filter((r) => input.today <= r.until).map((r) => groupKey(r.group)) : []);
  const candidates = dimensions.flatMap((dimension) => [...count(audience, dimension).entries()].map(([value, members]) => ({ group: { dimension, value }, members })))
    .filter((c) => input.underServed.has(groupKey(c.group)) && !reserved.has(groupKey(c.group)) && c.members >= t && audience.length > 0)
    .map((c) => {
      const audienceShare = c.members / audience.length;
      const placesShare = placed.length ? placed.filter((a) => inGroup(a, c.group)).length / placed.length : 0;
      return { ...c, audienceShare, shortfall: audienceShare - placesShare };
    })
    .filter((c) => c.shortfall > 0)
    .sort((a, b) => b.shortfall - a.shortfall || cmp(groupKey(a.group), groupKey(b.group)));
  const best = candidates[0];
  const suggestion = best && capacity > 0 ? { group: best.group, places: Math.min(capacity, best.members, Math.max(1, Math.round(best.audienceShare * capacity))) } : null;
  return { places: placed.length, tables, suggestion };
}
