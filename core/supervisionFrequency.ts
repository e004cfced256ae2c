// How often someone has had supervision against what the policy expects for them: held sessions
// (confirmed by their supervisor) against the policy's dates over a window, and the rule in words.
// A manager sees it for each of their people; the organisation only in totals by group.
import { addDays, type IsoDate } from './calendar';
import { supervisionRuleFor, supervisionsUntil, type CadencePerson } from './cadence';
import { policyOn, type CadencePolicy, type Interval, type SupervisionRule } from './cadencePolicy';

/** The window frequency is measured over: twelve weeks, long enough for a monthly cadence to show. */
export const FREQUENCY_WEEKS = 12;

function every(i: Interval): string {
  if ('weeks' in i) return i.weeks === 1 ? 'weekly' : i.weeks === 2 ? 'fortnightly' : `every ${i.weeks} weeks`;
  return i.months === 1 ? 'monthly' : `every ${i.months} months`;
}
const span = (i: Interval) => ('weeks' in i ? `${i.weeks} ${i.weeks === 1 ? 'week' : 'weeks'}` : `${i.months} ${i.months === 1 ? 'month' : 'months'}`);

/** "weekly for the first 6 weeks, fortnightly to 6 months, then monthly" */
export function describeSupervisionRule(rule: SupervisionRule): string {
  if ('every' in rule) return every(rule.every);
  if ('phases' in rule) {
    return [...rule.phases.map((p, i) => `${every(p.every)} ${i === 0 ? 'for the first' : 'to'} ${span(p.until)}`), `then ${every(rule.then)}`].join(', ');
  }
  if ('on' in rule) return `on set dates (${rule.on.length} a year)`;
  return 'none set';
}

export interface Frequency {
  /** Supervisions held (confirmed) in the window. */
  held: number;
  /** The supervisions the policy expects in the window, from when Weave knew them or they started, if later. */
  expected: number;
  /** Passed, and waiting for their supervisor to say what happened. */
  awaiting: number;
  rule: string;
}

/**
 * Over the `FREQUENCY_WEEKS` before `today`: held against expected. Expected counts the policy's
 * dates from the later of the window's start, their start date and when Weave first knew them.
 */
export function supervisionFrequency(policy: CadencePolicy, person: CadencePerson, sessions: readonly { date: IsoDate; status: string }[], today: IsoDate): Frequency {
  const from = addDays(today, -7 * FREQUENCY_WEEKS);
  const to = addDays(today, -1);
  const start = [from, person.startDate, person.knownSince].filter((d): d is IsoDate => !!d).sort().pop()!;
  const inWindow = sessions.filter((s) => s.date >= from && s.date <= to);
  return {
    held: inWindow.filter((s) => s.status === 'held').length,
    expected: start > to ? 0 : supervisionsUntil(policy, person, { lastHeld: null, after: addDays(start, -1), until: to }).length,
    awaiting: inWindow.filter((s) => s.status === 'unconfirmed').length,
    rule: describeSupervisionRule(supervisionRuleFor(policyOn(policy, today), person)),
  };
}
