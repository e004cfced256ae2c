// `my pathway`: the person chooses where they would like to go (or not now) and whether their line
// manager sees it; Weave shows the next step, what it needs and what in their plan already leads
// there, and adds the step's learning to their plan when asked.
import { z } from 'zod';
import { NOT_NOW } from '../../core/pathways';
import { pathwayCard, type PathwayField } from '../../cards/pathway';
import { pathwaysOn } from '../../core/pathways';
import { aimLine, stepFacts } from '../../views/pathway';
import type { CardOf } from '../../app/cards';
import { text, toggle, typed } from '../../app/fields';
import { addStepToPlan, pathwayOf, setAspiration } from '../../app/people/pathway';
import { todayFor } from '../../app/people/today';
import type { BotDeps } from '../context';
import { defineAction, type CardFlow, type FormState } from './flow';


async function render(deps: BotDeps, card: CardOf<'pathway'>, form?: FormState) {
  const person = await deps.people.get(card.tenantId, card.recipientId);
  const today = await todayFor(deps, card.tenantId, card.recipientId);
  const view = person ? await pathwayOf(deps, person, today) : null;
  const roles = pathwaysOn(deps.pathways, today).roles.filter((r) => r.id !== view?.current?.id);
  const chosen = view?.aspiration ? (view.aspiration.choice.kind === 'role' ? view.aspiration.choice.roleId : NOT_NOW) : '';
  const step = view?.step ?? null;
  const v = form?.values;
  return pathwayCard({
    cardId: card.cardId,
    current: view?.current ? `Where you are now: ${view.current.title}.` : "Weave can't tell your role on these pathways from HR's roster; choose where you'd like to go and it shows a way in.",
    aim: aimLine(view?.aspiration ?? null, view?.target ?? null),
    facts: stepFacts(step, view?.stepsToGo ?? null, !!view?.target),
    leading: view?.leading ?? [],
    roles: [...roles.map((r) => ({ value: r.id, label: r.title })), { value: NOT_NOW, label: 'Not now' }],
    values: v ? { target: typed(v, 'target', 40), share: typed(v, 'share', 5) || 'false' } : { target: chosen, share: view?.aspiration?.shareWithManager ? 'true' : 'false' },
    errors: form?.errors ?? [],
    note: form?.note ?? '',
    canAdd: !!step && !view?.aspiration?.stepAdded,
    addNote: step && !view?.aspiration?.stepAdded ? 'Adding the step puts its learning in your plan, which your line manager sees.' : step ? 'The next step is in your plan.' : '',
  });
}

export const pathwayFlow: CardFlow<'pathway'> = {
  kind: 'pathway',
  render,
  actions: {
    'pathway.save': defineAction({
      // Which roles there are is policy: setAspiration checks the choice against this day's pathways.
      schema: z.object({ target: text('Where you would like to go', { max: 40, required: true }), share: toggle() } satisfies Record<PathwayField, z.ZodType>),
      closesCard: false,
      async handle({ deps, person }, card, input) {
        if (!person) return { invalid: ['Weave no longer has a record for you. Type help to start again.'] };
        const today = await todayFor(deps, card.tenantId, card.recipientId);
        const saved = await setAspiration(deps, person, input.target === NOT_NOW ? { kind: 'not_now' } : { kind: 'role', roleId: input.target }, input.share, today);
        if ('invalid' in saved) return saved;
        return { card: await render(deps, card, { note: input.share ? 'Saved. Your line manager can see where you would like to go.' : 'Saved. Only you can see it.' }) };
      },
    }),
    'pathway.addStep': defineAction({
      schema: z.object({}),
      closesCard: false,
      async handle({ deps, person }, card) {
        if (!person) return { invalid: ['Weave no longer has a record for you. Type help to start again.'] };
        const added = await addStepToPlan(deps, person, await todayFor(deps, card.tenantId, card.recipientId));
        if ('invalid' in added) return added;
        return { card: await render(deps, card, { note: `Added to your plan: towards ${added.added.needs.title}. Type my plan to see it.` }) };
      },
    }),
  },
};
