// Learning triggers: what happened that the workforce should learn from — a practice review, a
// complaint, service-user feedback, an Ofsted finding, new legislation or guidance, a
// re-organisation — tagged with Common Core codes and who it affects. They raise priorities in the
// plans, and can put a need in the plan of everyone affected.
import type { IsoDate } from './calendar';
import type { Person } from './people';
import type { Profession } from './workforce';

export const TRIGGER_SOURCES = {
  practice_review: 'Practice review (rapid review or CSPR)',
  complaint: 'Complaint',
  feedback: 'Feedback from children and families',
  ofsted: 'Ofsted finding or self-evaluation',
  legislation: 'New legislation or guidance',
  reorganisation: 'Re-organisation',
} as const;
export type TriggerSource = keyof typeof TRIGGER_SOURCES;
export const TRIGGER_SOURCE_CODES = Object.keys(TRIGGER_SOURCES) as [TriggerSource, ...TriggerSource[]];

export interface LearningTrigger {
  tenantId: string;
  triggerId: string;
  source: TriggerSource;
  summary: string;
  codes: string[];
  /** Roster team names; empty with no professions means everyone. */
  teams: string[];
  professions: Profession[];
  dueDate: IsoDate | null;
  /** Whether it put a need in the plan of everyone affected. */
  needsCreated: boolean;
  createdBy: string;
  createdAt: string;
  /** Closed by L&D with a note: it no longer raises priorities, and its record stays. */
  closed?: { at: string; by: string; note: string } | null;
}

/** Does the trigger concern this person? Each list given narrows it ("social workers in PaCT"); with neither, everyone. */
export function affects(trigger: Pick<LearningTrigger, 'teams' | 'professions'>, person: Pick<Person, 'team' | 'profession'>): boolean {
  return (trigger.teams.length === 0 || trigger.teams.includes(person.team)) && (trigger.professions.length === 0 || trigger.professions.includes(person.profession));
}

/** Active until its due date has passed (or always, without one), unless L&D have closed it. */
export function isActive(trigger: Pick<LearningTrigger, 'dueDate' | 'closed'>, today: IsoDate): boolean {
  return !trigger.closed && (!trigger.dueDate || trigger.dueDate >= today);
}
