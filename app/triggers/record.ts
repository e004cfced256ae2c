// L&D record a learning trigger (a practice review, a complaint, an Ofsted finding, new guidance): it
// raises its areas in the plans until its learn-by date and, if asked, puts a need in the plan of
// everyone it affects (from the work queue, a page at a time).
import { addMonths, type IsoDate } from '../../core/calendar';
import { affects, type LearningTrigger } from '../../core/triggers';
import type { AppDeps } from '../deps';

export type NewTrigger = Pick<LearningTrigger, 'source' | 'summary' | 'codes' | 'teams' | 'professions' | 'dueDate' | 'needsCreated'>;

export async function recordTrigger(
  deps: Pick<AppDeps, 'people' | 'plans' | 'work' | 'clock' | 'log' | 'newId'>, tenantId: string, createdBy: string, input: NewTrigger, today: IsoDate,
): Promise<{ invalid: string[] } | { trigger: LearningTrigger; affected: number }> {
  const known = await deps.people.rosterTeams(tenantId);
  if (input.teams.some((t) => !known.includes(t))) return { invalid: ['Teams it affects: choose from the list.'] };
  if (input.dueDate && (input.dueDate < today || input.dueDate > addMonths(today, 24))) return { invalid: ['Learn by: choose a date from today to two years ahead.'] };
  const trigger: LearningTrigger = { tenantId, triggerId: deps.newId(), ...input, createdBy, createdAt: deps.clock.now().toISOString() };
  await deps.plans.saveTrigger(trigger);
  const affected = (await deps.people.list(tenantId)).filter((p) => p.status === 'active' && affects(trigger, p)).length;
  // Everyone affected gets the need from the work queue, a page at a time: too many for one reply.
  if (trigger.needsCreated) await deps.work.enqueue({ kind: 'trigger-needs', tenantId, triggerId: trigger.triggerId, after: null });
  deps.log.info('trigger.recorded', { source: trigger.source, affected, needs: trigger.needsCreated });
  return { trigger, affected };
}
