// Reads what the plan roll-ups need — facts only, never anyone's words — and computes a team's
// training plan or the organisation's plan from them.
import { addDays, addMonths, type IsoDate } from '../../core/calendar';
import type { NeedFacts } from '../../core/needs';
import { computeOrgPlan, type OrgPlan } from '../../core/orgPlan';
import type { Person } from '../../core/people';
import { computeTeamPlan, type MentoringFacts, type SessionFacts, type TeamPlan } from '../../core/teamPlan';
import type { LearningTrigger } from '../../core/triggers';
import { readinessOf } from '../../views/cpd';
import type { CpdFacts } from '../../core/cpd';
import type { AppDeps } from '../deps';
import { professionallyQualified } from '../people/qualifications';

export interface RollupData {
  people: Person[];
  needs: NeedFacts[];
  sessions: SessionFacts[];
  appraised: Set<string>;
  mentoring: MentoringFacts;
  /** Mentees of pairs under way (both accepted): a place given, where a proposal is not yet. */
  activeMentees: string[];
  triggers: LearningTrigger[];
  /** Everyone the read found, leavers included (turnover reads them). */
  everyone?: Person[];
}

// Reads more than one part of the org plan needs, made once per roll-up (keyed by its data).
const cpdFactsRead = new WeakMap<RollupData, Promise<CpdFacts[]>>();
const placesRead = new WeakMap<RollupData, Promise<{ personId: string }[]>>();

/** The organisation's CPD facts, read once for this roll-up however many parts of the plan ask. */
export function cpdFactsOf(deps: Pick<AppDeps, 'config' | 'cpd'>, data: RollupData): Promise<CpdFacts[]> {
  if (!cpdFactsRead.has(data)) cpdFactsRead.set(data, deps.cpd.listFacts(deps.config.tenantId));
  return cpdFactsRead.get(data)!;
}

/** Places given (placesGiven), read once for this roll-up. */
export function placesOf(deps: Pick<AppDeps, 'config' | 'offers' | 'planPolicy'>, data: RollupData, today: IsoDate): Promise<{ personId: string }[]> {
  if (!placesRead.has(data)) placesRead.set(data, placesGiven(deps, data, today));
  return placesRead.get(data)!;
}

export async function loadRollup(deps: Pick<AppDeps, 'config' | 'mentoring' | 'needs' | 'people' | 'planPolicy' | 'plans' | 'schedules' | 'sessions'>, period: IsoDate): Promise<RollupData> {
  const tenantId = deps.config.tenantId;
  const [people, needs, sessions, schedules, offers, matches, requests, triggers] = await Promise.all([
    deps.people.list(tenantId), deps.needs.listFacts(tenantId),
    deps.sessions.listBetween(tenantId, addDays(period, -deps.planPolicy.completionWindowDays), addDays(period, -1)),
    deps.schedules.list(tenantId), deps.mentoring.listOffers(tenantId), deps.mentoring.listMatches(tenantId),
    deps.mentoring.listRequests(tenantId), deps.plans.listTriggers(tenantId),
  ]);
  const yearAgo = addMonths(period, -12);
  return {
    people: people.filter((p) => p.status === 'active'),
    needs,
    sessions: sessions.filter((s) => s.kind === 'supervision').map((s) => ({ personId: s.personId, kind: s.kind, date: s.date, status: s.status, answered: !!s.answeredAt })),
    appraised: new Set(schedules.filter((s) => s.kind === 'appraisal' && s.lastHeld && s.lastHeld >= yearAgo).map((s) => s.personId)),
    mentoring: {
      offers: offers.filter((o) => o.capacity > 0 && (!o.pausedUntil || o.pausedUntil <= period)).map((o) => ({ personId: o.personId, strengths: o.strengths })),
      pairs: matches.filter((m) => m.status === 'proposed' || m.status === 'active').map((m) => ({ mentorId: m.mentorId, menteeId: m.menteeId })),
      waiting: requests.filter((r) => r.status === 'waiting').map((r) => r.personId),
    },
    activeMentees: matches.filter((m) => m.status === 'active').map((m) => m.menteeId),
    triggers,
    everyone: people,
  };
}

export function teamPlanOf(deps: Pick<AppDeps, 'planPolicy'>, data: RollupData, team: string, period: IsoDate): TeamPlan {
  return computeTeamPlan({
    team, period, policy: deps.planPolicy, members: data.people.filter((p) => p.team === team).map((p) => ({ id: p.aadObjectId, team: p.team, profession: p.profession })),
    needs: data.needs, sessions: data.sessions, appraised: data.appraised, mentoring: data.mentoring, triggers: data.triggers,
  });
}

/** The roster team a manager leads: the one most of their direct reports are in. */
export function teamLedBy(managerId: string, people: readonly Person[]): string | null {
  const counts = new Map<string, number>();
  for (const p of people) if (p.managerId === managerId && p.status !== 'left') counts.set(p.team, (counts.get(p.team) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0] ?? null;
}

/**
 * Places people were given, for who CPD is reaching: a place booked or attended on a learning offer
 * that took place (or takes place) within the equity look-back, and a mentoring or shadowing pair
 * under way. The one definition of "places" that the chat's org plan and the tab both show.
 */
export async function placesGiven(deps: Pick<AppDeps, 'config' | 'offers' | 'planPolicy'>, data: RollupData, today: IsoDate): Promise<{ personId: string }[]> {
  const since = addMonths(today, -deps.planPolicy.equity.lookbackMonths);
  const offers = (await deps.offers.list(deps.config.tenantId)).filter((o) => (o.status === 'sending' || o.status === 'sent') && o.date >= since);
  const bookings = await Promise.all(offers.map((o) => deps.offers.listBookings(o.offerId)));
  return [
    ...bookings.flat().filter((b) => b.status === 'booked' || b.status === 'attended').map((b) => ({ personId: b.personId })),
    ...data.activeMentees.map((personId) => ({ personId })),
  ];
}

/** A roster team's lead: the manager most of its members report to. */
export function leadOf(team: string, people: readonly Person[]): string | null {
  const counts = new Map<string, number>();
  for (const p of people) if (p.team === team && p.managerId && p.status !== 'left') counts.set(p.managerId, (counts.get(p.managerId) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0] ?? null;
}

export async function orgPlanOf(deps: Pick<AppDeps, 'config' | 'cpd' | 'offers' | 'planPolicy' | 'qualifications' | 'registration'>, data: RollupData, today: IsoDate): Promise<OrgPlan> {
  const [cpd, qualified] = await Promise.all([cpdFactsOf(deps, data), professionallyQualified(deps, deps.config.tenantId, data.people)]);
  const byPerson = new Map<string, typeof cpd>();
  for (const r of cpd) byPerson.set(r.personId, [...(byPerson.get(r.personId) ?? []), r]);
  const registrationShort = new Set(data.people.filter((p) => p.registrationBody !== 'none').filter((p) => {
    const r = readinessOf(deps.registration, p, byPerson.get(p.aadObjectId) ?? [], today);
    return r.inRenewalWindow && !r.met;
  }).map((p) => p.aadObjectId));
  return computeOrgPlan({
    policy: deps.planPolicy,
    people: data.people.map((p) => ({ id: p.aadObjectId, team: p.team, profession: p.profession, service: p.service, registered: p.registrationBody !== 'none', qualified: qualified.has(p.aadObjectId) })),
    needs: data.needs, triggers: data.triggers, mentoring: data.mentoring, registrationShort,
    cpd: cpd.map((r) => ({ personId: r.personId, date: r.date })),
    places: await placesOf(deps, data, today),
    today,
  });
}
