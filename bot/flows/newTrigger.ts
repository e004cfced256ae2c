// `new trigger`: L&D records something the workforce should learn from. It raises priorities in
// the plans and, if asked, puts a learning need in the plan of everyone it affects (once each:
// the need's id comes from the trigger and the person) and tells them. Create briefing then opens
// the offer composer filled in from it.
import { z } from 'zod';
import { noticeCard } from '../../cards/notice';
import { plain } from '../../core/text';
import { newTriggerCard, type TriggerValues } from '../../cards/trigger';
import { CODES, describeCode } from '../../core/commonCore';
import { TRIGGER_SOURCE_CODES, TRIGGER_SOURCES, type LearningTrigger } from '../../core/triggers';
import { PROFESSION_CODES } from '../../core/workforce';
import { type CardOf, updateCardContext } from '../../app/cards';
import type { BotDeps } from '../context';
import { choice, choices, date, picked, text, toggle, typed } from '../../app/fields';
import { defineAction, issueCard, type CardFlow, type FormState } from './flow';
import { offerComposeFlow } from './offers/compose';
import { todayFor } from '../../app/people/today';
import { plural } from '../../core/words';
import { changeTrigger, recordTrigger, triggerTeamsFor } from '../../app/triggers/record';
import { hasRole } from '../../core/people';
import type { TriggerField } from '../../cards/trigger';

const LD = { role: 'ld_admin', refusal: 'Only L&D admins create briefings from learning triggers.' } as const;
const LEADS = { anyRole: ['manager', 'ld_admin'], refusal: 'Only line managers (for their own team) and L&D admins record learning triggers.' } as const;

const schema = z.object({
  source: choice('Where it comes from', TRIGGER_SOURCE_CODES),
  summary: text('What people should learn from it', { max: 300, required: true, multiline: true, noLinks: true }),
  codes: choices('Areas of the Common Core', CODES, { min: 1 }),
  teams: picked('Teams', { max: 100 }),
  professions: choices('Professions it affects', PROFESSION_CODES),
  dueDate: date('Learn by'),
  createNeeds: toggle(),
} satisfies Record<TriggerField, z.ZodType>).loose();

async function render(deps: BotDeps, card: CardOf<'newTrigger'>, form?: FormState) {
  const editing = card.context.editing && card.context.triggerId ? await deps.plans.getTrigger(card.tenantId, card.context.triggerId) : undefined;
  const v = form?.values ?? (editing ? valuesOfTrigger(editing) : undefined);
  const values: TriggerValues = {
    source: typed(v, 'source', 40), summary: typed(v, 'summary'), codes: typed(v, 'codes', 1000), teams: typed(v, 'teams', 4000),
    professions: typed(v, 'professions', 1000), dueDate: typed(v, 'dueDate', 10), createNeeds: typed(v, 'createNeeds', 5) || 'false',
  };
  const [person, today] = await Promise.all([deps.people.get(card.tenantId, card.recipientId), todayFor(deps, card.tenantId, card.recipientId)]);
  const allowed = person ? await triggerTeamsFor(deps, card.tenantId, person) : { all: false, teams: [] };
  return newTriggerCard({ cardId: card.cardId, heading: editing ? 'Change a learning trigger' : 'Record a learning trigger', values, teams: allowed.teams, ownTeam: !allowed.all, errors: form?.errors ?? [], today });
}

function valuesOfTrigger(t: LearningTrigger): Record<string, string> {
  return { source: t.source, summary: t.summary, codes: t.codes.join(','), teams: t.teams.join(','), professions: t.professions.join(','), dueDate: t.dueDate ?? '', createNeeds: String(t.needsCreated) };
}

export const BRIEFING_STARTED = 'The offer is below, filled in from the trigger as a 7-minute briefing: add the date, time and place, preview it and send.';

/** The offer composer, filled in from a trigger as a 7-minute briefing; the offer it sends stays linked to the trigger. */
export async function briefingComposer(deps: BotDeps, tenantId: string, recipientId: string, triggerId: string) {
  const compose = await issueCard(deps, offerComposeFlow, { tenantId, recipientId, ttlDays: 60, context: { offerId: deps.newId(), trigger: triggerId } });
  return { card: compose, summary: 'Briefing on a learning trigger' };
}

export const newTriggerFlow: CardFlow<'newTrigger'> = {
  kind: 'newTrigger',
  render,
  actions: {
    'trigger.save': defineAction({
      schema,
      audience: LEADS,
      closesCard: true,
      async handle({ deps, person }, card, input) {
        const today = await todayFor(deps, card.tenantId, card.recipientId);
        const given = {
          source: input.source as LearningTrigger['source'], summary: input.summary, codes: input.codes, teams: input.teams, professions: input.professions,
          dueDate: input.dueDate || null, needsCreated: input.createNeeds,
        };
        const editing = card.context.editing && card.context.triggerId;
        const recorded = editing ? await changeTrigger(deps, card.tenantId, editing, person!, given, today) : await recordTrigger(deps, card.tenantId, person!, given, today);
        if ('invalid' in recorded) return recorded;
        const { trigger } = recorded;
        const affected = { length: recorded.affected };
        await updateCardContext(deps.cards, card, { triggerId: trigger.triggerId });
        return {
          card: noticeCard({
            title: editing ? 'Learning trigger changed' : 'Learning trigger recorded',
            tone: 'good',
            lines: [
              `${TRIGGER_SOURCES[trigger.source]}: ${plain(trigger.summary)}`,
              `It affects ${plural(affected.length, 'person', 'people')} and raises ${trigger.codes.map(describeCode).join(', ')} in the team and organisation plans${trigger.dueDate ? ` until ${trigger.dueDate}` : ''}.`,
              trigger.needsCreated ? 'A learning need is being added to each of their plans now, and each will be told.' : 'No needs were added to anyone\'s plan.',
              ...(hasRole(person, 'ld_admin') ? [] : ['L&D see it with their triggers and can make a briefing from it. Type **triggers** to see how far your team has learned from it.']),
            ],
            ...(hasRole(person, 'ld_admin')
              ? { executes: [{ title: 'Create briefing', verb: 'trigger.briefing', cardId: card.cardId }], buttons: [{ title: 'Organisation plan', command: 'org plan' }] }
              : { buttons: [{ title: 'Learning triggers', command: 'triggers' }] }),
          }),
        };
      },
    }),
    'trigger.briefing': defineAction({
      schema: z.looseObject({}),
      audience: LD,
      closesCard: false,
      onAnswered: true,
      async handle({ deps }, card) {
        const trigger = card.context.triggerId ? await deps.plans.getTrigger(card.tenantId, card.context.triggerId) : undefined;
        if (!trigger) return { invalid: ['Save the trigger first, then create its briefing.'] };
        return {
          card: noticeCard({ title: 'Briefing started', tone: 'good', lines: [BRIEFING_STARTED] }),
          followUps: [await briefingComposer(deps, card.tenantId, card.recipientId, trigger.triggerId)],
        };
      },
    }),
  },
};

