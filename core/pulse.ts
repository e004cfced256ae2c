// The integration pulse: four statements staff answer once a quarter, telling the organisation
// whether professions understand, value and learn from each other (seed 001's "evaluative loop").
// Answers are anonymous by construction: a response holds its quarter, team, service and profession,
// never the person. Opinions are more sensitive than counts, so a group's results are shown only
// when at least `minGroup` (policy/pulse.json, never below 5) answered — and never where two shown
// groups, one inside the other, differ by 1 to minGroup-1 answers, so nothing under the minimum can
// be worked out by subtraction between views.
import { z } from 'zod';
import { addMonths, type IsoDate } from './calendar';
import { isIsoDate } from './validation';

/** The four statements, in order. Their ids are fixed (they are columns); their words are policy. */
export const STATEMENTS = ['understand', 'contact', 'valued', 'learned'] as const;
export type Statement = (typeof STATEMENTS)[number];
/** The three answered on the agreement scale; `learned` is yes or no. */
export const AGREE_STATEMENTS = ['understand', 'contact', 'valued'] as const;
export type AgreeStatement = (typeof AGREE_STATEMENTS)[number];

/** 1 strongly disagree … 5 strongly agree. */
export const AGREE_SCALE = [
  { value: 5, label: 'Strongly agree' },
  { value: 4, label: 'Agree' },
  { value: 3, label: 'Neither agree nor disagree' },
  { value: 2, label: 'Disagree' },
  { value: 1, label: 'Strongly disagree' },
] as const;
export type AgreeAnswer = 1 | 2 | 3 | 4 | 5;

/** The fewest answers a group's results are ever shown from: stricter than the digests' 3. */
export const MIN_GROUP_FLOOR = 5;

const isoDate = z.string().refine(isIsoDate, 'must be a date, YYYY-MM-DD');
const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be HH:MM');
const words = z.string().min(10).max(200);

export const pulseVersion = z.strictObject({
  effectiveFrom: isoDate,
  note: z.string().min(1),
  statements: z.strictObject({ understand: words, contact: words, valued: words, learned: words }),
  /** Results are shown only for groups with at least this many answers in a quarter. */
  minGroup: z.number().int().min(MIN_GROUP_FLOOR, `must be at least ${MIN_GROUP_FLOOR}: opinions are more sensitive than counts`).max(50),
  send: z.strictObject({
    /** The pulse opens on this day of this month of each quarter (1, 2 or 3). */
    monthOfQuarter: z.number().int().min(1).max(3),
    dayOfMonth: z.number().int().min(1).max(28),
    /** Working hours in the person's own zone: the card and its reminder go only between these. */
    sendFrom: hhmm,
    sendUntil: hhmm,
    /** One reminder, this many working days after the card, unless they answered or said not now. */
    reminderAfterWorkingDays: z.number().int().min(1).max(20),
  }).refine((s) => s.sendFrom < s.sendUntil, 'sendFrom must be before sendUntil'),
  /** How many quarters the trend shows. */
  trendQuarters: z.number().int().min(2).max(12),
});
export type PulseVersion = z.infer<typeof pulseVersion>;

export const pulsePolicy = z.strictObject({
  version: z.number().int().min(1),
  versions: z.array(pulseVersion).min(1).refine(
    (vs) => vs.every((v, i) => i === 0 || vs[i - 1]!.effectiveFrom < v.effectiveFrom),
    'versions must be in order of effectiveFrom, each date once',
  ),
});
export type PulsePolicy = z.infer<typeof pulsePolicy>;

export function parsePulsePolicy(json: unknown, source = 'policy/pulse.json'): PulsePolicy {
  const parsed = pulsePolicy.safeParse(json);
  if (!parsed.success) {
    throw new Error(`The pulse policy in ${source} is not valid, so Weave cannot start:\n${parsed.error.issues.map((i) => `  - ${i.path.join('.') || '(top level)'}: ${i.message}`).join('\n')}`);
  }
  return parsed.data;
}

/** The version in force on a date (the first also covers anything before it). */
export function pulseOn(policy: PulsePolicy, date: IsoDate): PulseVersion {
  let current = policy.versions[0]!;
  for (const v of policy.versions) if (v.effectiveFrom <= date) current = v;
  return current;
}

// Quarters: calendar quarters, "2026-Q4" for October to December 2026.
export type Quarter = string;
const QUARTER = /^(\d{4})-Q([1-4])$/;

export function isQuarter(q: string): boolean {
  return QUARTER.test(q);
}

export function quarterOf(date: IsoDate): Quarter {
  return `${date.slice(0, 4)}-Q${Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1}`;
}

function parts(q: Quarter): { year: number; n: number } {
  const m = QUARTER.exec(q);
  if (!m) throw new Error(`not a quarter: ${q}`);
  return { year: Number(m[1]), n: Number(m[2]) };
}

export function quarterStart(q: Quarter): IsoDate {
  const { year, n } = parts(q);
  return `${year}-${String((n - 1) * 3 + 1).padStart(2, '0')}-01`;
}

/** The quarter's last day. */
export function quarterEnd(q: Quarter): IsoDate {
  const next = addMonths(quarterStart(q), 3);
  const d = new Date(`${next}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

export function previousQuarter(q: Quarter): Quarter {
  const { year, n } = parts(q);
  return n === 1 ? `${year - 1}-Q4` : `${year}-Q${n - 1}`;
}

/** The `count` quarters up to and including `q`, oldest first. */
export function quartersUpTo(q: Quarter, count: number): Quarter[] {
  const out = [q];
  while (out.length < count) out.unshift(previousQuarter(out[0]!));
  return out;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "October to December 2026". */
export function quarterLabel(q: Quarter): string {
  const { year, n } = parts(q);
  return `${MONTHS[(n - 1) * 3]} to ${MONTHS[(n - 1) * 3 + 2]} ${year}`;
}

/** "Oct–Dec 2026": for column headings. */
export function quarterShort(q: Quarter): string {
  const { year, n } = parts(q);
  return `${MONTHS[(n - 1) * 3]!.slice(0, 3)}–${MONTHS[(n - 1) * 3 + 2]!.slice(0, 3)} ${year}`;
}

/** The day the quarter's pulse opens. */
export function opensOn(q: Quarter, version: PulseVersion): IsoDate {
  return `${addMonths(quarterStart(q), version.send.monthOfQuarter - 1).slice(0, 8)}${String(version.send.dayOfMonth).padStart(2, '0')}`;
}

/** One answer, as stored: the group it belongs to and nothing about who gave it. */
export interface PulseResponse {
  quarter: Quarter;
  team: string;
  service: string;
  profession: string;
  understand: AgreeAnswer;
  contact: AgreeAnswer;
  valued: AgreeAnswer;
  learned: boolean;
}

export type PulseAnswers = Pick<PulseResponse, Statement>;

/** A shown group's results: how many answered, and the share (whole percent) agreeing with each statement (or saying yes). */
export interface PulseFigures {
  responses: number;
  understand: number;
  contact: number;
  valued: number;
  learned: number;
}

export function figuresOf(rs: readonly Pick<PulseResponse, Statement>[]): PulseFigures {
  const n = rs.length;
  const pct = (k: number) => (n === 0 ? 0 : Math.round((k / n) * 100));
  let understand = 0, contact = 0, valued = 0, learned = 0;
  for (const r of rs) {
    if (r.understand >= 4) understand += 1;
    if (r.contact >= 4) contact += 1;
    if (r.valued >= 4) valued += 1;
    if (r.learned) learned += 1;
  }
  return { responses: n, understand: pct(understand), contact: pct(contact), valued: pct(valued), learned: pct(learned) };
}

export type Dimension = 'service' | 'profession' | 'team';

/** One quarter's results as anyone may see them: a group absent or null is not shown. */
export interface QuarterResults {
  quarter: Quarter;
  organisation: PulseFigures | null;
  service: Map<string, PulseFigures | null>;
  profession: Map<string, PulseFigures | null>;
  team: Map<string, PulseFigures | null>;
  /** The service each team sits in (the one most of its answers came from). */
  serviceOfTeam: Map<string, string>;
}

const keyOf = (d: Dimension, name: string) => `${d}\u0000${name}`;

/**
 * Which groups of one quarter's answers may be shown. A group is shown only from at least `minGroup`
 * answers. Then, for every shown group and every other dimension, the groups of that dimension lying
 * wholly inside it are cells of a whole shown beside them: what is left of the whole once the shown
 * cells are taken away (the hidden cells and any answers in no cell) must be 0 or at least the
 * minimum, and a hidden cell must never be the only thing left, or more cells are hidden, smallest
 * first. That covers services, professions and teams within the organisation, teams within their
 * service, a team wholly of one profession inside it, and so on — until nothing changes. So no figure
 * from fewer than the minimum can be had by taking one view's figures from another's. (Taking groups
 * of two dimensions at once from a third is not covered: docs/security.md.)
 */
export function visibleGroups(responses: readonly Pick<PulseResponse, 'team' | 'service' | 'profession'>[], minGroup: number): Set<string> {
  const t = Math.max(minGroup, MIN_GROUP_FLOOR);
  const total = responses.length;
  if (total < t) return new Set();
  const size = new Map<string, number>();
  /** Answers two groups of different dimensions share, for every pair that shares any. */
  const overlap = new Map<string, { a: string; b: string; n: number }>();
  const bump = (k: string) => size.set(k, (size.get(k) ?? 0) + 1);
  const meet = (a: string, b: string) => {
    const k = `${a}\u0001${b}`;
    const o = overlap.get(k);
    if (o) o.n += 1;
    else overlap.set(k, { a, b, n: 1 });
  };
  for (const r of responses) {
    const [s, p, tm] = [keyOf('service', r.service), keyOf('profession', r.profession), keyOf('team', r.team)];
    bump(s);
    bump(p);
    bump(tm);
    meet(tm, p);
    meet(s, p);
    meet(tm, s);
  }
  const sizeOf = (k: string) => (k === 'organisation' ? total : size.get(k) ?? 0);
  const dimensionOf = (k: string) => k.slice(0, k.indexOf('\u0000'));
  const shown = new Set([...size.keys(), 'organisation']);
  for (const k of size.keys()) if (sizeOf(k) < t) shown.delete(k);

  // Each whole, and for each other dimension the groups wholly inside it.
  const wholes: { whole: string; cells: string[] }[] = [];
  const inside = new Map<string, string[]>();
  const add = (whole: string, cell: string) => {
    const k = `${whole}\u0001${dimensionOf(cell)}`;
    inside.set(k, [...(inside.get(k) ?? []), cell]);
  };
  for (const k of size.keys()) add('organisation', k);
  for (const { a, b, n } of overlap.values()) {
    if (n === sizeOf(b)) add(a, b);
    if (n === sizeOf(a)) add(b, a);
  }
  for (const [k, cells] of inside) wholes.push({ whole: k.slice(0, k.lastIndexOf('\u0001')), cells });

  for (let changed = true; changed;) {
    changed = false;
    for (const { whole, cells } of wholes) {
      if (!shown.has(whole)) continue;
      const sizes = cells.map(sizeOf);
      const rest = sizeOf(whole) - sizes.reduce((a, b) => a + b, 0);
      const hidden = hideUntilSafe(sizes, cells.map((k) => !shown.has(k)), rest, t);
      cells.forEach((k, i) => {
        if (hidden[i] && shown.delete(k)) changed = true;
      });
    }
  }
  return shown;
}

/**
 * Cells of a whole shown beside them, some hidden already, and `rest` answers of the whole in no
 * cell: hides more cells, smallest first, until what the shown cells leave of the whole is 0 or at
 * least t and is not one hidden cell alone (which would then be known exactly). Answers which cells
 * are hidden.
 */
export function hideUntilSafe(sizes: readonly number[], hidden: readonly boolean[], rest: number, t: number): boolean[] {
  const out = sizes.map((n, i) => hidden[i]! || (n > 0 && n < t));
  for (;;) {
    const hiddenCells = out.filter((h, i) => h && sizes[i]! > 0).length;
    const left = rest + sizes.reduce((s, n, i) => s + (out[i] ? n : 0), 0);
    if (!((left > 0 && left < t) || (hiddenCells === 1 && rest === 0))) return out;
    const next = sizes.map((n, i) => [n, i] as const).filter(([n, i]) => n > 0 && !out[i]).sort((a, b) => a[0] - b[0])[0];
    if (!next) return out;
    out[next[1]] = true;
  }
}

/** One quarter's results, every group not shown left null. */
export function quarterResults(quarter: Quarter, responses: readonly PulseResponse[], minGroup: number): QuarterResults {
  const shown = visibleGroups(responses, minGroup);
  const groups = new Map<string, PulseResponse[]>();
  const add = (k: string, r: PulseResponse) => {
    const list = groups.get(k);
    if (list) list.push(r);
    else groups.set(k, [r]);
  };
  const teamServices = new Map<string, Map<string, number>>();
  for (const r of responses) {
    add(keyOf('service', r.service), r);
    add(keyOf('profession', r.profession), r);
    add(keyOf('team', r.team), r);
    const ts = teamServices.get(r.team) ?? new Map<string, number>();
    ts.set(r.service, (ts.get(r.service) ?? 0) + 1);
    teamServices.set(r.team, ts);
  }
  const out: QuarterResults = {
    quarter,
    organisation: shown.has('organisation') ? figuresOf(responses) : null,
    service: new Map(), profession: new Map(), team: new Map(),
    serviceOfTeam: new Map([...teamServices].map(([team, s]) => [team, [...s.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]![0]])),
  };
  for (const [k, rs] of groups) {
    const [d, name] = k.split('\u0000') as [Dimension, string];
    out[d].set(name, shown.has(k) ? figuresOf(rs) : null);
  }
  return out;
}

/** Every quarter's results, oldest first. */
export function pulseResults(quarters: readonly Quarter[], responses: readonly PulseResponse[], minGroup: number): QuarterResults[] {
  const byQuarter = new Map<Quarter, PulseResponse[]>(quarters.map((q) => [q, []]));
  for (const r of responses) byQuarter.get(r.quarter)?.push(r);
  return quarters.map((q) => quarterResults(q, byQuarter.get(q)!, minGroup));
}

/** The shown figure of a group across quarters (null where not shown). */
export function trendOf(results: readonly QuarterResults[], dimension: Dimension | 'organisation', name = ''): (PulseFigures | null)[] {
  return results.map((r) => (dimension === 'organisation' ? r.organisation : r[dimension].get(name) ?? null));
}

/**
 * A group whose "valued" share fell two quarters running: three shown quarters in a row, each lower
 * than the one before, ending with the latest.
 */
export function valuedFalling(trend: readonly (PulseFigures | null)[]): boolean {
  const [a, b, c] = trend.slice(-3);
  return !!a && !!b && !!c && b.valued < a.valued && c.valued < b.valued;
}

/**
 * What a manager sees of their team in one quarter: the team's own figures if shown; otherwise its
 * service's (the team is pooled into it), otherwise the organisation's; or nothing.
 */
export function teamOrPooled(r: QuarterResults, team: string): { level: 'team' | 'service' | 'organisation'; name: string; figures: PulseFigures } | null {
  const own = r.team.get(team);
  if (own) return { level: 'team', name: team, figures: own };
  const service = r.serviceOfTeam.get(team);
  const pooled = service ? r.service.get(service) : undefined;
  if (service && pooled) return { level: 'service', name: service, figures: pooled };
  return r.organisation ? { level: 'organisation', name: 'the organisation', figures: r.organisation } : null;
}
