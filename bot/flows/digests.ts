// The plan digests, rendered when they are sent so they carry the latest figures: a team's
// (aggregate, for its channel), a manager's (their reports by name, for them alone), and the
// organisation's (for L&D). Plus linking a channel to a team's digest.
import { z } from 'zod';
import { managerDigestCard, orgPlanCard, teamDigestCard, type ManagerDigestPerson } from '../../cards/plans';
import { noticeCard } from '../../cards/notice';
import { activityLabel } from '../../core/activities';
import { addDays, addMonths, formatDate, type IsoDate } from '../../core/calendar';
import { describeCode } from '../../core/commonCore';
import type { ConversationRef } from '../../core/conversation';
import { teamDigest } from '../../core/digest';
import { MENTORING_KINDS } from '../../core/mentoring';
import { OFFER_FORMATS } from '../../core/offers';
import { isOpen } from '../../core/needs';
import type { OrgPlan } from '../../core/orgPlan';
import { nameOf, roleOf, type Person } from '../../core/people';
import type { CardOf } from '../../app/cards';
import type { BotDeps } from '../context';
import { leadOf, loadRollup, orgPlanOf, teamLedBy } from '../../app/plans/rollup';
import { needHeading } from '../../views/plan';
import { defineAction, type CardFlow } from './flow';
import { agreeOf, plural } from '../../core/words';
import { managerDigest, weekOf } from '../../app/plans/managerDigest';
import { orgPlanContent } from '../../app/plans/orgPlanContent';
import { linkDigest } from '../../app/plans/digestLink';
import { upcomingOffersFor } from '../../app/offers/upcoming';

const periodOf = (card: CardOf<'teamDigest' | 'managerDigest' | 'orgPlan'>) => card.context.period;

export const teamDigestFlow: CardFlow<'teamDigest'> = {
  kind: 'teamDigest',
  async render(deps, card) {
    const team = card.context.team;
    const period = periodOf(card);
    const plan = await deps.plans.getTeamPlan(card.tenantId, team, period);
    if (!plan) return noticeCard({ title: 'No digest', lines: ['This week\'s plan for the team is not in Weave.'] });
    const previous = await deps.plans.getTeamPlan(card.tenantId, team, addDays(period, -7));
    const t = deps.planPolicy.threshold;
    return teamDigestCard({ ...teamDigest(plan, previous ?? null, t), eyebrow: weekOf(period), threshold: t, offers: await upcomingOffersFor(deps, team, period) });
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


export const orgPlanFlow: CardFlow<'orgPlan'> = {
  kind: 'orgPlan',
  async render(deps, card) {
    const { plan: _plan, equityFigures: _figures, ...content } = await orgPlanContent(deps, periodOf(card));
    return orgPlanCard(content);
  },
  actions: {},
};

/** Offered when Weave is added to a team by a manager: post the digest in this channel. */
export const digestLinkFlow: CardFlow<'digestLink'> = {
  kind: 'digestLink',
  async render(_deps, card) {
    return noticeCard({
      title: 'Post your team\'s training plan here?',
      lines: [`Every week Weave can post ${card.context.team || 'your team'}'s training plan in this channel: totals only, never anyone's name or needs.`],
      executes: [{ title: 'Yes, post it here', verb: 'digest.link', cardId: card.cardId }],
    });
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
