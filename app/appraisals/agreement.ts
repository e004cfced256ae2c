// Next year's plan, agreed at appraisal. The appraisee proposes it (the needs they name and carry
// into the plan year that starts with the appraisal); after the appraisal their appraiser agrees or
// comments on each; then the appraisee agrees the whole. The agreed plan is dated and both see it;
// a need added or changed after that is marked so. What the appraisal card also asked — ratings,
// what got in the way, feedback from people who use services — is kept with it.
import { BARRIER_CODES, type AgreementItem, type Appraisal, type Barrier } from '../../core/appraisal';
import { addMonths, formatDate, formatFullDay } from '../../core/calendar';
import { AREA_CODES } from '../../core/commonCore';
import { isOpen } from '../../core/needs';
import { firstName, nameOf, type Person } from '../../core/people';
import { planPeriodOf } from '../../core/planPeriod';
import { cadencePerson, supervisorFor } from '../../core/sessionPlanning';
import type { StoredAppraisal } from '../../store/appraisals';
import { fitsInNeedRow, type StoredNeed } from '../../store/needs';
import type { StoredSession } from '../../store/sessions';
import { ConcurrencyError } from '../../store/errors';
import type { AppDeps } from '../deps';

/** At most this many needs are agreed one by one on the card; any more are agreed as they stand. */
export const AGREEMENT_SLOTS = 10;

/** The plan year an appraisal agrees: the one that starts with it. */
export function agreedPeriodOf(deps: Pick<AppDeps, 'policy'>, person: Person, session: Pick<StoredSession, 'date'>): string {
  return planPeriodOf(deps.policy, cadencePerson(person), addMonths(session.date, 1)).start;
}

/** Keeps what the appraisal card asked besides the plan; the plan it proposes waits for the appraiser. */
export async function saveAppraisalAnswers(deps: Pick<AppDeps, 'appraisals' | 'policy'>, session: StoredSession, person: Person, answers: Record<string, string>): Promise<void> {
  const period = agreedPeriodOf(deps, person, session);
  const ratings = Object.fromEntries(AREA_CODES.filter((c) => answers[`sa_${c}`]).map((c) => [c, Number(answers[`sa_${c}`])]));
  const barriers = (answers.barriers ?? '').split(',').filter((b): b is Barrier => (BARRIER_CODES as readonly string[]).includes(b));
  const answered = { sessionKey: session.key, date: session.date, appraiserId: session.supervisorId, ratings, barriers, barrierNote: answers.barrierNote ?? '', feedback: answers.feedback ?? '' };
  // Over the version read, so an appraiser's review saved meanwhile is kept, not replaced.
  for (let attempt = 0; attempt < 3; attempt++) {
    const earlier = await deps.appraisals.get(session.tenantId, person.aadObjectId, period);
    if (!earlier) {
      await deps.appraisals.save({ tenantId: session.tenantId, personId: person.aadObjectId, period, ...answered, status: 'proposed', items: [], reviewedAt: null, agreedAt: null });
      return;
    }
    try {
      await deps.appraisals.update(earlier, answered);
      return;
    } catch (err) {
      if (!(err instanceof ConcurrencyError)) throw err;
    }
  }
  throw new ConcurrencyError('This appraisal');
}

export interface Proposal {
  appraisal: StoredAppraisal;
  person: Person;
  /** The needs in the plan year it agrees, still open, at most AGREEMENT_SLOTS. */
  needs: StoredNeed[];
}

export async function loadProposal(deps: Pick<AppDeps, 'sessions' | 'people' | 'appraisals' | 'needs' | 'policy'>, tenantId: string, sessionKey: string): Promise<Proposal | undefined> {
  const session = await deps.sessions.get(tenantId, sessionKey);
  const person = session && (await deps.people.get(tenantId, session.personId));
  if (!session || !person) return undefined;
  const appraisal = await deps.appraisals.get(tenantId, person.aadObjectId, agreedPeriodOf(deps, person, session));
  if (!appraisal) return undefined;
  const needs = (await deps.needs.listFor(tenantId, person.aadObjectId))
    .filter((n) => n.period === appraisal.period && isOpen(n))
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt))
    .slice(0, AGREEMENT_SLOTS);
  return { appraisal, person, needs };
}

export type Decision = { decision: 'agreed' | 'commented'; comment: string };

/** The appraiser agrees or comments on each need; the appraisee is then asked to agree the plan. */
export async function reviewPlan(
  deps: Pick<AppDeps, 'appraisals' | 'needs' | 'outbox' | 'clock' | 'log'>, p: Proposal, appraiser: Person, decisions: Record<string, Decision>,
): Promise<{ invalid: string[] } | { reviewed: number; commented: number }> {
  const { appraisal, person, needs } = p;
  if (supervisorFor(person, 'appraisal') !== appraiser.aadObjectId) return { invalid: [`${firstName(person)}'s appraisal is with their line manager, who agrees the plan.`] };
  if (appraisal.status !== 'proposed') return { invalid: [`You have already sent ${firstName(person)} your view of this plan.`] };
  const problems = needs.flatMap((n, i) => {
    const d = decisions[n.needId];
    if (!d?.decision) return [`Need ${i + 1}: agree it, or comment on it.`];
    if (d.decision === 'commented' && !d.comment) return [`Need ${i + 1}: write your comment, or agree it.`];
    return [];
  });
  if (problems.length > 0) return { invalid: problems };
  const at = deps.clock.now().toISOString();
  const items: AgreementItem[] = [];
  for (const need of needs) {
    const d = decisions[need.needId]!;
    items.push({ needId: need.needId, description: need.description, codes: need.codes, status: need.status, decision: d.decision, comment: d.decision === 'commented' ? d.comment : '' });
    if (d.decision === 'commented') {
      const comments = [...need.comments, { byId: appraiser.aadObjectId, byName: nameOf(appraiser), at, text: d.comment }];
      if (fitsInNeedRow(comments)) await deps.needs.update(need, { comments, updatedAt: at });
    }
  }
  const reviewed = await deps.appraisals.update(appraisal, { status: 'reviewed', items, reviewedAt: at, appraiserId: appraiser.aadObjectId });
  await deps.outbox.sendCard({ tenantId: reviewed.tenantId, batch: `plan-confirm|${reviewed.sessionKey}`, recipientId: person.aadObjectId, kind: 'planConfirm', context: { sessionKey: reviewed.sessionKey } });
  const commented = items.filter((i) => i.decision === 'commented').length;
  deps.log.info('appraisal.reviewed', { needs: items.length, commented });
  return { reviewed: items.length, commented };
}

/**
 * The appraisee agrees the plan as reviewed: it is dated, and their appraiser told. What is agreed is
 * the plan year as it stands now (each need with the appraiser's decision, if they reviewed it), so a
 * change made before agreeing — which the confirm card invites — is not marked as made after.
 */
export async function agreePlan(deps: Pick<AppDeps, 'appraisals' | 'needs' | 'outbox' | 'clock' | 'log'>, appraisal: StoredAppraisal, person: Person, today: string): Promise<{ invalid: string[] } | { agreedOn: string }> {
  if (appraisal.status === 'agreed') return { invalid: ['You have already agreed this plan.'] };
  if (appraisal.status !== 'reviewed') return { invalid: ['Your appraiser has not agreed this plan yet.'] };
  const at = deps.clock.now().toISOString();
  const reviewed = new Map(appraisal.items.map((i) => [i.needId, i]));
  const items: AgreementItem[] = (await deps.needs.listFor(appraisal.tenantId, person.aadObjectId)).filter((n) => n.period === appraisal.period).map((n) => ({
    needId: n.needId, description: n.description, codes: n.codes, status: n.status,
    decision: reviewed.get(n.needId)?.decision ?? 'agreed', comment: reviewed.get(n.needId)?.comment ?? '',
  }));
  const agreed = await deps.appraisals.update(appraisal, { status: 'agreed', agreedAt: at, items });
  if (agreed.appraiserId) {
    await deps.outbox.sendText(agreed.tenantId, `plan-agreed|${agreed.sessionKey}`, agreed.appraiserId,
      `${nameOf(person)} agreed their Learning Development Plan for the year from ${formatDate(agreed.period)}, as you reviewed it (${formatFullDay(today)}). Type **view plan** to see it.`);
  }
  deps.log.info('appraisal.agreed', { needs: agreed.items.length });
  return { agreedOn: today };
}

/** The agreement that covers a plan year, if there is one. */
export async function agreementFor(deps: Pick<AppDeps, 'appraisals'>, person: Person, period: string): Promise<Appraisal | undefined> {
  return deps.appraisals.get(person.tenantId, person.aadObjectId, period);
}
