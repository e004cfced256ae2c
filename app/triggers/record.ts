// L&D (for anyone) or a manager (for their own team) record a learning trigger (a practice review, a complaint, an Ofsted finding, new guidance): it
// raises its areas in the plans until its learn-by date and, if asked, puts a need in the plan of
// everyone it affects (from the work queue, a page at a time).
import { addMonths, formatDate, type IsoDate } from '../../core/calendar';
import { plain } from '../../core/text';
import { hasRole, type Person } from '../../core/people';
import { affects, type LearningTrigger } from '../../core/triggers';
import type { AppDeps } from '../deps';

export type NewTrigger = Pick<LearningTrigger, 'source' | 'summary' | 'codes' | 'teams' | 'professions' | 'dueDate' | 'needsCreated'>;

/** The teams someone may record a trigger for: every team for L&D; a manager's own (their reports' teams). */
export async function triggerTeamsFor(deps: Pick<AppDeps, 'people'>, tenantId: string, person: Pick<Person, 'aadObjectId' | 'roles' | 'status'>): Promise<{ all: boolean; teams: string[] }> {
  if (hasRole(person, 'ld_admin')) return { all: true, teams: await deps.people.rosterTeams(tenantId) };
  const reports = (await deps.people.list(tenantId)).filter((p) => p.managerId === person.aadObjectId && p.status === 'active');
  return { all: false, teams: [...new Set(reports.map((p) => p.team))].sort() };
}

export async function recordTrigger(
  deps: Pick<AppDeps, 'people' | 'plans' | 'work' | 'clock' | 'log' | 'newId'>, tenantId: string, by: Pick<Person, 'aadObjectId' | 'roles' | 'status'>, input: NewTrigger, today: IsoDate,
): Promise<{ invalid: string[] } | { trigger: LearningTrigger; affected: number }> {
  const allowed = await triggerTeamsFor(deps, tenantId, by);
  if (!allowed.all && allowed.teams.length === 0) return { invalid: ['Only managers with reports on HR\'s roster, and L&D admins, record learning triggers.'] };
  if (input.teams.some((t) => !allowed.teams.includes(t))) return { invalid: [allowed.all ? 'Teams it affects: choose from the list.' : `Teams it affects: a manager records triggers for their own team (${allowed.teams.join(', ')}).`] };
  // A manager's trigger is for their team: with none chosen, it is all of theirs, never everyone.
  if (!allowed.all && input.teams.length === 0) input = { ...input, teams: allowed.teams };
  const createdBy = by.aadObjectId;
  if (input.dueDate && (input.dueDate < today || input.dueDate > addMonths(today, 24))) return { invalid: ['Learn by: choose a date from today to two years ahead.'] };
  const trigger: LearningTrigger = { tenantId, triggerId: deps.newId(), ...input, createdBy, createdAt: deps.clock.now().toISOString() };
  await deps.plans.saveTrigger(trigger);
  const affected = (await deps.people.list(tenantId)).filter((p) => p.status === 'active' && affects(trigger, p)).length;
  // Everyone affected gets the need from the work queue, a page at a time: too many for one reply.
  if (trigger.needsCreated) await deps.work.enqueue({ kind: 'trigger-needs', tenantId, triggerId: trigger.triggerId, after: null });
  deps.log.info('trigger.recorded', { source: trigger.source, affected, needs: trigger.needsCreated, byLd: allowed.all });
  return { trigger, affected };
}

/** L&D change a trigger (anyone's): what it says, its areas, who it affects, its learn-by date; asking now for needs adds them. */
export async function changeTrigger(
  deps: Pick<AppDeps, 'people' | 'plans' | 'work' | 'log' | 'outbox' | 'clock'>, tenantId: string, triggerId: string, by: Pick<Person, 'aadObjectId' | 'roles' | 'status'>, input: NewTrigger, today: IsoDate,
): Promise<{ invalid: string[] } | { trigger: LearningTrigger; affected: number }> {
  if (!hasRole(by, 'ld_admin')) return { invalid: ['Only L&D admins change learning triggers.'] };
  const existing = await deps.plans.getTrigger(tenantId, triggerId);
  if (!existing) return { invalid: ['That learning trigger is not in Weave.'] };
  if (existing.closed) return { invalid: ['That learning trigger is closed.'] };
  const known = await deps.people.rosterTeams(tenantId);
  if (input.teams.some((t) => !known.includes(t))) return { invalid: ['Teams it affects: choose from the list.'] };
  if (input.dueDate && input.dueDate !== existing.dueDate && (input.dueDate < today || input.dueDate > addMonths(today, 24))) return { invalid: ['Learn by: choose a date from today to two years ahead.'] };
  // Needs once added stay in people's plans: they are theirs now.
  const trigger: LearningTrigger = { ...existing, ...input, needsCreated: existing.needsCreated || input.needsCreated };
  await deps.plans.saveTrigger(trigger);
  const affected = (await deps.people.list(tenantId)).filter((p) => p.status === 'active' && affects(trigger, p)).length;
  if (trigger.needsCreated) await deps.work.enqueue({ kind: 'trigger-needs', tenantId, triggerId, after: null });
  // A manager's trigger changed by L&D: they are told, so their team hears the same thing.
  if (existing.createdBy !== by.aadObjectId) {
    await deps.outbox.sendText(tenantId, `trigger-changed|${triggerId}|${deps.clock.now().toISOString()}`, existing.createdBy,
      `Workforce Development changed the learning trigger you recorded: "${plain(trigger.summary)}"${trigger.dueDate ? `, learn by ${formatDate(trigger.dueDate)}` : ''}. Type **triggers** to see it.`);
  }
  deps.log.info('trigger.changed', { affected });
  return { trigger, affected };
}

/** L&D close a trigger with a note: it stops raising priorities, and its record (and the note) stay. */
export async function closeTrigger(deps: Pick<AppDeps, 'plans' | 'clock' | 'log'>, tenantId: string, triggerId: string, by: string, note: string): Promise<{ invalid: string[] } | { closed: LearningTrigger }> {
  const trigger = await deps.plans.getTrigger(tenantId, triggerId);
  if (!trigger) return { invalid: ['That learning trigger is not in Weave.'] };
  if (trigger.closed) return { invalid: ['It is already closed.'] };
  const closed = { ...trigger, closed: { at: deps.clock.now().toISOString(), by, note } };
  await deps.plans.saveTrigger(closed);
  deps.log.info('trigger.closed', {});
  return { closed };
}
