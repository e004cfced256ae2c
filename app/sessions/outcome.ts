// What a supervisor says happened at a supervision, the working day after it: held (with what was
// agreed: each action a short line, whose it is and by when; a learning action joins the person's
// plan, sourced "supervision"), moved to a new date, or did not happen. Only a held supervision
// counts: cadence counts on from it, and it is what team status, the overdue rule and the plans see.
// What was agreed goes to the person (their chat and `my plan`) and nobody else.
import { addDays, formatDay, type IsoDate } from '../../core/calendar';
import { areaOf, describeCode } from '../../core/commonCore';
import { deterministicId } from '../../core/ids';
import { identifyingDetails, type Finding } from '../../core/identifying';
import { firstName } from '../../core/people';
import { planPeriodOf } from '../../core/planPeriod';
import { cadencePerson, supervisorFor } from '../../core/sessionPlanning';
import type { ActionOwner, AgreedAction } from '../../core/sessions';
import type { AppDeps } from '../deps';
import { newSession } from './planning';
import type { Preparation } from './preparation';

/** At most this many actions are agreed on one card: a supervision that agreed more has its own notes. */
export const ACTION_SLOTS = 3;

export interface NewAction {
  text: string;
  owner: ActionOwner;
  due: IsoDate;
  /** '' when it is not learning. */
  area: string;
}

export type Outcome =
  | { outcome: 'held'; actions: NewAction[]; confirmNotIdentifying: boolean }
  | { outcome: 'moved'; newDate: IsoDate }
  | { outcome: 'not_held'; reason: string };

export type OutcomeResult =
  | { invalid: string[] }
  /** What looks like it identifies a child in the actions: shown, nothing saved until confirmed. */
  | { identifying: Finding[] }
  | { recorded: Outcome['outcome'] };

type OutcomeDeps = Pick<AppDeps, 'sessions' | 'schedules' | 'needs' | 'outbox' | 'policy' | 'clock' | 'log'>;

/** Who may say what happened: whoever supervises the person now. */
export function mayConfirm(p: Preparation, recorderId: string): string | null {
  if (supervisorFor(p.person, 'supervision') === recorderId) return null;
  return `${firstName(p.person)}'s supervision is with someone else now, who records it.`;
}

export async function recordOutcome(deps: OutcomeDeps, p: Preparation, recorder: { id: string; name: string }, what: Outcome, today: IsoDate): Promise<OutcomeResult> {
  const recorderId = recorder.id;
  const refused = mayConfirm(p, recorderId);
  if (refused) return { invalid: [refused] };
  const { session, person } = p;
  if (session.status !== 'unconfirmed') return { invalid: ['What happened at this supervision has already been recorded.'] };
  const at = deps.clock.now().toISOString();
  const label = `supervision on ${formatDay(session.date, today)}`;

  if (what.outcome === 'not_held') {
    if (!what.reason) return { invalid: ['Say why it did not happen: only you and Weave see the reason.'] };
    await deps.sessions.update(session, { status: 'not_held', outcome: { outcome: 'not_held', by: recorderId, at, actions: [], reason: what.reason } });
    deps.log.info('session.outcome', { outcome: 'not_held' });
    return { recorded: 'not_held' };
  }

  if (what.outcome === 'moved') {
    if (what.newDate < today || what.newDate > addDays(today, 366)) return { invalid: ['The new date must be from today to a year ahead.'] };
    // The new date first: if anything fails after it, the session is not lost. What the person
    // wrote comes with it, and the needs it named keep their ids.
    const carried = { answers: session.answers, answeredAt: session.answeredAt, originKey: session.originKey ?? session.key, summarySentAt: null };
    const moved = await deps.sessions.ensure(newSession(person, { kind: 'supervision', date: what.newDate, time: null, source: 'recorded' }, carried));
    if (moved.status !== 'upcoming') await deps.sessions.update(moved, { status: 'upcoming', source: 'recorded', ...carried });
    await deps.sessions.update(session, { status: 'moved', movedTo: what.newDate, outcome: { outcome: 'moved', by: recorderId, at, actions: [], reason: null } });
    await deps.outbox.sendText(session.tenantId, `session-outcome|${session.key}`, person.aadObjectId,
      `${recorder.name} says your ${label} has moved to ${formatDay(what.newDate, today)}. Weave will ask you to prepare before it.`);
    deps.log.info('session.outcome', { outcome: 'moved' });
    return { recorded: 'moved' };
  }

  const problems: string[] = [];
  what.actions.forEach((a, i) => {
    if (a.due < session.date || a.due > addDays(today, 366)) problems.push(`Action ${i + 1}: choose a date it is due by, from the supervision to a year ahead.`);
    if (a.area && areaOf(a.area)?.code !== a.area) problems.push(`Action ${i + 1}: choose an area of the Common Core from the list.`);
  });
  if (problems.length > 0) return { invalid: problems };
  const findings = identifyingDetails(what.actions.map((a) => a.text));
  if (findings.length > 0 && !what.confirmNotIdentifying) {
    deps.log.info('session.identifying_warning', { findings: findings.length });
    return { identifying: findings };
  }

  // Learning joins the person's plan, for the plan year the supervision was in; ids from the session, so nothing doubles.
  const period = planPeriodOf(deps.policy, cadencePerson(person), session.date).start;
  const actions: AgreedAction[] = [];
  for (const [i, a] of what.actions.entries()) {
    const needId = a.area ? deterministicId('supervision-action', session.key, String(i + 1)) : null;
    if (needId) {
      await deps.needs.save({
        tenantId: session.tenantId, personId: person.aadObjectId, needId, codes: [a.area], frameworkTag: null, description: a.text,
        activityTypes: [], priority: 'medium', status: 'open', source: 'supervision', sourceRef: session.key, targetDate: a.due, period,
        plan: null, dropReason: null, comments: [], history: [], createdAt: at, updatedAt: at,
      });
    }
    actions.push({ text: a.text, owner: a.owner, due: a.due, area: a.area || null, needId });
  }
  // Held first in the schedule (cadence counts on from it), then the session: a lost write is redone by pressing again.
  await deps.schedules.recordHeld(session.tenantId, person.aadObjectId, 'supervision', session.date);
  await deps.schedules.recordAgreed(session.tenantId, person.aadObjectId, session.date, actions);
  const held = await deps.sessions.update(session, { status: 'held', outcome: { outcome: 'held', by: recorderId, at, actions, reason: null } });
  // The person's own record of it: what was agreed, and logging it as CPD in one tap.
  await deps.outbox.sendCard({ tenantId: session.tenantId, batch: `session-record|${held.key}`, recipientId: person.aadObjectId, kind: 'sessionRecord', context: { sessionKey: held.key } });
  deps.log.info('session.outcome', { outcome: 'held', actions: actions.length, learning: actions.filter((a) => a.needId).length });
  return { recorded: 'held' };
}

/** "Read the court skills guide (you, by Friday 29 January): CC3 Safeguarding, in your plan" */
export function describeAction(a: AgreedAction, voice: 'you' | { supervisor: string; person: string }, today: IsoDate): string {
  const owner = voice === 'you'
    ? { person: 'you', supervisor: 'your supervisor', both: 'you both' }[a.owner]
    : { person: voice.person, supervisor: voice.supervisor, both: 'both of you' }[a.owner];
  const learning = a.area ? ` · learning: ${describeCode(a.area)}${voice === 'you' ? ', in your plan' : ''}` : '';
  return `${a.text} (${owner}, by ${formatDay(a.due, today)})${learning}`;
}
