// How far each learning trigger has ended in learning, from facts only: who it affects (HR's roster),
// who attended an offer made from it, CPD logged in its areas, and needs it created that are met.
import type { IsoDate } from '../../core/calendar';
import { learnedFrom, triggerCompletion, type CompletionFacts, type TriggerCompletion } from '../../core/triggerCompletion';
import type { LearningTrigger } from '../../core/triggers';
import type { EvaluationSummary } from '../../core/evaluation';
import type { AppDeps } from '../deps';
import { evaluationOf } from '../offers/evaluation';

type Deps = Pick<AppDeps, 'cpd' | 'needs' | 'offers' | 'people' | 'planPolicy'>;

/** The facts every trigger's completion is worked out from, read once. */
export async function completionFactsFor(deps: Deps, tenantId: string, triggers: readonly LearningTrigger[]): Promise<((trigger: LearningTrigger) => CompletionFacts) & { evaluation(trigger: LearningTrigger): EvaluationSummary }> {
  const ids = new Set(triggers.map((t) => t.triggerId));
  const [people, cpd, needs, offers] = await Promise.all([deps.people.list(tenantId), deps.cpd.listFacts(tenantId), deps.needs.listFacts(tenantId), deps.offers.list(tenantId)]);
  const linked = offers.filter((o) => o.trigger && ids.has(o.trigger) && o.status !== 'draft');
  const bookings = await Promise.all(linked.map(async (o) => ({ trigger: o.trigger!, bookings: await deps.offers.listBookings(o.offerId) })));
  const active = people.filter((p) => p.status === 'active').map((p) => ({ id: p.aadObjectId, team: p.team, profession: p.profession }));
  const factsOf = (trigger: LearningTrigger): CompletionFacts => ({
    people: active,
    attended: new Set(bookings.filter((b) => b.trigger === trigger.triggerId).flatMap((b) => b.bookings.filter((x) => x.status === 'attended').map((x) => x.personId))),
    cpd,
    metNeed: new Set(needs.filter((n) => n.trigger === trigger.triggerId && n.met).map((n) => n.personId)),
  });
  // What attendees of its briefings said, over every offer made from it.
  return Object.assign(factsOf, { evaluation: (trigger: LearningTrigger) => evaluationOf(bookings.filter((b) => b.trigger === trigger.triggerId).flatMap((b) => b.bookings), deps.planPolicy.threshold) });
}

/** Each trigger's completion as anyone beyond a person and their manager may see it (core/triggerCompletion.ts). */
export async function completionOf(deps: Deps, tenantId: string, triggers: readonly LearningTrigger[], today: IsoDate): Promise<Map<string, TriggerCompletion & { evaluation: EvaluationSummary }>> {
  const factsOf = await completionFactsFor(deps, tenantId, triggers);
  return new Map(triggers.map((t) => [t.triggerId, { ...triggerCompletion(t, factsOf(t), today, deps.planPolicy.threshold), evaluation: factsOf.evaluation(t) }]));
}

/** A manager's own reports affected by each trigger, and how many of them have learned from it (their manager may see this). */
export async function completionForReports(deps: Deps, tenantId: string, triggers: readonly LearningTrigger[], reportIds: ReadonlySet<string>): Promise<Map<string, { affected: number; learned: number }>> {
  const factsOf = await completionFactsFor(deps, tenantId, triggers);
  return new Map(triggers.map((t) => {
    const { affected, learned } = learnedFrom(t, factsOf(t));
    const mine = affected.filter((id) => reportIds.has(id));
    return [t.triggerId, { affected: mine.length, learned: mine.filter((id) => learned.has(id)).length }];
  }));
}

/** "12 of 20 (60%)", "not shown", as a completion figure reads. */
export function learnedWords(learned: number | null, affected: number): string {
  if (learned === null) return `not shown (of ${affected})`;
  return `${learned} of ${affected}${affected ? ` (${Math.round((learned / affected) * 100)}%)` : ''}`;
}
