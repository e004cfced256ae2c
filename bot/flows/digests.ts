// The plan digests, rendered when they are sent so they carry the latest figures: a team's (aggregate,
// for its channel) and a manager's (their reports by name, for them alone). Plus linking a channel to a
// team's digest.
import { z } from 'zod';
import { managerDigestCard, teamDigestCard } from '../../cards/plans';
import { noticeCard } from '../../cards/notice';
import { addDays } from '../../core/calendar';
import { teamDigest } from '../../core/digest';
import type { CardOf } from '../../app/cards';
import { defineAction, type CardFlow } from './flow';
import { managerDigest, weekOf } from '../../app/plans/managerDigest';
import { linkDigest } from '../../app/plans/digestLink';
import { upcomingOffersFor } from '../../app/offers/upcoming';
import { agreedForDigest } from '../../app/plans/teamPriorities';
import { teamChannelPulseLine } from '../../app/pulse/results';

const periodOf = (card: CardOf<'teamDigest' | 'managerDigest'>) => card.context.period;

export const teamDigestFlow: CardFlow<'teamDigest'> = {
  kind: 'teamDigest',
  async render(deps, card) {
    const team = card.context.team;
    const period = periodOf(card);
    const plan = await deps.plans.getTeamPlan(card.tenantId, team, period);
    if (!plan) return noticeCard({ title: 'No digest', lines: ['This week\'s plan for the team is not in Weave.'] });
    const previous = await deps.plans.getTeamPlan(card.tenantId, team, addDays(period, -7));
    const t = deps.planPolicy.threshold;
    const [offers, agreed, pulse] = await Promise.all([upcomingOffersFor(deps, team, period), agreedForDigest(deps, card.tenantId, team, period), teamChannelPulseLine(deps, team, period)]);
    return teamDigestCard({ ...teamDigest(plan, previous ?? null, t), eyebrow: weekOf(period), threshold: t, offers, agreed, pulse });
  },
  actions: {},
};

export const managerDigestFlow: CardFlow<'managerDigest'> = {
  kind: 'managerDigest',
  async render(deps, card) {
    return managerDigestCard(await managerDigest(deps, card.recipientId, card.tenantId, periodOf(card)));
  },
  actions: {},
};


/** Offered when Weave is added to a team by a manager: post the digest in this channel. */
export const digestLinkFlow: CardFlow<'digestLink'> = {
  kind: 'digestLink',
  render(_deps, card) {
    return Promise.resolve(noticeCard({
      title: 'Post your team\'s training plan here?',
      lines: [`Every week Weave can post ${card.context.team || 'your team'}'s training plan in this channel: totals only, never anyone's name or needs.`],
      executes: [{ title: 'Yes, post it here', verb: 'digest.link', cardId: card.cardId }],
    }));
  },
  actions: {
    'digest.link': defineAction({
      schema: z.object({}),
      closesCard: true,
      async handle({ deps, turn }) {
        if (turn.conversation.conversationKind !== 'channel') return { invalid: ['Press this in the team channel where the digest should go.'] };
        return { card: noticeCard({ title: 'Linked', tone: 'good', lines: [await linkDigest(deps, turn.user.aadObjectId, turn.conversation, turn.team?.name ?? '')] }) };
      },
    }),
  },
};
