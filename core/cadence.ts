// When supervision and appraisal are expected, from the cadence policy, for anyone the manager has
// not given a date for. Supervision counts on from the last session held (or the start date) at
// the interval in force then; appraisal follows the organisation's cycle. Dates land on working days.
import { addDays, addMonths, addWeeks, daysBetween, onOrAfterWorkingDay, workingCalendar, type IsoDate, type WorkingCalendar } from './calendar';
import { policyOn, type AppraisalRule, type CadencePolicy, type Interval, type PolicyVersion, type Programme, type SupervisionRule, type When } from './cadencePolicy';
import type { CareerStage, Profession } from './workforce';

export type SessionKind = 'supervision' | 'appraisal' | 'midyear';

export const SESSION_LABELS: Record<SessionKind, string> = {
  supervision: 'supervision',
  appraisal: 'appraisal',
  midyear: 'mid-year review',
};

export interface CadencePerson {
  profession: Profession;
  careerStage: CareerStage;
  startDate: IsoDate | null;
  workingDays: readonly number[];
  /** When Weave first knew them (their first roster import, or introducing themselves): nothing can have been recorded before. */
  knownSince?: IsoDate | null;
}

/** A start date rule needs a start date: someone without one is taken as starting now, under the newest rules. */
function applies(when: When, person: CadencePerson): boolean {
  return (!when.profession || when.profession === person.profession) && (!when.careerStage || when.careerStage === person.careerStage)
    && (!when.startedBefore || (!!person.startDate && person.startDate < when.startedBefore))
    && (!when.startedFrom || !person.startDate || person.startDate >= when.startedFrom);
}

/** The early career programme and standards someone works to on a date, if any. */
export function programmeFor(policy: CadencePolicy, person: CadencePerson, date: IsoDate): Programme | undefined {
  return policyOn(policy, date).programmes.find((p) => applies(p.when, person));
}

export function supervisionRuleFor(version: PolicyVersion, person: CadencePerson): SupervisionRule {
  return version.supervision.rules.find((r) => applies(r.when, person))?.rule ?? version.supervision.default;
}

export function appraisalRuleFor(version: PolicyVersion, person: CadencePerson): AppraisalRule {
  return version.appraisal.rules.find((r) => applies(r.when, person))?.rule ?? version.appraisal.default;
}

export function supervisionMinutes(version: PolicyVersion, person: CadencePerson): number {
  return version.supervision.minutes.rules.find((r) => applies(r.when, person))?.minutes ?? version.supervision.minutes.default;
}

export function plus(date: IsoDate, interval: Interval): IsoDate {
  return 'weeks' in interval ? addWeeks(date, interval.weeks) : addMonths(date, interval.months);
}

/** The gap to the next supervision for a session on `date`, or null for rules of fixed dates or none. */
export function intervalAt(rule: SupervisionRule, person: CadencePerson, date: IsoDate): Interval | null {
  if ('every' in rule) return rule.every;
  if ('phases' in rule) {
    if (!person.startDate) return rule.then;
    return rule.phases.find((p) => date < plus(person.startDate!, p.until))?.every ?? rule.then;
  }
  return null;
}

/** The first of these month-days (moved to a working day) strictly after `after`, in any year. */
function nextMonthDay(monthDays: readonly string[], after: IsoDate, calendar: WorkingCalendar): IsoDate {
  const year = Number(after.slice(0, 4));
  return [year - 1, year, year + 1]
    .flatMap((y) => monthDays.map((md) => onOrAfterWorkingDay(`${y}-${md === '02-29' ? '02-28' : md}`, calendar)))
    .filter((d) => d > after)
    .sort()[0]!;
}

const MAX_STEPS = 5_000;
/** A grid date this many days before a day cannot land after it, however many holidays and days off follow it. */
const WORKING_DAY_SLACK = 21;

const sameInterval = (a: Interval, b: Interval) => ('weeks' in a ? 'weeks' in b && a.weeks === b.weeks : 'months' in b && a.months === b.months);
const times = (interval: Interval, n: number): Interval => ('weeks' in interval ? { weeks: interval.weeks * n } : { months: interval.months * n });

/** The first date after `anchor` at which the rule for the person may change: a new policy version, or the next phase. */
function nextBoundary(policy: CadencePolicy, rule: SupervisionRule, person: CadencePerson, anchor: IsoDate): IsoDate {
  const dates = policy.versions.map((v) => v.effectiveFrom);
  if ('phases' in rule && person.startDate) dates.push(...rule.phases.map((p) => plus(person.startDate!, p.until)));
  return dates.filter((d) => d > anchor).sort()[0] ?? '9999-12-31';
}

/** The largest n with base + interval × n before `limit` (0 when none is). */
function stepsBefore(base: IsoDate, interval: Interval, limit: IsoDate): number {
  if ('weeks' in interval) return Math.max(0, Math.ceil(daysBetween(base, limit) / (7 * interval.weeks)) - 1);
  const months = (Number(limit.slice(0, 4)) - Number(base.slice(0, 4))) * 12 + Number(limit.slice(5, 7)) - Number(base.slice(5, 7));
  let n = Math.max(0, Math.floor(months / interval.months));
  while (n > 0 && plus(base, times(interval, n)) >= limit) n -= 1;
  return n;
}

/**
 * The supervisions Weave expects after `after`, in order, each on the person's working day: counted
 * on from the last session held (or the start date, or failing both the policy's first date) at
 * the interval in force at each step.
 */
export function* expectedSupervisions(policy: CadencePolicy, person: CadencePerson, opts: { lastHeld: IsoDate | null; after: IsoDate }): Generator<IsoDate> {
  const calendar = workingCalendar(person.workingDays);
  let anchor = opts.lastHeld ?? person.startDate ?? policy.versions[0]!.effectiveFrom;
  const farBefore = addDays(opts.after, -WORKING_DAY_SLACK);
  // Steps of one interval count from where that interval began (31 January, 31 March, 30 April…),
  // not from the step before, so month ends do not drift to the 28th.
  let base = anchor;
  let steps = 0;
  let current: Interval | null = null;
  for (let step = 0; step < MAX_STEPS; step++) {
    const rule = supervisionRuleFor(policyOn(policy, anchor), person);
    if ('none' in rule) return;
    if ('on' in rule) {
      for (let d = nextMonthDay(rule.on, opts.after, calendar), n = 0; n < MAX_STEPS; d = nextMonthDay(rule.on, d, calendar), n++) yield d;
      return;
    }
    const interval = intervalAt(rule, person, anchor)!;
    if (!current || !sameInterval(current, interval)) {
      base = anchor;
      steps = 0;
      current = interval;
    }
    // Far behind `after`, and before anything could change the rule: skip the steps in between.
    if (anchor < farBefore) {
      const boundary = nextBoundary(policy, rule, person, anchor);
      const n = stepsBefore(base, interval, boundary < farBefore ? boundary : farBefore);
      if (n - 1 > steps) steps = n - 1;
    }
    steps += 1;
    const next = plus(base, times(interval, steps));
    if (next > farBefore) {
      const onWorkingDay = onOrAfterWorkingDay(next, calendar);
      if (onWorkingDay > opts.after) yield onWorkingDay;
    }
    anchor = next; // counting on from the grid, not the moved day, so dates do not drift
  }
}

/** The next supervision Weave expects strictly after `after`; null when the policy has no supervision for them. */
export function nextSupervision(policy: CadencePolicy, person: CadencePerson, opts: { lastHeld: IsoDate | null; after: IsoDate }): IsoDate | null {
  for (const date of expectedSupervisions(policy, person, opts)) return date;
  return null;
}

/** Every supervision expected after `after` up to `until` (inclusive). */
export function supervisionsUntil(policy: CadencePolicy, person: CadencePerson, opts: { lastHeld: IsoDate | null; after: IsoDate; until: IsoDate }): IsoDate[] {
  const dates: IsoDate[] = [];
  for (const date of expectedSupervisions(policy, person, opts)) {
    if (date > opts.until) break;
    dates.push(date);
  }
  return dates;
}

/**
 * When supervision falls due after the last one held: in the past means overdue. With none held,
 * one interval after they started, or after Weave first knew them if that is later: a council's
 * first roster import does not make everyone who has worked there for years overdue at once.
 */
export function supervisionDue(policy: CadencePolicy, person: CadencePerson, lastHeld: IsoDate | null): IsoDate | null {
  const known = person.knownSince && (!person.startDate || person.knownSince > person.startDate) ? person.knownSince : null;
  const anchor = lastHeld ?? known ?? person.startDate;
  if (!anchor) return null;
  return nextSupervision(policy, person, { lastHeld: anchor, after: anchor });
}

/** The next appraisal or mid-year review strictly after `after`, under the policy in force then. */
export function nextAppraisal(policy: CadencePolicy, person: CadencePerson, after: IsoDate): { kind: 'appraisal' | 'midyear'; date: IsoDate } | null {
  const calendar = workingCalendar(person.workingDays);
  const rule = appraisalRuleFor(policyOn(policy, after), person);
  if ('none' in rule) return null;
  const options: { kind: 'appraisal' | 'midyear'; monthDay: string }[] = [];
  if ('on' in rule) {
    options.push({ kind: 'appraisal', monthDay: rule.on });
    if (rule.midYear) options.push({ kind: 'midyear', monthDay: rule.midYear });
  } else {
    if (!person.startDate) return null;
    options.push({ kind: 'appraisal', monthDay: person.startDate.slice(5) });
    if (rule.midYear) options.push({ kind: 'midyear', monthDay: addMonths(person.startDate, 6).slice(5) });
  }
  return options
    .map((o) => ({ kind: o.kind, date: nextMonthDay([o.monthDay], after, calendar) }))
    .sort((a, b) => a.date.localeCompare(b.date))[0]!;
}
