// What a team channel may see of its training plan. Everything here is a count of people, and no
// count from 1 to threshold-1 is ever shown: it reads "fewer than 3". A proportion is shown only
// when both those who did and those who did not are at least the threshold, so nobody's need or
// missed supervision can be worked out; trends move only by at least the threshold too.
import { activityLabel } from './activities';
import { describeCode } from './commonCore';
import type { TeamPlan } from './teamPlan';

export type Shown = { n: number } | { fewerThan: number };

export function shown(n: number, threshold: number): Shown {
  return n === 0 || n >= threshold ? { n } : { fewerThan: threshold };
}

export function say(s: Shown): string {
  return 'n' in s ? String(s.n) : `fewer than ${s.fewerThan}`;
}

/** "8 of 11", or a phrase that gives away no group smaller than the threshold (including those left out). */
export function ofTotal(part: number, total: number, threshold: number): string {
  if (total === 0) return 'none yet';
  if (total < threshold) return `too few to show (fewer than ${threshold})`;
  const rest = total - part;
  if (rest === 0) return `all ${total}`;
  if (part >= threshold && rest >= threshold) return `${part} of ${total}`;
  if (part >= threshold) return `all but fewer than ${threshold} of ${total}`;
  return `fewer than ${threshold} of ${total}`;
}

export interface TeamDigest {
  team: string;
  /** Too few people to say anything about: the channel gets a notice, not figures. */
  tooSmall: boolean;
  headline: string;
  /** Areas whose count is shown exactly (it and the rest of the team both clear the threshold): safe to chart. */
  chart: { label: string; value: number }[];
  /** Every area anyone needs, with its count as it may be shown. */
  table: { label: string; value: string }[];
  subHeadings: string[];
  activities: string[];
  trend: string;
  supervision: string;
  appraisal: string;
  mentoring: string;
  triggers: string | null;
  suggestions: string[];
}

/** A count shown exactly: it, and the rest of the group, are each 0 or at least the threshold. */
export function exact(part: number, total: number, threshold: number): boolean {
  const ok = (n: number) => n === 0 || n >= threshold;
  return total >= threshold && ok(part) && ok(total - part);
}

/**
 * Said only between two weeks whose counts were both shown exactly, of the same team size, and
 * only when the change itself clears the threshold: a move of one or two people is never stated.
 */
function trendOf(plan: TeamPlan, previous: TeamPlan | null, threshold: number): string {
  if (!previous) return 'The first digest for this team: next week shows the trend.';
  const comparable = previous.headcount === plan.headcount && exact(plan.withOpenNeeds, plan.headcount, threshold) && exact(previous.withOpenNeeds, previous.headcount, threshold);
  const delta = plan.withOpenNeeds - previous.withOpenNeeds;
  if (!comparable || Math.abs(delta) < threshold) return 'No change to report since last week.';
  return `${Math.abs(delta)} ${delta > 0 ? 'more' : 'fewer'} people with open needs than last week.`;
}

/**
 * Supervision held in the last four weeks, of the whole team: what a manager can set beside who is
 * overdue (no session within the policy's interval) without the two seeming to disagree. How many
 * prepared is said of those held only when that number is itself shown exactly, so the pair never
 * gives away a group of one or two by subtraction.
 */
function supervisionLine(s: TeamPlan['supervision'], n: number, t: number): string {
  if (s.held === undefined) {
    // A plan stored before held supervision was counted knows only who had one on the calendar.
    return s.due === 0 ? 'No supervision on the calendar in the last four weeks.' : `Prepared for their latest supervision: ${ofTotal(s.prepared, s.due, t)} people.`;
  }
  if (s.held === 0) return 'Supervision held in the last four weeks: none.';
  const held = `Supervision held in the last four weeks: ${ofTotal(s.held, n, t)} people`;
  return exact(s.held, n, t) ? `${held}; prepared for it: ${ofTotal(Math.min(s.prepared, s.held), s.held, t)}.` : `${held}.`;
}

const sentence = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

export function teamDigest(plan: TeamPlan, previous: TeamPlan | null, threshold: number): TeamDigest {
  const t = threshold;
  const n = plan.headcount;
  const blank = { headline: '', chart: [], table: [], subHeadings: [], activities: [], trend: '', supervision: '', appraisal: '', mentoring: '', triggers: null, suggestions: [] };
  if (n < t) return { team: plan.team, tooSmall: true, ...blank };
  const areas = [...plan.areas].filter((a) => a.people > 0).sort((a, b) => b.people - a.people || a.code.localeCompare(b.code));
  const suggestions = plan.suggestions.filter((s) => s.people >= t).map((s) => {
    const how = s.activity ? `${activityLabel(s.activity).toLowerCase()}, the way most of them would like to learn` : 'a cross-profession session';
    const mentors = s.mentors >= t ? `; ${s.mentors} internal mentors offer this strength` : s.mentors > 0 ? `; fewer than ${t} internal mentors offer this strength` : '';
    return `${ofTotal(s.people, n, t)} need ${describeCode(s.code)}: try ${how}${mentors}.`;
  });
  return {
    team: plan.team,
    tooSmall: false,
    headline: sentence(`${ofTotal(plan.withOpenNeeds, n, t)} people have open learning needs.`),
    chart: areas.filter((a) => exact(a.people, n, t)).map((a) => ({ label: describeCode(a.code), value: a.people })),
    table: areas.map((a) => ({ label: describeCode(a.code), value: ofTotal(a.people, n, t) })),
    subHeadings: plan.subHeadings.filter((h) => exact(h.people, n, t)).slice(0, 3).map((h) => `${describeCode(h.code)} (${h.people})`),
    activities: plan.activities.filter((a) => exact(a.people, n, t)).slice(0, 3).map((a) => `${activityLabel(a.code)} (${a.people})`),
    trend: trendOf(plan, previous, t),
    supervision: supervisionLine(plan.supervision, n, t),
    appraisal: `Appraisal in the last year: ${ofTotal(plan.appraisal.done, plan.appraisal.expected, t)} people.`,
    mentoring: `In mentoring or shadowing pairs: ${say(shown(plan.mentoring.inPairs, t))}; offering to mentor: ${say(shown(plan.mentoring.offering, t))}; waiting for a match: ${say(shown(plan.mentoring.waiting, t))}.`,
    // A trigger aimed at one or two people in the team would point at them: only those concerning enough people are named.
    triggers: plan.triggers.count > 0 && plan.triggers.fewestAffected >= t ? `Learning triggers for this team: ${plan.triggers.codes.map(describeCode).join(', ')}.` : null,
    suggestions,
  };
}
