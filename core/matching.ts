// Who to propose as whose mentor. Every waiting request is paired with at most one mentor so that
// the total fit is as high as it can be (core/assignment.ts), across professions wherever possible,
// never within a line-management chain, within each mentor's capacity; and everyone left waiting
// is told why.
import { optimalAssignment, type Assignment, type AssignmentEdge, type AssignmentProblem } from './assignment';
import { describeCode } from './commonCore';
import type { IsoDate } from './calendar';
import { MENTORING_KINDS, pairKey, slotLabel, type MentorOffer, type MentorRequest, type MentoringPolicy } from './mentoring';
import { professionLabel, withArticle, type CareerStage, type Profession } from './workforce';

export interface MatchPerson {
  id: string;
  profession: Profession;
  team: string;
  service: string;
  careerStage: CareerStage;
  managerId: string | null;
  supervisorId: string | null;
}

export interface MatchingInput {
  policy: MentoringPolicy;
  /** Everyone who may take part (active staff). */
  people: ReadonlyMap<string, MatchPerson>;
  offers: readonly MentorOffer[];
  /** Requests waiting to be matched. */
  requests: readonly MentorRequest[];
  /** How many people each mentor is already proposed to or mentoring. */
  load: ReadonlyMap<string, number>;
  /** Pairs (pairKey) not to propose again: declined, lapsed, or met before. */
  excludedPairs: ReadonlySet<string>;
  /** Everyone's line manager, leavers included, so a chain is followed through someone who has left. */
  managers?: ReadonlyMap<string, string | null>;
  today: IsoDate;
  /** The solver; a benchmark swaps in a greedy one to compare. */
  solve?: (problem: AssignmentProblem) => Assignment;
}

export interface Proposal {
  requestId: string;
  menteeId: string;
  mentorId: string;
  /** In policy units (the sum of the weights that applied). */
  score: number;
  reasons: string[];
  sameProfession: boolean;
}

export interface NotYet {
  requestId: string;
  menteeId: string;
  reason: string;
}

export interface MatchingResult {
  proposals: Proposal[];
  notYet: NotYet[];
  /** Pairings the solver could choose from, after every hard rule. */
  candidatePairs: number;
  totalScore: number;
}

/** Scores are kept as integers (hundredths) so the solver is exact. */
const UNIT = 100;
const LEVEL: Record<CareerStage, number> = { early_career: 0, experienced: 1, senior: 2, manager: 3 };

/** A mentor's strengths, indexed: the exact codes, and the areas they cover (CC3.S2 covers CC3). */
interface Strengths {
  codes: Set<string>;
  areas: Map<string, string>;
}

function indexStrengths(strengths: readonly string[]): Strengths {
  const areas = new Map<string, string>();
  for (const s of strengths) {
    const area = s.split('.')[0]!;
    if (!areas.has(area) || s === area) areas.set(area, s);
  }
  return { codes: new Set(strengths), areas };
}

/** How well a mentor's strengths meet the need codes: exactly (a sub-heading), or in the same area. */
function fit(policy: MentoringPolicy, needCodes: readonly string[], strengths: Strengths): { value: number; used: string[] } {
  let value = 0;
  const used: string[] = [];
  for (const code of needCodes) {
    if (code.includes('.') && strengths.codes.has(code)) {
      value += policy.weights.subHeadingMatch;
      used.push(code);
      continue;
    }
    const area = code.split('.')[0]!;
    const inArea = strengths.areas.get(area);
    if (inArea) {
      value += policy.weights.areaMatch;
      used.push(inArea.includes('.') || code.includes('.') ? area : inArea);
    }
  }
  return { value, used: [...new Set(used)] };
}

/** Each person's managers up the line, for the rule that nobody mentors within their own chain. */
function lineOf(managers: ReadonlyMap<string, string | null>) {
  const memo = new Map<string, Set<string>>();
  return (id: string): Set<string> => {
    const known = memo.get(id);
    if (known) return known;
    const above = new Set<string>();
    let at = managers.get(id) ?? null;
    while (at && !above.has(at) && above.size < 50) {
      above.add(at);
      at = managers.get(at) ?? null;
    }
    memo.set(id, above);
    return above;
  };
}

/** Why these two, in words both will read: worked out only for the pairs proposed. */
function reasonsFor(request: MentorRequest, offer: MentorOffer, used: readonly string[], mentor: MatchPerson, mentee: MatchPerson, sameProfession: boolean): string[] {
  const reasons = [`strength in ${used.map(describeCode).join(', ')}`];
  reasons.push(sameProfession
    ? `both ${professionLabel(mentor.profession).toLowerCase()}s (nobody from another profession was free to fit this time)`
    : `${withArticle(professionLabel(mentor.profession))} and ${withArticle(professionLabel(mentee.profession))}`);
  if (mentor.team !== mentee.team) reasons.push(`from different teams (${mentor.team} and ${mentee.team})`);
  const overlap = offer.availability.length === 0 || request.availability.length === 0 ? [] : offer.availability.filter((s) => request.availability.includes(s));
  if (overlap.length > 0) reasons.push(`both free on ${overlap.slice(0, 2).map(slotLabel).join(' and ')}${overlap.length > 2 ? ' and more' : ''}`);
  if (request.preferProfession && mentor.profession === request.preferProfession) reasons.push('the profession you asked to learn from');
  if (request.locality && offer.locality === request.locality) reasons.push(`both in ${offer.locality}`);
  return reasons;
}

export function matchMentors(input: MatchingInput): MatchingResult {
  const { policy, people, today } = input;
  const w = policy.weights;
  const line = lineOf(input.managers ?? new Map([...people.values()].map((p) => [p.id, p.managerId])));
  const related = (a: MatchPerson, b: MatchPerson) =>
    line(a.id).has(b.id) || line(b.id).has(a.id) || a.supervisorId === b.id || b.supervisorId === a.id;

  const offers = [...input.offers].filter((o) => people.has(o.personId) && o.capacity > 0).sort((a, b) => a.personId.localeCompare(b.personId));
  // One request per person in a run (their oldest): two could otherwise pair them with one mentor twice.
  const seen = new Set<string>();
  const requests = [...input.requests].filter((r) => people.has(r.personId))
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.requestId.localeCompare(b.requestId))
    .filter((r) => !seen.has(r.personId) && !!seen.add(r.personId));
  const mentorIndex = new Map(offers.map((o, i) => [o.personId, i]));
  const strengthsOf = offers.map((o) => indexStrengths(o.strengths));
  const remaining = offers.map((o) => Math.max(0, o.capacity - (input.load.get(o.personId) ?? 0)));

  type Edge = AssignmentEdge & { offer: MentorOffer; used: string[]; score: number };
  /** Pairings with someone from another profession, and (the fallback) from the same one. */
  const cross: Edge[] = [];
  const same: Edge[] = [];
  const notYet = new Map<number, string>();

  for (const [ri, request] of requests.entries()) {
    const mentee = people.get(request.personId)!;
    const kind = MENTORING_KINDS[request.kind].toLowerCase();
    const codes = request.codes.map(describeCode).join(', ');
    // Each rule in turn; the first that leaves nobody is the reason they wait.
    const pool = offers.filter((o) => o.personId !== mentee.id && o.kinds.includes(request.kind));
    if (pool.length === 0) { notYet.set(ri, `Nobody offers ${kind} yet.`); continue; }
    const needCodes = [...new Set(request.codes)];
    const fits = pool.map((offer) => ({ offer, fit: fit(policy, needCodes, strengthsOf[mentorIndex.get(offer.personId)!]!) })).filter((c) => c.fit.value > 0);
    if (fits.length === 0) { notYet.set(ri, `Nobody offering ${kind} has a strength in ${codes} yet.`); continue; }
    let live = fits.filter((c) => !c.offer.pausedUntil || c.offer.pausedUntil <= today);
    if (live.length === 0) { notYet.set(ri, 'Everyone whose strengths fit is taking a break from mentoring for now.'); continue; }
    live = live.filter((c) => !related(people.get(c.offer.personId)!, mentee) && !input.excludedPairs.has(pairKey(c.offer.personId, mentee.id)));
    if (live.length === 0) { notYet.set(ri, 'The people whose strengths fit are in your own line-management chain, or you have been paired with them before.'); continue; }
    const overlapOf = (o: MentorOffer) => (o.availability.length === 0 || request.availability.length === 0 ? null : o.availability.filter((s) => request.availability.includes(s)));
    live = live.filter((c) => overlapOf(c.offer)?.length !== 0);
    if (live.length === 0) { notYet.set(ri, "The people whose strengths fit aren't free when you are: try offering more times."); continue; }
    live = live.filter((c) => remaining[mentorIndex.get(c.offer.personId)!]! > 0);
    if (live.length === 0) { notYet.set(ri, 'Everyone whose strengths fit has a full diary for now; you stay in the pool.'); continue; }
    const others = live.filter((c) => people.get(c.offer.personId)!.profession !== mentee.profession);
    if (others.length === 0 && !policy.sameProfessionFallback) { notYet.set(ri, `Only other ${professionLabel(mentee.profession).toLowerCase()}s fit so far, and Weave matches across professions.`); continue; }

    for (const { offer, fit: f } of live) {
      const mentor = people.get(offer.personId)!;
      let score = f.value;
      if (mentor.team !== mentee.team) score += w.differentTeam;
      if (mentor.service !== mentee.service) score += w.differentService;
      const gap = LEVEL[mentor.careerStage] - LEVEL[mentee.careerStage];
      if (gap >= policy.seniorityBand.min && gap <= policy.seniorityBand.max) score += w.seniorityInBand;
      const overlap = overlapOf(offer);
      score += w.availabilityOverlap * (overlap ? overlap.length / request.availability.length : 1);
      if (request.preferProfession && mentor.profession === request.preferProfession) score += w.preferredProfession;
      if (request.locality && offer.locality === request.locality) score += w.locality;
      const edge = { left: ri, right: mentorIndex.get(offer.personId)!, weight: Math.max(1, Math.round(score * UNIT)), offer, used: f.used, score };
      (mentor.profession !== mentee.profession ? cross : same).push(edge);
    }
  }

  const solve = input.solve ?? optimalAssignment;
  const proposals: Proposal[] = [];
  const matched = new Set<number>();
  const take = (edges: Edge[], sameProfession: boolean) => {
    const solved = solve({ leftCount: requests.length, rightCapacity: remaining, edges });
    for (const i of solved.chosen) {
      const { left, right, offer, used, score } = edges[i]!;
      const request = requests[left]!;
      const mentor = people.get(offer.personId)!;
      remaining[right]! -= 1;
      matched.add(left);
      proposals.push({
        requestId: request.requestId, menteeId: request.personId, mentorId: mentor.id, score,
        reasons: reasonsFor(request, offer, used, mentor, people.get(request.personId)!, sameProfession), sameProfession,
      });
    }
  };
  // Across professions first, for everyone; then, if the policy allows, the same profession for
  // whoever is still waiting — so nobody waits while a mentor who fits sits free, but nobody is
  // given their own profession while another would do.
  take(cross, false);
  if (policy.sameProfessionFallback) take(same.filter((e) => !matched.has(e.left)), true);

  const waiting: NotYet[] = requests.flatMap((r, ri) => (matched.has(ri) ? [] : [{
    requestId: r.requestId, menteeId: r.personId,
    reason: notYet.get(ri) ?? "Others' needs fitted the mentors free this time better; you stay in the pool for the next run.",
  }]));
  const candidatePairs = cross.length + same.length;
  return { proposals, notYet: waiting, candidatePairs, totalScore: proposals.reduce((sum, p) => sum + p.score, 0) };
}
