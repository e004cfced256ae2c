// A line manager confirms (or not) that a self-introduced person is in their team.
import { z } from 'zod';
import { joinerConfirmCard } from '../../cards/joinerConfirm';
import { noticeCard } from '../../cards/notice';
import { nameOf } from '../../core/people';
import type { AdaptiveCardJson } from '../../core/conversation';
import type { CardOf } from '../../app/cards';
import type { StoredPerson } from '../../store/people';
import type { Asking, BotDeps } from '../context';
import { defineAction, type CardFlow } from './flow';
import { personFacts } from './personFacts';
import { confirmJoiner, declineJoiner } from '../../app/people/joiners';

async function subjectOf(deps: BotDeps, card: CardOf<'joinerConfirm'>) {
  return deps.people.get(card.tenantId, card.context.personId);
}

/** The joiner is still waiting for this manager; otherwise a card saying why there is nothing to do. */
async function stillAsked({ deps, turn, person: manager }: Asking, card: CardOf<'joinerConfirm'>): Promise<{ person: StoredPerson } | { gone: AdaptiveCardJson }> {
  const person = await subjectOf(deps, card);
  const nothing = (line: string) => ({ gone: noticeCard({ title: 'Nothing to confirm', lines: [line] }) });
  if (manager?.source !== 'roster' || manager.status !== 'active') return nothing("Only managers on HR's staff roster can confirm new team members.");
  if (!person) return nothing('This person is no longer in Weave.');
  if (person.status !== 'pending') return nothing(`${nameOf(person)} is already confirmed or on HR's roster.`);
  if (person.managerId !== turn.user.aadObjectId) return nothing(`${nameOf(person)} has since named a different line manager.`);
  return { person };
}

/** A manager's answer: only acts while the joiner is still waiting for this manager. */
function managerAnswer(act: (asking: Asking, person: StoredPerson) => Promise<AdaptiveCardJson>) {
  return defineAction<z.ZodObject, 'joinerConfirm'>({
    schema: z.object({}),
    closesCard: true,
    async handle(asking, card) {
      const found = await stillAsked(asking, card);
      return { card: 'gone' in found ? found.gone : await act(asking, found.person) };
    },
  });
}

export const joinerConfirmFlow: CardFlow<'joinerConfirm'> = {
  kind: 'joinerConfirm',
  async render(deps, card) {
    const person = await subjectOf(deps, card);
    if (!person) return noticeCard({ title: 'Nothing to confirm', lines: ['This person is no longer in Weave.'] });
    return joinerConfirmCard({ cardId: card.cardId, name: nameOf(person), email: person.email || 'no email known', facts: await personFacts(deps, person) });
  },
  actions: {
    'joiner.confirm': managerAnswer(async ({ deps, turn }, person) => {
      await confirmJoiner(deps, person, { id: turn.user.aadObjectId, name: turn.user.name });
      return noticeCard({ title: `${nameOf(person)} is confirmed`, tone: 'good', lines: [`Weave now treats ${nameOf(person)} as your report.`] });
    }),
    'joiner.decline': managerAnswer(async ({ deps, turn }, person) => {
      await declineJoiner(deps, person, { id: turn.user.aadObjectId, name: turn.user.name });
      return noticeCard({ title: 'Thanks', lines: [`${nameOf(person)} has been asked to check who their line manager is.`] });
    }),
  },
};
