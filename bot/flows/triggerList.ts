// `triggers`: the learning triggers someone leads on and how far each has ended in learning. L&D make
// a briefing from one, or close it with a note (its record stays); a manager sees their own reports.
import { z } from 'zod';
import type { CardOf } from '../../app/cards';
import { messagesOf, text } from '../../app/fields';
import { todayFor } from '../../app/people/today';
import { triggerLines } from '../../app/triggers/list';
import { closeTrigger } from '../../app/triggers/record';
import { noticeCard } from '../../cards/notice';
import { triggerListCard } from '../../cards/triggerList';
import { hasRole } from '../../core/people';
import type { BotDeps } from '../context';
import { defineAction, issueCard, type CardFlow, type FormState } from './flow';
import { briefingComposer, BRIEFING_STARTED, newTriggerFlow } from './newTrigger';

const LD = { role: 'ld_admin', refusal: 'Only L&D admins make briefings from learning triggers and close them.' } as const;
const SHOWN = 8;
const triggerRef = z.looseObject({ triggerId: z.string({ error: 'Choose a learning trigger.' }).min(1).max(64) });

async function render(deps: BotDeps, card: CardOf<'triggerList'>, form?: FormState) {
  const [person, today] = await Promise.all([deps.people.get(card.tenantId, card.recipientId), todayFor(deps, card.tenantId, card.recipientId)]);
  if (!person) return noticeCard({ title: 'Learning triggers', lines: ["Weave doesn't know you yet."] });
  const ld = hasRole(person, 'ld_admin');
  const lines = await triggerLines(deps, card.tenantId, person, today);
  const t = deps.planPolicy.threshold;
  return triggerListCard({
    cardId: card.cardId,
    intro: ld
      ? `Each trigger, with how many of the staff it affects have learned from it (attended a briefing made from it, logged CPD in its areas, or met the need it added), by team. Teams with fewer than ${t} affected are pooled, and a figure that could point at fewer than ${t} people is not shown.`
      : lines.length
        ? 'Learning triggers that concern your reports, and how many of them have learned from each. To record one for your team, type **new trigger**.'
        : 'No open learning trigger concerns your reports. To record one for your team, type **new trigger**.',
    items: lines.slice(0, SHOWN).map((l) => ({ ...l, actions: ld && !l.closed })),
    more: lines.length > SHOWN ? `${lines.length - SHOWN} more on the Organisation page of the Weave tab.` : '',
    errors: form?.errors ?? [], note: form?.note ?? '',
  });
}

export const triggerListFlow: CardFlow<'triggerList'> = {
  kind: 'triggerList',
  render,
  actions: {
    'triggers.refresh': defineAction({
      schema: z.looseObject({}),
      closesCard: false,
      async handle({ deps }, card) {
        return { card: await render(deps, card) };
      },
    }),
    'triggers.briefing': defineAction({
      schema: triggerRef,
      audience: LD,
      closesCard: false,
      async handle({ deps }, card, input) {
        const trigger = await deps.plans.getTrigger(card.tenantId, input.triggerId);
        if (!trigger) return { invalid: ['That learning trigger is not in Weave.'] };
        if (trigger.closed) return { invalid: ['That learning trigger is closed.'] };
        return { card: await render(deps, card, { note: BRIEFING_STARTED }), followUps: [await briefingComposer(deps, card.tenantId, card.recipientId, trigger.triggerId)] };
      },
    }),
    'triggers.edit': defineAction({
      schema: triggerRef,
      audience: LD,
      closesCard: false,
      async handle({ deps }, card, input) {
        const trigger = await deps.plans.getTrigger(card.tenantId, input.triggerId);
        if (!trigger || trigger.closed) return { invalid: ['That learning trigger is not open.'] };
        const edit = await issueCard(deps, newTriggerFlow, { tenantId: card.tenantId, recipientId: card.recipientId, ttlDays: 7, context: { triggerId: trigger.triggerId, editing: true } });
        return { card: await render(deps, card, { note: 'The trigger is below to change.' }), followUps: [{ card: edit, summary: 'Change a learning trigger' }] };
      },
    }),
    'triggers.close': defineAction({
      schema: triggerRef,
      audience: LD,
      closesCard: false,
      async handle({ deps }, card, input) {
        const note = text('Why it is closed', { max: 300, required: true, multiline: true }).safeParse((input as Record<string, unknown>)[`note_${input.triggerId}`]);
        if (!note.success) return { invalid: messagesOf(note.error) };
        const closed = await closeTrigger(deps, card.tenantId, input.triggerId, card.recipientId, note.data);
        return 'invalid' in closed ? closed : { card: await render(deps, card, { note: 'Closed. It no longer raises priorities; its record and your note stay.' }) };
      },
    }),
  },
};
