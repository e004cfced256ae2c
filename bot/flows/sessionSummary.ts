// The supervisor's read-only summary of someone's preparation, rendered when it is sent so it
// carries the latest answers.
import { isCardOf } from '../../app/cards';
import { noticeCard } from '../../cards/notice';
import type { CardFlow } from './flow';
import { reviewNeedsOf } from './sessionPrompt';
import { reviewLabels, supervisorSummaryCard } from './sessionViews';
import { todayFor } from '../../app/people/today';

export const sessionSummaryFlow: CardFlow<'sessionSummary'> = {
  kind: 'sessionSummary',
  async render(deps, card) {
    const session = await deps.sessions.get(card.tenantId, card.context.sessionKey);
    const person = session && await deps.people.get(card.tenantId, session.personId);
    if (!session || !person) return noticeCard({ title: 'Nothing to show', lines: ['This session is no longer in Weave.'] });
    // Rendered as it is sent: if supervision has passed to someone else meanwhile, nothing goes to the old supervisor.
    if (session.supervisorId !== card.recipientId) return noticeCard({ title: 'Nothing to show', lines: ['You are no longer the supervisor for this session.'] });
    const prompt = session.promptCardId ? await deps.cards.get(session.promptCardId) : undefined;
    const review = prompt && isCardOf(prompt, 'supervisionPrompt', 'appraisalPrompt') ? await reviewNeedsOf(deps, prompt) : [];
    const delivery = session.promptSentAt ? await deps.deliveries.get(`prompt|${session.key}`, session.personId) : undefined;
    const reachable = !delivery || (delivery.state !== 'unreachable' && delivery.state !== 'not_installed' && delivery.state !== 'blocked' && delivery.state !== 'failed');
    return supervisorSummaryCard(session, person, reviewLabels(review), reachable, await todayFor(deps, card.tenantId, card.recipientId));
  },
  actions: {},
};
