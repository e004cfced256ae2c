// A person's Learning Development Plan: needs they name, move on, plan or drop, and their manager's
// comments. Only the owner changes a need; a manager comments on a report's.
import type { ActivityType } from '../../core/activities';
import { addDays, addMonths, type IsoDate } from '../../core/calendar';
import { areaOf, describeCode } from '../../core/commonCore';
import { isOpen, type NeedStatus, type Priority } from '../../core/needs';
import type { Person } from '../../core/people';
import { planPeriodOf } from '../../core/planPeriod';
import { cadencePerson } from '../../core/sessionPlanning';
import { fitsInNeedRow, type StoredNeed } from '../../store/needs';
import type { AppDeps } from '../deps';
import { wantMentorFor } from '../mentoring/requests';

export interface NewNeed {
  areas: string[];
  subHeading: string;
  frameworkTag: string;
  description: string;
  priority: Priority | '';
  activityTypes: ActivityType[];
  /** '' when there is none. */
  targetDate: IsoDate;
}

/** Adds a need the person named for themself to the plan year it was named in. */
export async function addOwnNeed(deps: Pick<AppDeps, 'needs' | 'policy' | 'clock' | 'newId'>, person: Person, input: NewNeed, sourceRef: string, today: IsoDate): Promise<{ invalid: string[] } | { codes: string[]; period: IsoDate }> {
  if (input.subHeading && !input.areas.includes(areaOf(input.subHeading)!.code)) {
    return { invalid: [`${describeCode(input.subHeading)} is part of ${describeCode(areaOf(input.subHeading)!.code)}: choose that area too, or a different sub-heading.`] };
  }
  if (input.targetDate && (input.targetDate < today || input.targetDate > addMonths(today, 36))) {
    return { invalid: ['By when: choose a date from today to three years ahead.'] };
  }
  // The sub-heading stands in for its area, and comes first: it is the most precise code.
  const codes = input.subHeading ? [input.subHeading, ...input.areas.filter((a) => a !== areaOf(input.subHeading)!.code)] : input.areas;
  const now = deps.clock.now().toISOString();
  const period = planPeriodOf(deps.policy, cadencePerson(person), today);
  await deps.needs.save({
    tenantId: person.tenantId, personId: person.aadObjectId, needId: deps.newId(), codes, frameworkTag: input.frameworkTag || null,
    description: input.description, activityTypes: input.activityTypes, priority: input.priority || 'medium', status: 'open',
    source: 'self', sourceRef, targetDate: input.targetDate || null, period: period.start, plan: null,
    dropReason: null, comments: [], history: [], createdAt: now, updatedAt: now,
  });
  return { codes, period: period.start };
}

export interface NeedChange {
  status: NeedStatus;
  activity: ActivityType | '';
  note: string;
  /** '' when there is none. */
  when: IsoDate;
  dropReason: string;
  wantsMentor: boolean;
}

/** The owner moves a need on, plans an activity or drops it (with a reason), and may ask for a mentor for it. */
export async function changeNeed(deps: Pick<AppDeps, 'needs' | 'mentoring' | 'clock' | 'newId'>, need: StoredNeed, change: NeedChange, today: IsoDate): Promise<{ invalid: string[] } | { status: NeedStatus; mentor: boolean }> {
  const dropReason = change.dropReason || need.dropReason || '';
  if ((change.note || change.when) && !change.activity) return { invalid: ['To plan an activity, choose the way of learning too.'] };
  if (change.status === 'planned' && !change.activity) return { invalid: ['To mark it planned, choose the activity you have planned.'] };
  if (change.status === 'dropped' && !dropReason) return { invalid: ['Say why you are dropping it: your line manager and the team plan see the reason, not the need.'] };
  if (change.when && (change.when < addDays(today, -366) || change.when > addMonths(today, 36))) return { invalid: ['When: choose a date within a year before and three years after today.'] };
  const status: NeedStatus = change.status === 'open' && change.activity ? 'planned' : change.status;
  await deps.needs.update(need, {
    status,
    plan: change.activity ? { activityType: change.activity, note: change.note, date: change.when || null } : null,
    dropReason: status === 'dropped' ? dropReason : null,
    updatedAt: deps.clock.now().toISOString(),
  });
  const mentor = change.wantsMentor && isOpen({ status });
  if (mentor) await wantMentorFor(deps, need);
  return { status, mentor };
}

/** A need's comments live on its row: enough for a year's conversation, never enough to fill the row. */
export const MAX_COMMENTS = 40;

/** A manager's comment on a report's need; the report is told. */
export async function commentOnNeed(deps: Pick<AppDeps, 'needs' | 'outbox' | 'clock'>, need: StoredNeed, by: { id: string; name: string }, text: string): Promise<{ invalid: string[] } | { commented: true }> {
  const at = deps.clock.now().toISOString();
  const comments = [...need.comments, { byId: by.id, byName: by.name, at, text }];
  if (need.comments.length >= MAX_COMMENTS || !fitsInNeedRow(comments)) return { invalid: [`This need already has ${need.comments.length} comments: talk it through at supervision instead.`] };
  await deps.needs.update(need, { comments, updatedAt: at });
  await deps.outbox.sendText(need.tenantId, `plan-comment|${need.needId}|${at}`, need.personId,
    `${by.name} commented on your Learning Development Plan. Type **my plan** to see it.`);
  return { commented: true };
}
