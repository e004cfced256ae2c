// A team's training plan: its members' open learning needs rolled up by Common Core area and
// sub-heading and by how they would like to learn, how supervision and appraisal are going, who is
// mentoring, what learning triggers concern them, and what to do about the biggest needs. Raw
// counts, with no names: what a channel may see of it is decided by core/digest.ts.
import { addDays, type IsoDate } from './calendar';
import { AREA_CODES } from './commonCore';
import type { NeedFacts } from './needs';
import type { PlanPolicy } from './planPolicy';
import { affects, isActive, type LearningTrigger } from './triggers';

export type { NeedFacts } from './needs';
import type { Profession } from './workforce';

export interface RollupPerson {
  id: string;
  team: string;
  profession: Profession;
}

export interface SessionFacts {
  personId: string;
  kind: 'supervision' | 'appraisal' | 'midyear';
  date: IsoDate;
  status: string;
  answered: boolean;
}

export interface MentoringFacts {
  /** Mentors who can take someone now: their strengths. */
  offers: readonly { personId: string; strengths: readonly string[] }[];
  /** Pairs proposed or under way. */
  pairs: readonly { mentorId: string; menteeId: string }[];
  waiting: readonly string[];
}

export interface Counted {
  code: string;
  people: number;
}

export interface TeamPlan {
  team: string;
  period: IsoDate;
  headcount: number;
  withOpenNeeds: number;
  openNeeds: number;
  areas: (Counted & { needs: number })[];
  subHeadings: Counted[];
  activities: Counted[];
  /**
   * Supervision in the last four weeks (the window), in people: those with one on the calendar
   * (recorded or expected, whatever came of it), those who had one held (confirmed by their
   * supervisor), and those who prepared for their latest. `held` is missing from plans stored
   * before it was counted.
   */
  supervision: { due: number; held?: number; prepared: number };
  appraisal: { expected: number; done: number };
  mentoring: { inPairs: number; offering: number; waiting: number };
  /** Active learning triggers concerning members; the fewest members any one of them concerns. */
  triggers: { count: number; codes: string[]; fewestAffected: number };
  suggestions: { code: string; people: number; activity: string | null; mentors: number }[];
}

export interface TeamPlanInput {
  team: string;
  period: IsoDate;
  policy: PlanPolicy;
  members: readonly RollupPerson[];
  needs: readonly NeedFacts[];
  /** Supervision sessions of the last few weeks (policy.completionWindowDays). */
  sessions: readonly SessionFacts[];
  /** People whose appraisal was held, or prepared for, in the last twelve months. */
  appraised: ReadonlySet<string>;
  mentoring: MentoringFacts;
  triggers: readonly LearningTrigger[];
}

const areaOf = (code: string) => code.split('.')[0]!;

/** How many distinct people each key has, from (person, keys) pairs. */
function peopleBy(items: Iterable<{ personId: string; keys: readonly string[] }>): Map<string, Set<string>> {
  const by = new Map<string, Set<string>>();
  for (const { personId, keys } of items) {
    for (const key of keys) {
      let set = by.get(key);
      if (!set) by.set(key, (set = new Set()));
      set.add(personId);
    }
  }
  return by;
}

const ranked = (by: Map<string, Set<string>>): Counted[] =>
  [...by.entries()].map(([code, set]) => ({ code, people: set.size })).sort((a, b) => b.people - a.people || a.code.localeCompare(b.code));

/** Mentors (anywhere in the organisation) with a strength in this area. */
export function mentorsFor(area: string, mentoring: MentoringFacts): number {
  return mentoring.offers.filter((o) => o.strengths.some((s) => areaOf(s) === area)).length;
}

export function computeTeamPlan(input: TeamPlanInput): TeamPlan {
  const { members, policy, period } = input;
  const ids = new Set(members.map((m) => m.id));
  const open = input.needs.filter((n) => n.open && ids.has(n.personId));

  const byArea = peopleBy(open.map((n) => ({ personId: n.personId, keys: [...new Set(n.codes.map(areaOf))] })));
  const needsInArea = new Map<string, number>();
  for (const n of open) for (const a of new Set(n.codes.map(areaOf))) needsInArea.set(a, (needsInArea.get(a) ?? 0) + 1);
  const areas = AREA_CODES.map((code) => ({ code, people: byArea.get(code)?.size ?? 0, needs: needsInArea.get(code) ?? 0 }));
  const subHeadings = ranked(peopleBy(open.map((n) => ({ personId: n.personId, keys: n.codes.filter((c) => c.includes('.')) })))).slice(0, 5);
  const activities = ranked(peopleBy(open.map((n) => ({ personId: n.personId, keys: n.activityTypes }))));

  const windowFrom = addDays(period, -policy.completionWindowDays);
  const counted = (s: SessionFacts) => ids.has(s.personId) && s.status !== 'cancelled' && s.status !== 'moved' && s.status !== 'superseded';
  const recentSupervision = input.sessions.filter((s) => counted(s) && s.kind === 'supervision' && s.date >= windowFrom && s.date < period);
  // People, not sessions: someone weekly must not count four times, and must not be singled out.
  const latest = new Map<string, SessionFacts>();
  for (const s of recentSupervision) if (!latest.has(s.personId) || latest.get(s.personId)!.date < s.date) latest.set(s.personId, s);
  const appraised = members.filter((m) => input.appraised.has(m.id)).length;

  const pairs = input.mentoring.pairs.filter((p) => ids.has(p.mentorId) || ids.has(p.menteeId));
  const inPairs = new Set(pairs.flatMap((p) => [p.mentorId, p.menteeId].filter((id) => ids.has(id))));
  const relevant = input.triggers.filter((t) => isActive(t, period) && members.some((m) => affects(t, m)))
    .map((t) => ({ trigger: t, affected: members.filter((m) => affects(t, m)).length }));

  const suggestions = [...areas].sort((a, b) => b.people - a.people || a.code.localeCompare(b.code)).filter((a) => a.people > 0).slice(0, policy.topAreas).map((a) => {
    const ways = ranked(peopleBy(open.filter((n) => n.codes.some((c) => areaOf(c) === a.code)).map((n) => ({ personId: n.personId, keys: n.activityTypes }))));
    return { code: a.code, people: a.people, activity: ways[0]?.code ?? null, mentors: mentorsFor(a.code, input.mentoring) };
  });

  return {
    team: input.team,
    period,
    headcount: members.length,
    withOpenNeeds: new Set(open.map((n) => n.personId)).size,
    openNeeds: open.length,
    areas,
    subHeadings,
    activities,
    supervision: {
      due: latest.size,
      // Held as its supervisor confirmed it after the day: preparing for it, or a date on the calendar, is not holding it.
      held: new Set(recentSupervision.filter((s) => s.status === 'held').map((s) => s.personId)).size,
      prepared: [...latest.values()].filter((s) => s.answered).length,
    },
    appraisal: { expected: members.length, done: appraised },
    mentoring: {
      inPairs: inPairs.size,
      offering: input.mentoring.offers.filter((o) => ids.has(o.personId)).length,
      waiting: input.mentoring.waiting.filter((id) => ids.has(id)).length,
    },
    triggers: {
      count: relevant.length,
      codes: [...new Set(relevant.flatMap((r) => r.trigger.codes.map(areaOf)))].sort(),
      fewestAffected: relevant.length ? Math.min(...relevant.map((r) => r.affected)) : 0,
    },
    suggestions,
  };
}
