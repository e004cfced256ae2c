// The supervisor's read-only summary of someone's preparation, rendered when it is sent so it
// carries the latest answers.
import { noticeCard } from '../../cards/notice';
import type { CardFlow } from './flow';
import { reviewNeeds } from './sessionPrompt';
import { supervisorSummaryCard } from './sessionViews';

export const sessionSummaryFlow: CardFlow = {
  kind: 'sessionSummary',
  async render(deps, card) {
    const session = await deps.sessions.get(card.tenantId, String(card.context.sessionKey ?? ''));
    const person = session && await deps.people.get(card.tenantId, session.personId);
    if (!session || !person) return noticeCard({ title: 'Nothing to show', lines: ['This session is no longer in Weave.'] });
    const prompt = session.promptCardId ? await deps.cards.get(session.promptCardId) : undefined;
    const review = prompt ? await reviewNeeds(deps, prompt) : [];
    return supervisorSummaryCard(session, person, review.map((n) => n.description));
  },
  actions: {},
};
