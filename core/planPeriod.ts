// Plans run in years that follow the appraisal cycle: a need belongs to the plan year it was named
// in, and at appraisal the plan is reviewed and what continues is carried into the next year.
import { dateFormat } from './dateFormats';
import { addMonths, addDays, type IsoDate } from './calendar';
import { appraisalRuleFor, type CadencePerson } from './cadence';
import { policyOn, type CadencePolicy } from './cadencePolicy';

export interface PlanPeriod {
  /** The first day of the plan year: also its id. */
  start: IsoDate;
  end: IsoDate;
}

/** The plan year that contains `date`: from one appraisal date to the day before the next. */
export function planPeriodOf(policy: CadencePolicy, person: CadencePerson, date: IsoDate): PlanPeriod {
  const rule = appraisalRuleFor(policyOn(policy, date), person);
  const monthDay = 'on' in rule ? rule.on : 'anniversary' in rule && person.startDate ? person.startDate.slice(5) : '09-01';
  const year = Number(date.slice(0, 4));
  const thisYear = `${year}-${monthDay === '02-29' ? '02-28' : monthDay}`;
  const start = thisYear <= date ? thisYear : `${year - 1}-${thisYear.slice(5)}`;
  return { start, end: addDays(addMonths(start, 12), -1) };
}

export function describePeriod(period: PlanPeriod): string {
  const fmt = (d: IsoDate) => dateFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${d}T00:00:00Z`));
  return `${fmt(period.start)} to ${fmt(period.end)}`;
}
