// When supervision and appraisal are expected, from the cadence policy, for anyone the manager has
// not given a date for. Supervision counts on from the last session held (or the start date) at
// the interval in force then; appraisal follows the organisation's cycle. Dates land on working days.
import { addMonths, addWeeks, onOrAfterWorkingDay, workingCalendar, type IsoDate, type WorkingCalendar } from './calendar';
import { policyOn, type AppraisalRule, type CadencePolicy, type Interval, type PolicyVersion, type SupervisionRule } from './cadencePolicy';
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
}

type When = { profession?: Profession | undefined; careerStage?: CareerStage | undefined };

function applies(when: When, person: CadencePerson): boolean {
  return (!when.profession || when.profession === person.profession) && (!when.careerStage || when.careerStage === person.careerStage);
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

/**
 * The next supervision Weave expects strictly after `after`: counted on from the last session held
 * (or the start date, or failing both the policy's first date) at the interval in force at each
 * step, on the person's working day. Null when the policy has no supervision for them.
 */
export function nextSupervision(policy: CadencePolicy, person: CadencePerson, opts: { lastHeld: IsoDate | null; after: IsoDate }): IsoDate | null {
  const calendar = workingCalendar(person.workingDays);
  let anchor = opts.lastHeld ?? person.startDate ?? policy.versions[0]!.effectiveFrom;
  // Steps of one interval count from where that interval began (31 January, 31 March, 30 April…),
  // not from the step before, so month ends do not drift to the 28th.
  let base = anchor;
  let steps = 0;
  let current: Interval | null = null;
  for (let step = 0; step < MAX_STEPS; step++) {
    const rule = supervisionRuleFor(policyOn(policy, anchor), person);
    if ('none' in rule) return null;
    if ('on' in rule) return nextMonthDay(rule.on, opts.after, calendar);
    const interval = intervalAt(rule, person, anchor)!;
    if (!current || JSON.stringify(current) !== JSON.stringify(interval)) {
      base = anchor;
      steps = 0;
      current = interval;
    }
    steps += 1;
    const next = plus(base, 'weeks' in interval ? { weeks: interval.weeks * steps } : { months: interval.months * steps });
    const onWorkingDay = onOrAfterWorkingDay(next, calendar);
    if (onWorkingDay > opts.after) return onWorkingDay;
    anchor = next; // counting on from the grid, not the moved day, so dates do not drift
  }
  return null;
}

/** When supervision falls due after the last one held: in the past means overdue. */
export function supervisionDue(policy: CadencePolicy, person: CadencePerson, lastHeld: IsoDate | null): IsoDate | null {
  const anchor = lastHeld ?? person.startDate;
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
