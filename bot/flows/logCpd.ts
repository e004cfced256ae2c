// `log cpd`: a piece of learning for the CPD record. Before it is saved, the reflection is checked
// for anything that seems to identify a child or family; the person edits it out or confirms.
import { z } from 'zod';
import { CPD_INPUTS, EMPTY_CPD_VALUES, logCpdCard, type LogCpdValues } from '../../cards/logCpd';
import { noticeCard } from '../../cards/notice';
import { plain } from '../../core/text';
import { ACTIVITY_TYPE_CODES } from '../../core/activities';
import { formatDate } from '../../core/calendar';
import { AREA_CODES } from '../../core/commonCore';
import { REFLECTION_MODELS, REFLECTION_MODEL_CODES, reflectionPrompts, type CpdRecord, type ReflectionModel } from '../../core/cpd';
import { findingLines } from '../../views/identifying';
import { isOpen } from '../../core/needs';
import { PROFESSION_CODES, type Profession } from '../../core/workforce';
import { type CardOf, updateCardContext } from '../../app/cards';
import type { BotDeps } from '../context';
import { checkFacts, headline, periodLine, readinessOf } from '../../views/cpd';
import { choice, choices, date, messagesOf, number, picked, text, toggle, typed } from '../../app/fields';
import { defineAction, type CardFlow, type FormState } from './flow';
import { needHeading } from '../../views/plan';
import { todayFor } from '../../app/people/today';
import { logCpd } from '../../app/cpd/records';

const PEER_PROFESSIONS = [...PROFESSION_CODES, 'other'] as [Profession | 'other', ...(Profession | 'other')[]];

const schema = z.object({
  title: text('What was it', { max: 150, required: true }),
  activityType: choice('Kind of learning', ACTIVITY_TYPE_CODES),
  date: date('When', { required: true }),
  hours: number('Hours', { min: 0.25, max: 200, required: true }),
  participatoryHours: number('Hours with others', { min: 0, max: 200 }),
  codes: choices('Areas of the Common Core', AREA_CODES, { min: 1 }),
  needIds: picked('Needs in your plan', { max: 20 }),
  impactPractice: text('Impact on your practice', { max: 1000, multiline: true }),
  impactPeople: text('Impact on children, young people and families', { max: 1000, multiline: true }),
  peerName: text("Your peer's name", { max: 100, noLinks: true }),
  peerProfession: choice("Your peer's profession", PEER_PROFESSIONS, { required: false }),
  peerReflection: text('What your peer reflected', { max: 2000, multiline: true }),
  includesFeedback: toggle(),
  reflectiveDiscussion: toggle(),
  confirmNotIdentifying: toggle(),
} satisfies Record<(typeof CPD_INPUTS)[number] | 'confirmNotIdentifying', z.ZodType>).loose();

const modelOf = (card: CardOf<'logCpd'>): ReflectionModel =>
  REFLECTION_MODEL_CODES.includes(card.context.model) ? card.context.model : 'what';

const promptKeys = (model: ReflectionModel) => reflectionPrompts(model).map(([key]) => key);

function reflectionSchema(model: ReflectionModel) {
  return z.object(Object.fromEntries(reflectionPrompts(model).map(([key, p]) => [`r_${key}`, text(p.name, { max: 2000, multiline: true })])));
}

/** What the card was opened with (from a mentoring check-in: the kind of learning and the peer). */
function prefillOf(card: CardOf<'logCpd'>): Partial<LogCpdValues> {
  const prefill = card.context.prefill;
  if (!prefill || typeof prefill !== 'object') return {};
  return Object.fromEntries(Object.entries(prefill).filter(([k, v]) => (CPD_INPUTS as readonly string[]).includes(k) && typeof v === 'string'));
}

async function openNeeds(deps: BotDeps, card: CardOf<'logCpd'>) {
  return (await deps.needs.listFor(card.tenantId, card.recipientId)).filter(isOpen);
}

async function render(deps: BotDeps, card: CardOf<'logCpd'>, form?: FormState) {
  const model = modelOf(card);
  const [person, needs, today] = await Promise.all([
    deps.people.get(card.tenantId, card.recipientId), openNeeds(deps, card), todayFor(deps, card.tenantId, card.recipientId),
  ]);
  const v = form?.values;
  const values: LogCpdValues = v
    ? (Object.fromEntries(CPD_INPUTS.map((k) => [k, typed(v, k)])) as LogCpdValues)
    : { ...EMPTY_CPD_VALUES, date: today, ...prefillOf(card) };
  return logCpdCard({
    cardId: card.cardId,
    model,
    values,
    reflection: Object.fromEntries(promptKeys(model).map((k) => [k, typed(v, `r_${k}`)])),
    needs: needs.map((n) => ({ id: n.needId, label: `${needHeading(n)}: ${n.description}` })),
    errors: form?.errors ?? [],
    warnings: form?.warnings ?? [],
    nmc: person?.registrationBody === 'nmc',
    today,
  });
}

export const logCpdFlow: CardFlow<'logCpd'> = {
  kind: 'logCpd',
  render,
  actions: {
    'cpd.model': defineAction({
      schema: z.object({ model: choice('Reflection model', REFLECTION_MODEL_CODES) }).loose(),
      closesCard: false,
      async handle({ deps }, card, input) {
        const from = modelOf(card);
        const to = input.model as ReflectionModel;
        // What was written moves across box by box, in order; what is left over joins the last box.
        const written = promptKeys(from).map((k) => typed(input, `r_${k}`, 10_000).trim()).filter(Boolean);
        const keys = promptKeys(to);
        const moved = keys.map((_, i) => (i < keys.length - 1 ? written[i] ?? '' : written.slice(i).join('\n\n')));
        if (moved.some((text) => text.length > 2000)) {
          return { invalid: [`Your reflection won't fit ${REFLECTION_MODELS[to].label}'s boxes (up to 2,000 characters each): shorten it, or keep this model.`] };
        }
        const { model: _chosen, ...typedSoFar } = input;
        const saved = await updateCardContext(deps.cards, card, { ...card.context, model: to });
        return { card: await render(deps, saved, { values: { ...typedSoFar, ...Object.fromEntries(keys.map((k, i) => [`r_${k}`, moved[i]!])) } }) };
      },
    }),
    'cpd.save': defineAction({
      schema,
      closesCard: true,
      async handle({ deps }, card, input) {
        const person = await deps.people.get(card.tenantId, card.recipientId);
        if (!person) return { invalid: ['Weave no longer has a record for you. Type help to start again.'] };
        const model = modelOf(card);
        const reflectionParsed = reflectionSchema(model).safeParse(input);
        if (!reflectionParsed.success) return { invalid: messagesOf(reflectionParsed.error) };
        const reflection = Object.fromEntries(Object.entries(reflectionParsed.data as Record<string, string>).map(([k, v]) => [k.slice(2), v]));

        const today = await todayFor(deps, card.tenantId, card.recipientId);
        const outcome = await logCpd(deps, { tenantId: card.tenantId, personId: card.recipientId }, {
          activityType: input.activityType as CpdRecord['activityType'], title: input.title, date: input.date, hours: input.hours, participatoryHours: input.participatoryHours,
          codes: input.codes, needIds: input.needIds, impactPractice: input.impactPractice, impactPeople: input.impactPeople,
          peerName: input.peerName, peerProfession: input.peerProfession,
          peerReflection: input.peerReflection, includesFeedback: input.includesFeedback, reflectiveDiscussion: input.reflectiveDiscussion, confirmNotIdentifying: input.confirmNotIdentifying,
        }, { model, text: reflection }, await openNeeds(deps, card), today);
        if ('invalid' in outcome) return outcome;
        if ('identifying' in outcome) return { invalid: [], warnings: findingLines(outcome.identifying) };
        const { record } = outcome;

        const ready = readinessOf(deps.registration, person, await deps.cpd.listFor(card.tenantId, card.recipientId), today);
        return {
          card: noticeCard({
            title: 'Saved to your CPD record',
            tone: 'good',
            lines: [`${plain(record.title)}, ${formatDate(record.date)}.`, ...(ready.period ? [periodLine(ready), headline(ready).text] : [])],
            facts: checkFacts(ready),
            buttons: [{ title: 'My CPD', command: 'my cpd' }, { title: 'Log more', command: 'log cpd' }],
          }),
        };
      },
    }),
  },
};
