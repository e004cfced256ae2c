// Someone's preparation for a session: what they wrote, the learning needs it names (which join
// their plan), at appraisal the review of the plan (met, continuing, dropped; what continues is
// carried into the next plan year), and their supervisor's copy once it is due.
import type { ActivityType } from '../../core/activities';
import { addMonths, workingCalendar, workingDaysBefore, type IsoDate } from '../../core/calendar';
import { SESSION_LABELS, type SessionKind } from '../../core/cadence';
import { deterministicId } from '../../core/ids';
import { isOpen } from '../../core/needs';
import type { Person } from '../../core/people';
import { planPeriodOf } from '../../core/planPeriod';
import { cadencePerson, supervisorFor } from '../../core/sessionPlanning';
import type { StoredNeed } from '../../store/needs';
import type { StoredSession } from '../../store/sessions';
import type { AppDeps } from '../deps';
import { sendSummary } from './summary';
import { saveAppraisalAnswers } from '../appraisals/agreement';

/** At most this many plan needs are asked about on one card (the rest are carried into the next year as they stand). */
export const REVIEW_SLOTS = 10;

/** The card kind that prepares someone for a session of this kind. */
export const promptCardKind = (sessionKind: SessionKind) => (sessionKind === 'supervision' ? 'supervisionPrompt' : 'appraisalPrompt');

export interface Preparation {
  session: StoredSession;
  person: Person;
  supervisor: Person | undefined;
}

export async function loadPreparation(deps: Pick<AppDeps, 'sessions' | 'people'>, tenantId: string, sessionKey: string): Promise<Preparation | undefined> {
  const session = await deps.sessions.get(tenantId, sessionKey);
  const person = session && await deps.people.get(tenantId, session.personId);
  if (!session || !person) return undefined;
  const supervisor = session.supervisorId ? await deps.people.get(tenantId, session.supervisorId) : undefined;
  return { session, person, supervisor };
}

/** The plan needs an appraisal card asks about (any since deleted are left out). */
export async function reviewNeeds(deps: Pick<AppDeps, 'needs'>, tenantId: string, personId: string, ids: readonly string[]): Promise<StoredNeed[]> {
  if (ids.length === 0) return [];
  const needs = await deps.needs.listFor(tenantId, personId);
  return ids.map((id) => needs.find((n) => n.needId === id)).filter((n): n is StoredNeed => !!n);
}

type PrepDeps = Pick<AppDeps, 'sessions' | 'people' | 'needs' | 'outbox' | 'policy' | 'clock' | 'log' | 'appraisals'>;

/**
 * Saves what they sent: the answers (and who supervises them now, who gets them), the needs named,
 * the plan's review at appraisal; their supervisor gets the answers now if the summary is already due.
 */
export async function savePreparation(deps: PrepDeps, p: Preparation, answers: Record<string, string>, slots: readonly number[], today: IsoDate): Promise<Preparation> {
  // Whoever supervises them now gets the answers, not whoever did when the session was planned.
  const supervisorId = supervisorFor(p.person, p.session.kind);
  const supervisor = supervisorId ? await deps.people.get(p.session.tenantId, supervisorId) : undefined;
  const session = await deps.sessions.update(p.session, { answers, answeredAt: deps.clock.now().toISOString(), supervisorId });
  await saveNeeds(deps, p, answers, slots);
  if (p.session.kind !== 'supervision') await applyReview(deps, p, answers);
  if (p.session.kind === 'appraisal') await saveAppraisalAnswers(deps, session, p.person, answers);
  // Once the summary is due the supervisor gets these answers now, even if the job's summary is on its way.
  const due = supervisor && today >= workingDaysBefore(session.date, 1, workingCalendar(supervisor.workingDays));
  if (supervisor && supervisor.status === 'active' && (session.summarySentAt || due)) await sendSummary(deps, session, supervisor.aadObjectId);
  deps.log.info('session.prepared', { kind: session.kind });
  return { session, person: p.person, supervisor };
}

/** The needs the answers name replace the ones this session named before. */
async function saveNeeds(deps: Pick<AppDeps, 'needs' | 'policy' | 'clock'>, { session, person }: Preparation, answers: Record<string, string>, slots: readonly number[]) {
  const now = deps.clock.now().toISOString();
  // What someone names at appraisal is for the plan year that starts with it.
  const period = planPeriodOf(deps.policy, cadencePerson(person), session.kind === 'appraisal' ? addMonths(session.date, 1) : session.date).start;
  const named = new Set<string>();
  // A session moved to another date is the same preparation: its needs keep the ids of the first.
  const origin = session.originKey ?? session.key;
  for (const n of slots) {
    const description = answers[`need${n}Text`];
    if (!description) continue;
    const needId = deterministicId('session', origin, String(n));
    named.add(needId);
    const earlier = await deps.needs.get(session.tenantId, session.personId, needId);
    await deps.needs.save({
      tenantId: session.tenantId, personId: session.personId, needId, codes: [answers[`need${n}Area`]!], frameworkTag: null, description,
      activityTypes: answers[`need${n}Activity`] ? [answers[`need${n}Activity`] as ActivityType] : [], priority: 'medium',
      status: earlier?.status ?? 'open', source: session.kind, sourceRef: origin, targetDate: null, period,
      plan: earlier?.plan ?? null, dropReason: null, comments: earlier?.comments ?? [], history: earlier?.history ?? [],
      createdAt: earlier?.createdAt ?? now, updatedAt: now,
    });
  }
  for (const old of await deps.needs.listFromSource(session.tenantId, session.personId, origin)) {
    if (!named.has(old.needId)) await deps.needs.remove(session.tenantId, session.personId, old.needId);
  }
}

/**
 * The plan is reviewed: what is met or dropped stays in its year. At appraisal everything still
 * open — continuing, or not asked about — is carried into the next plan year, with its history.
 */
async function applyReview(deps: Pick<AppDeps, 'needs' | 'policy' | 'clock'>, { session, person }: Preparation, answers: Record<string, string>) {
  const now = deps.clock.now().toISOString();
  const nextPeriod = planPeriodOf(deps.policy, cadencePerson(person), addMonths(session.date, 1)).start;
  const appraisal = session.kind === 'appraisal';
  for (const need of await deps.needs.listFor(session.tenantId, session.personId)) {
    // Needs already in next year's plan were named at this appraisal: nothing to review yet.
    if (!isOpen(need) || (appraisal && need.period === nextPeriod)) continue;
    const answer = answers[`review_${need.needId}`];
    if (answer === 'met') await deps.needs.update(need, { status: 'met', updatedAt: now });
    else if (answer === 'drop') await deps.needs.update(need, { status: 'dropped', dropReason: `No longer needed (${SESSION_LABELS[session.kind]})`, updatedAt: now });
    else if (answer === 'continue' || appraisal) {
      await deps.needs.update(need, {
        status: answer === 'continue' && need.status === 'open' ? 'in_progress' : need.status,
        ...(appraisal ? { period: nextPeriod, history: [...need.history, { period: need.period, status: need.status, at: now }] } : {}),
        updatedAt: now,
      });
    }
  }
}
