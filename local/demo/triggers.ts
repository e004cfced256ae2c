// Learning triggers Workforce Development recorded with `new trigger`: a local practice review on
// information sharing, still raising priorities for the three teams it concerns until its learn-by
// date (the 7-minute briefing in local/demo/offers.ts answers it), and an older Ofsted finding whose
// date has passed.
import { addDays, type IsoDate } from '../../core/calendar';
import { deterministicId } from '../../core/ids';
import type { LearningTrigger } from '../../core/triggers';
import type { Runtime } from '../../runtime/runtime';
import { staffId } from './personas';

export function demoTriggers(tenantId: string, today: IsoDate): LearningTrigger[] {
  const recorded = (daysAgo: number) => new Date(`${addDays(today, -daysAgo)}T11:00:00Z`).toISOString();
  return [
    {
      tenantId, triggerId: deterministicId('demo-trigger', 'practice-review'), source: 'practice_review',
      summary: 'Local child safeguarding practice review: information about a child at risk was shared late between school, health and children’s social care.',
      codes: ['CC6.K2', 'CC5.S1'], teams: ['MASH', 'Early Help 5-19', 'Education Inclusion'], professions: [], dueDate: addDays(today, 70),
      needsCreated: false, createdBy: staffId(70), createdAt: recorded(16),
    },
    {
      tenantId, triggerId: deterministicId('demo-trigger', 'ofsted'), source: 'ofsted',
      summary: 'Ofsted focused visit: supervision records do not always show the reasons for decisions.',
      codes: ['CC3.S2'], teams: ['PaCT', 'MASH'], professions: ['social_worker'], dueDate: addDays(today, -30),
      needsCreated: false, createdBy: staffId(70), createdAt: recorded(150),
    },
  ];
}

export async function writeTriggers(rt: Runtime, triggers: readonly LearningTrigger[]): Promise<void> {
  await Promise.all(triggers.map((t) => rt.plans.saveTrigger(t)));
}
