// `add need`: a learning need the person names for themself, in Common Core terms, with how they
// would like to learn it. It joins the plan year it was named in.
import { z } from 'zod';
import { addNeedCard, type AddNeedValues } from '../../cards/addNeed';
import { noticeCard } from '../../cards/notice';
import { plain } from '../../core/text';
import { ACTIVITY_TYPE_CODES } from '../../core/activities';
import { formatDate } from '../../core/calendar';
import { AREA_CODES, CODES, describeCode } from '../../core/commonCore';
import { FRAMEWORK_TAGS } from '../../core/frameworks';
import { PRIORITIES } from '../../core/needs';
import type { CardOf } from '../../app/cards';
import type { BotDeps } from '../context';
import { choice, choices, date, text, typed } from '../../app/fields';
import { defineAction, type CardFlow, type FormState } from './flow';
import { todayFor } from '../../app/people/today';
import { addOwnNeed } from '../../app/plan/needs';
import type { AddNeedField } from '../../cards/addNeed';

const SUB_HEADINGS = CODES.filter((c) => c.includes('.'));

const schema = z.object({
  areas: choices('Areas of the Common Core', AREA_CODES, { min: 1 }),
  subHeading: choice('More precisely', SUB_HEADINGS as [string, ...string[]], { required: false }),
  frameworkTag: choice("Your profession's framework", FRAMEWORK_TAGS as [string, ...string[]], { required: false }),
  description: text('What you want to learn', { max: 500, required: true, multiline: true }),
  priority: choice('Priority', PRIORITIES),
  activityTypes: choices('How you would like to learn it', ACTIVITY_TYPE_CODES),
  targetDate: date('By when'),
} satisfies Record<AddNeedField, z.ZodType>);

const EMPTY: AddNeedValues = { areas: '', subHeading: '', frameworkTag: '', description: '', priority: 'medium', activityTypes: '', targetDate: '' };

async function render(deps: BotDeps, card: CardOf<'addNeed'>, form?: FormState) {
  const v = form?.values;
  const values: AddNeedValues = v
    ? {
        areas: typed(v, 'areas', 100), subHeading: typed(v, 'subHeading', 10), frameworkTag: typed(v, 'frameworkTag', 200),
        description: typed(v, 'description', 500), priority: typed(v, 'priority', 10), activityTypes: typed(v, 'activityTypes', 600), targetDate: typed(v, 'targetDate', 10),
      }
    : EMPTY;
  return addNeedCard({ cardId: card.cardId, values, errors: form?.errors ?? [], today: await todayFor(deps, card.tenantId, card.recipientId) });
}

export const addNeedFlow: CardFlow<'addNeed'> = {
  kind: 'addNeed',
  render,
  actions: {
    'need.add': defineAction({
      schema,
      closesCard: true,
      async handle({ deps, turn }, card, input) {
        const person = await deps.people.get(turn.tenantId, turn.user.aadObjectId);
        if (!person) return { invalid: ['Weave no longer has a record for you. Type help to start again.'] };
        const today = await todayFor(deps, card.tenantId, card.recipientId);
        const added = await addOwnNeed(deps, person, { ...input, priority: input.priority, activityTypes: input.activityTypes }, `card:${card.cardId}`, today);
        if ('invalid' in added) return added;
        const { codes, period } = added;
        return {
          card: noticeCard({
            title: 'Added to your plan',
            tone: 'good',
            lines: [`${codes.map(describeCode).join(' · ')}: ${plain(input.description)}`, `It is in your plan for the year from ${formatDate(period)}. Your line manager can see it and comment.`],
            buttons: [{ title: 'See my plan', command: 'my plan' }, { title: 'Add another', command: 'add need' }],
          }),
        };
      },
    }),
  },
};
