// Registration readiness: where someone stands against their regulator's CPD requirements in the
// current registration period. The rules are data (policy/registration.json), versioned by date.
import { z } from 'zod';
import { addDays, addMonths, daysBetween, type IsoDate } from './calendar';
import type { CpdFacts } from './cpd';
import { isIsoDate } from './validation';
import type { RegistrationBody } from './workforce';

const monthDay = z.string().refine((md) => /^\d{2}-\d{2}$/.test(md) && isIsoDate(`2024-${md}`), 'must be a real day of the year, MM-DD');

const regulatorRules = z.object({
  swe: z.strictObject({
    cycle: z.strictObject({ every: z.literal('year'), startsOn: monthDay }),
    renewal: z.strictObject({ from: monthDay, to: monthDay }),
    requires: z.strictObject({ records: z.number().int().min(0), withPeerReflection: z.number().int().min(0) }),
  }),
  hcpc: z.strictObject({
    cycle: z.strictObject({ every: z.literal('twoYears'), startsOn: monthDay, endsInOddYears: z.boolean() }),
    renewal: z.strictObject({ from: monthDay, to: monthDay }),
    requires: z.strictObject({ activityTypes: z.number().int().min(0), maxGapMonths: z.number().int().min(1) }),
  }),
  nmc: z.strictObject({
    cycle: z.strictObject({ every: z.literal('threeYearsFromPersonalDate') }),
    renewal: z.strictObject({ monthsBeforeEnd: z.number().int().min(0).max(12) }),
    requires: z.strictObject({
      hours: z.number().min(0), participatoryHours: z.number().min(0), feedback: z.number().int().min(0),
      reflections: z.number().int().min(0), reflectiveDiscussions: z.number().int().min(0),
    }),
  }),
  // The Teaching Regulation Agency: a teacher's reference number and QTS, which does not lapse; no CPD renewal.
  tra: z.strictObject({ cpdRenewal: z.literal('none'), note: z.string().min(1) }).optional(),
});

export const registrationPolicy = z.strictObject({
  version: z.number().int().min(1),
  versions: z.array(z.strictObject({
    effectiveFrom: z.string().refine(isIsoDate, 'must be a date, YYYY-MM-DD'),
    note: z.string().min(1),
    regulators: regulatorRules,
  })).min(1).refine((vs) => vs.every((v, i) => i === 0 || vs[i - 1]!.effectiveFrom < v.effectiveFrom), 'versions must be in order of effectiveFrom'),
});
export type RegistrationPolicy = z.infer<typeof registrationPolicy>;
type Rules = z.infer<typeof regulatorRules>;

export function parseRegistrationPolicy(json: unknown, source = 'policy/registration.json'): RegistrationPolicy {
  const parsed = registrationPolicy.safeParse(json);
  if (!parsed.success) {
    throw new Error(`The registration rules in ${source} are not valid, so Weave cannot start:\n${parsed.error.issues.map((i) => `  - ${i.path.join('.')}: ${i.message}`).join('\n')}`);
  }
  return parsed.data;
}

function rulesOn(policy: RegistrationPolicy, date: IsoDate): Rules {
  let current = policy.versions[0]!;
  for (const v of policy.versions) if (v.effectiveFrom <= date) current = v;
  return current.regulators;
}

export interface Period {
  from: IsoDate;
  to: IsoDate;
}

export interface Check {
  label: string;
  have: number;
  need: number;
  /** What is counted, as one and as more: ['piece', 'pieces']. */
  unit: readonly [string, string];
  met: boolean;
}

export interface Readiness {
  regulator: RegistrationBody;
  /** The registration period asOf falls in; null for people with no regulator. */
  period: Period | null;
  renewal: Period | null;
  inRenewalWindow: boolean;
  checks: Check[];
  /** Stretches of three months or more with nothing recorded (HCPC asks for these to be explained). */
  gaps: Period[];
  /** The person must tell Weave something first (an NMC registrant's revalidation date). */
  needsFromPerson: string | null;
  met: boolean;
}

/** The cycle of a regulator that contains `date`. */
export function periodFor(policy: RegistrationPolicy, regulator: 'swe' | 'hcpc', date: IsoDate): Period {
  const rules = rulesOn(policy, date);
  if (regulator === 'swe') {
    const start = `${date.slice(0, 4)}-${rules.swe.cycle.startsOn}`;
    const from = start <= date ? start : `${Number(date.slice(0, 4)) - 1}-${rules.swe.cycle.startsOn}`;
    return { from, to: addDays(addMonths(from, 12), -1) };
  }
  // Two-year cycles starting in odd years (so ending in odd years), or even ones.
  const parity = rules.hcpc.cycle.endsInOddYears ? 1 : 0;
  let year = Number(date.slice(0, 4));
  while (year % 2 !== parity || `${year}-${rules.hcpc.cycle.startsOn}` > date) year -= 1;
  const from = `${year}-${rules.hcpc.cycle.startsOn}`;
  return { from, to: addDays(addMonths(from, 24), -1) };
}

/** The renewal window in the last year of a period. */
function window(to: IsoDate, monthDayFrom: string, monthDayTo: string): Period {
  const endYear = to.slice(0, 4);
  return { from: `${endYear}-${monthDayFrom}`, to: `${endYear}-${monthDayTo}` };
}

const check = (label: string, have: number, need: number, unit: Check['unit']): Check => ({ label, have, need, unit, met: have >= need });

/** Gaps of `months` or more between the period's start, each record, and the end of what has happened so far. */
export function gapsIn(period: Period, dates: readonly IsoDate[], asOf: IsoDate, months: number): Period[] {
  const end = asOf < period.to ? asOf : period.to;
  const points = [period.from, ...dates.filter((d) => d >= period.from && d <= end).sort(), end];
  const gaps: Period[] = [];
  for (let i = 1; i < points.length; i++) {
    if (addMonths(points[i - 1]!, months) <= points[i]!) gaps.push({ from: points[i - 1]!, to: points[i]! });
  }
  return gaps;
}

export function readiness(
  policy: RegistrationPolicy,
  regulator: RegistrationBody,
  records: readonly CpdFacts[],
  asOf: IsoDate,
  opts: { revalidationDate?: IsoDate | null } = {},
): Readiness {
  const rules = rulesOn(policy, asOf);
  const within = (p: Period) => records.filter((r) => r.date >= p.from && r.date <= p.to);
  const none = { gaps: [], needsFromPerson: null };

  if (regulator === 'swe') {
    const period = periodFor(policy, 'swe', asOf);
    const renewal = window(period.to, rules.swe.renewal.from, rules.swe.renewal.to);
    const mine = within(period).filter((r) => r.reflected);
    const checks = [
      check('Pieces of CPD with a reflection', mine.length, rules.swe.requires.records, ['piece', 'pieces']),
      check('With a peer reflection', mine.filter((r) => r.peerReflected).length, rules.swe.requires.withPeerReflection, ['piece', 'pieces']),
    ];
    return { regulator, period, renewal, inRenewalWindow: asOf >= renewal.from && asOf <= renewal.to, checks, ...none, met: checks.every((c) => c.met) };
  }

  if (regulator === 'hcpc') {
    const period = periodFor(policy, 'hcpc', asOf);
    const renewal = window(period.to, rules.hcpc.renewal.from, rules.hcpc.renewal.to);
    const mine = within(period);
    const gaps = gapsIn(period, mine.map((r) => r.date), asOf, rules.hcpc.requires.maxGapMonths);
    const checks = [
      check('Kinds of activity', new Set(mine.map((r) => r.activityType)).size, rules.hcpc.requires.activityTypes, ['kind', 'kinds']),
      { label: `A continuous record (no gap of ${rules.hcpc.requires.maxGapMonths} months or more)`, have: gaps.length, need: 0, unit: ['gap', 'gaps'] as const, met: gaps.length === 0 },
    ];
    return { regulator, period, renewal, inRenewalWindow: asOf >= renewal.from && asOf <= renewal.to, checks, gaps, needsFromPerson: null, met: checks.every((c) => c.met) };
  }

  if (regulator === 'nmc') {
    const revalidation = opts.revalidationDate ?? null;
    // Without their date, count the last three years, and ask for it.
    const to = revalidation ?? asOf;
    const period = { from: addDays(addMonths(to, -36), 1), to };
    const renewal = revalidation ? { from: addMonths(revalidation, -rules.nmc.renewal.monthsBeforeEnd), to: revalidation } : null;
    const mine = within(period);
    const r = rules.nmc.requires;
    const checks = [
      check('Hours of CPD', round(mine.reduce((n, x) => n + x.hours, 0)), r.hours, ['hour', 'hours']),
      check('Participatory hours', round(mine.reduce((n, x) => n + x.participatoryHours, 0)), r.participatoryHours, ['hour', 'hours']),
      check('Pieces of practice-related feedback', mine.filter((x) => x.includesFeedback).length, r.feedback, ['piece', 'pieces']),
      check('Written reflective accounts', mine.filter((x) => x.reflected).length, r.reflections, ['account', 'accounts']),
      check('Reflective discussion with another registrant', mine.filter((x) => x.reflectiveDiscussion).length, r.reflectiveDiscussions, ['discussion', 'discussions']),
    ];
    return {
      regulator, period, renewal, inRenewalWindow: !!renewal && asOf >= renewal.from && asOf <= renewal.to, checks, gaps: [],
      needsFromPerson: revalidation ? null : 'Add your NMC revalidation date to your profile, so Weave counts the right three years.',
      met: checks.every((c) => c.met),
    };
  }

  return { regulator, period: null, renewal: null, inRenewalWindow: false, checks: [], ...none, met: true };
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}

export function daysLeft(period: Period, asOf: IsoDate): number {
  return daysBetween(asOf, period.to);
}
