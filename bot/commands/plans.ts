// Plans beyond one person: a manager's team (privately, and as totals in the team's channel), the
// organisation's plan and learning triggers for L&D.
import { managerDigestCard } from '../../cards/plans';
import { mondayOf } from '../../core/calendar';
import type { OutboundMessage } from '../../core/conversation';
import type { Asking, BotDeps, Turn } from '../context';
import { agreementFor, teamManagedBy } from '../../app/plans/agreements';
import { teamAgreementFlow } from '../flows/teamAgreement';
import { linkDigest } from '../../app/plans/digestLink';
import { managerDigest } from '../../app/plans/managerDigest';
import { issueCard } from '../flows/flow';
import { newTriggerFlow } from '../flows/newTrigger';
import { triggerListFlow } from '../flows/triggerList';
import { orgPlanFlow } from '../flows/orgPlan';
import { yearPlanFlow } from '../flows/commissioning';
import { todayFor } from '../../app/people/today';
import type { CommandDef } from './command';

/** The card to agree (or see) the priorities of the team a manager leads, if they lead one. */
async function agreementReply(deps: BotDeps, turn: Turn): Promise<OutboundMessage | null> {
  const team = await teamManagedBy(deps, turn.tenantId, turn.user.aadObjectId);
  if (!team) return null;
  const current = await agreementFor(deps, turn.tenantId, team, await todayFor(deps, turn.tenantId, turn.user.aadObjectId));
  const card = await issueCard(deps, teamAgreementFlow, { tenantId: turn.tenantId, recipientId: turn.user.aadObjectId, ttlDays: 30, context: { team, seenVersion: current?.version ?? null } });
  return { card, summary: `${team}'s priorities for the year` };
}

export const teamPlanCommand: CommandDef = {
  name: 'team plan',
  aliases: ['team training plan', 'my team plan'],
  summary: "See your team's training plan privately, with each report's needs by name, and the team's agreed priorities.",
  audience: 'manager',
  scopes: ['personal'],
  async run({ deps, turn }: Asking) {
    const today = await todayFor(deps, turn.tenantId, turn.user.aadObjectId);
    const agreement = await agreementReply(deps, turn);
    return [
      { card: managerDigestCard(await managerDigest(deps, turn.user.aadObjectId, turn.tenantId, mondayOf(today))), summary: "Your team's learning" },
      ...(agreement ? [agreement] : []),
    ];
  },
};

export const teamPrioritiesCommand: CommandDef = {
  name: 'team priorities',
  aliases: ['agree priorities', 'agree team priorities', 'team agreement'],
  summary: "Agree your team's training priorities for the year (up to five), or see what is agreed.",
  audience: 'manager',
  scopes: ['personal'],
  async run({ deps, turn }: Asking) {
    const agreement = await agreementReply(deps, turn);
    return [agreement ?? { text: "Weave doesn't know a team that reports to you, so there are no team priorities for you to agree." }];
  },
};

export const digestHereCommand: CommandDef = {
  name: 'digest here',
  aliases: ['post digest here', 'team digest here'],
  summary: "Post your team's weekly training plan digest (totals only, no names) in this channel.",
  audience: 'manager',
  scopes: ['team'],
  async run({ deps, turn }: Asking) {
    if (turn.conversation.conversationKind !== 'channel') return [{ text: 'Type this in the team channel where the digest should go.' }];
    return [{ text: await linkDigest(deps, turn.user.aadObjectId, turn.conversation, turn.team?.name ?? '') }];
  },
};

export const orgPlanCommand: CommandDef = {
  name: 'org plan',
  aliases: ['organisation plan', 'l&d plan', 'ld plan'],
  summary: "See the organisation's learning and development plan: priorities to commission from, this year's lines and budget, the benchmark, who CPD reaches.",
  audience: 'ld_admin',
  scopes: ['personal'],
  async run({ deps, turn }: Asking) {
    const today = await todayFor(deps, turn.tenantId, turn.user.aadObjectId);
    const card = await issueCard(deps, orgPlanFlow, { tenantId: turn.tenantId, recipientId: turn.user.aadObjectId, ttlDays: 30, context: { period: today } });
    return [{ card, summary: 'Learning and development plan' }];
  },
};

export const yearPlanCommand: CommandDef = {
  name: 'year plan',
  aliases: ['commissioning', 'budget', 'l&d budget'],
  summary: "This year's commissioning lines and budget: add a line, set the budget, open a line to move it on or make an offer of it.",
  audience: 'ld_admin',
  scopes: ['personal'],
  async run({ deps, turn }: Asking) {
    const card = await issueCard(deps, yearPlanFlow, { tenantId: turn.tenantId, recipientId: turn.user.aadObjectId, ttlDays: 30 });
    return [{ card, summary: 'Commissioning and budget' }];
  },
};

export const newTriggerCommand: CommandDef = {
  name: 'new trigger',
  aliases: ['learning trigger', 'add trigger', 'record trigger'],
  summary: 'Record a learning trigger (a practice review, complaint, Ofsted finding, new guidance): managers for their own team.',
  audience: 'leads',
  scopes: ['personal'],
  async run({ deps, turn }: Asking) {
    const card = await issueCard(deps, newTriggerFlow, { tenantId: turn.tenantId, recipientId: turn.user.aadObjectId, ttlDays: 7 });
    return [{ card, summary: 'Record a learning trigger' }];
  },
};

export const triggersCommand: CommandDef = {
  name: 'triggers',
  aliases: ['learning triggers', 'my triggers'],
  summary: 'Learning triggers and how far each has ended in learning; L&D make briefings from them and close them.',
  audience: 'leads',
  scopes: ['personal'],
  async run({ deps, turn }: Asking) {
    const card = await issueCard(deps, triggerListFlow, { tenantId: turn.tenantId, recipientId: turn.user.aadObjectId, ttlDays: 14 });
    return [{ card, summary: 'Learning triggers' }];
  },
};
