// A learning trigger's need, put in the plan of everyone it affects, a page of people at a time.
// The need's id comes from the trigger and the person and each message has a fixed batch key, so
// a page done twice (a retry) writes and sends nothing twice.
import type { AppDeps } from '../app/deps';
import { plain } from '../core/text';
import { describeCode } from '../core/commonCore';
import { deterministicId } from '../core/ids';
import { planPeriodOf } from '../core/planPeriod';
import { cadencePerson } from '../core/sessionPlanning';
import { affects, TRIGGER_SOURCES } from '../core/triggers';
import { localDate } from '../core/zonedTime';
import type { WorkItem } from '../app/messaging/work';

export const TRIGGER_PAGE = 200;

export async function addTriggerNeeds(deps: AppDeps, item: Extract<WorkItem, { kind: 'trigger-needs' }>): Promise<number> {
  const trigger = (await deps.plans.listTriggers(item.tenantId)).find((t) => t.triggerId === item.triggerId);
  if (!trigger || !trigger.needsCreated) return 0;
  const affected = (await deps.people.list(item.tenantId))
    .filter((p) => p.status === 'active' && affects(trigger, p))
    .sort((a, b) => a.aadObjectId.localeCompare(b.aadObjectId))
    .filter((p) => item.after === null || p.aadObjectId > item.after);
  const page = affected.slice(0, TRIGGER_PAGE);
  const now = deps.clock.now().toISOString();
  const today = localDate(deps.clock.now(), deps.config.timeZone);
  for (const person of page) {
    const needId = deterministicId('trigger', trigger.triggerId, person.aadObjectId);
    // Once there, it is the person's: a retried page does not undo what they have done with it.
    if (!(await deps.needs.get(item.tenantId, person.aadObjectId, needId))) {
      await deps.needs.save({
        tenantId: item.tenantId, personId: person.aadObjectId, needId, codes: trigger.codes, frameworkTag: null, description: trigger.summary, activityTypes: [],
        priority: 'high', status: 'open', source: 'trigger', sourceRef: trigger.triggerId, targetDate: trigger.dueDate,
        period: planPeriodOf(deps.policy, cadencePerson(person), today).start, plan: null, dropReason: null, comments: [], history: [], createdAt: now, updatedAt: now,
      });
    }
    await deps.outbox.sendText(item.tenantId, `trigger-need|${trigger.triggerId}`, person.aadObjectId,
      `Workforce Development added a learning need to your plan, from ${TRIGGER_SOURCES[trigger.source].toLowerCase()}: "${plain(trigger.summary)}" (${trigger.codes.map(describeCode).join(', ')}). Type **my plan** to see it and plan how you'll learn it.`);
  }
  if (affected.length > page.length) await deps.work.enqueue({ ...item, after: page[page.length - 1]!.aadObjectId });
  return page.length;
}

/** A page that failed every retry: whoever recorded the trigger is told it did not reach everyone. */
export async function reportStuckWork(deps: AppDeps, item: WorkItem): Promise<void> {
  if (item.kind === 'offer-fanout') {
    const offer = await deps.offers.get(item.tenantId, item.offerId);
    if (offer) await deps.outbox.sendText(item.tenantId, `offer-stuck|${item.offerId}|${item.after ?? ''}`, offer.createdBy,
      `Weave could not finish sending "${plain(offer.title)}" to everyone: part of the list failed every retry. Please tell your IT team (it is logged as work.poisoned).`);
    return;
  }
  const trigger = (await deps.plans.listTriggers(item.tenantId)).find((t) => t.triggerId === item.triggerId);
  if (!trigger) return;
  await deps.outbox.sendText(item.tenantId, `trigger-stuck|${item.triggerId}|${item.after ?? ''}`, trigger.createdBy,
    `Weave could not finish adding the learning need from "${plain(trigger.summary)}" to everyone it affects. Please tell your IT team (it is logged as work.poisoned); the people it did reach have it.`);
}
