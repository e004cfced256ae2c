// Weave's conversation on the Teams SDK: an App whose routes turn each activity into the same Turn
// and event the botbuilder seam produces (bot/teams/teamsBot.ts), call WeaveBot, and send back what
// it answers. Invokes Weave does not offer and edited or deleted messages never get here
// (sdk/messages.ts answers them first).
import { App, type IActivityContext } from '@microsoft/teams.apps';
import type {
  ActivityLike, AdaptiveCardActionCardResponse, AdaptiveCardActionMessageResponse, IAdaptiveCardActionInvokeActivity,
  IConversationUpdateActivity, IMessageActivity, InstallUpdateActivity,
} from '@microsoft/teams.api';
import type { IAdaptiveCard } from '@microsoft/teams.cards';
import type { OutboundMessage } from '../../../core/conversation';
import { httpStatusOf } from '../../../core/errors';
import { errorFields, type Logger } from '../../../core/log';
import type { Config } from '../../../core/config';
import type { Channel } from '../../../store/teamsInstalled';
import type { Turn } from '../../context';
import type { InvokeOutcome } from '../../flows/dispatch';
import type { WeaveBot } from '../../weaveBot';
import { SORRY } from '../adapter';
import { ADAPTIVE_CARD, NOT_TEAMS, outgoingActivity, turnFromActivity, type ActivityFields } from '../turnOf';
import type { FunctionsAdapter } from './functionsAdapter';
import { retryAfterOf } from './proactive';
import { quietLogger } from './quietLogger';

/** What Weave uses of the SDK's per-activity context, whatever the activity's type. */
type Ctx = Pick<IActivityContext, 'api' | 'send'> & { activity: ActivityFields };

function turnOf(ctx: Ctx): Turn | undefined {
  const { activity } = ctx;
  return turnFromActivity(activity, async () => {
    try {
      const member = await ctx.api.conversations.members(activity.conversation!.id!).getById(activity.from!.id!);
      return member.email || member.userPrincipalName || null;
    } catch {
      return null;
    }
  });
}

async function channelsOf(ctx: Ctx, teamId: string): Promise<Channel[]> {
  const channels = await ctx.api.teams.getConversations(teamId);
  return channels.map((c) => ({ id: c.id ?? '', name: c.name ?? 'General' })).filter((c) => c.id);
}

/** Replies in a turn get what botbuilder gives them: three more tries on 429 or 5xx, after Retry-After (at most 10 s) or a second. */
const REPLY_RETRIES = 3;

async function reply(ctx: Ctx, activity: ActivityLike): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      await ctx.send(activity);
      return;
    } catch (err) {
      const status = httpStatusOf(err) ?? 0;
      if (attempt >= REPLY_RETRIES || !(status === 429 || status >= 500)) throw err;
      await new Promise((r) => setTimeout(r, Math.min(10, retryAfterOf(err) ?? 1) * 1000));
    }
  }
}

const send = async (ctx: Ctx, messages: OutboundMessage[]) => {
  for (const message of messages) await reply(ctx, outgoingActivity(message));
};

function invokeBody(outcome: InvokeOutcome): AdaptiveCardActionCardResponse | AdaptiveCardActionMessageResponse {
  return outcome.kind === 'card'
    // Weave's cards are checked against the Adaptive Cards schema where they are built (cards/).
    ? { statusCode: 200, type: ADAPTIVE_CARD, value: outcome.card as unknown as IAdaptiveCard }
    : { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: outcome.text };
}

/** The SDK's app, holding no secret of its own: credentials come from Weave's configuration. */
export function weaveApp(config: Config, adapter: FunctionsAdapter, weave: WeaveBot, log: Logger): App {
  const { appId, appType, appPassword, appTenantId } = config.bot;
  const app = new App({
    // Explicit values throughout, so the SDK never falls back to CLIENT_ID and friends in the environment.
    clientId: appId,
    clientSecret: appType === 'UserAssignedMSI' ? '' : appPassword,
    tenantId: appTenantId,
    // The bot is the user-assigned managed identity itself (its client id is the app id).
    managedIdentityClientId: appType === 'UserAssignedMSI' ? appId : undefined,
    serviceUrl: 'https://smba.trafficmanager.net/teams',
    httpServerAdapter: adapter,
    logger: quietLogger(log),
    state: false,
    telemetry: { agent365: false },
  });

  /** A turn's errors: logged without content; a person who wrote something is told it failed. */
  const guarded = <C extends Ctx>(kind: string, run: (ctx: C) => Promise<void>) => async (ctx: C) => {
    try {
      await run(ctx);
    } catch (err) {
      log.error('turn.failed', { ...errorFields(err), activityType: kind });
      if (kind === 'message') await reply(ctx, { type: 'message', text: SORRY }).catch((sendError: unknown) => log.warn('turn.apology_failed', errorFields(sendError)));
    }
  };

  const installed = async (ctx: Ctx, arrival: 'installed' | 'joined' | 'upgraded') => {
    const turn = turnOf(ctx);
    if (!turn) return;
    if (turn.team) await send(ctx, await weave.onTeamInstall(turn, await channelsOf(ctx, turn.team.id)));
    else if (turn.conversation.conversationKind === 'personal') await send(ctx, await weave.onPersonalInstall(turn, arrival));
  };

  app.on('message', guarded('message', async (ctx: IActivityContext<IMessageActivity>) => {
    const turn = turnOf(ctx);
    const text = typeof ctx.activity.text === 'string' ? ctx.activity.text : '';
    if (!turn) await send(ctx, [{ text: NOT_TEAMS }]);
    else if (!text && ctx.activity.value && weave.isOurTenant(turn)) await send(ctx, [{ text: 'That card is out of date. Type **help** to start again.' }]);
    else await send(ctx, await weave.onMessage(turn, text));
  }));

  app.on('installationUpdate', guarded('installationUpdate', async (ctx: IActivityContext<InstallUpdateActivity>) => {
    const action: string = ctx.activity.action;
    if (action === 'add' || action === 'add-upgrade') return installed(ctx, action === 'add-upgrade' ? 'upgraded' : 'installed');
    if (action !== 'remove') return;
    const turn = turnOf(ctx);
    if (turn?.team) await weave.onTeamRemoved(turn);
    else if (turn?.conversation.conversationKind === 'personal') await weave.onPersonalUninstall(turn);
  }));

  app.on('conversationUpdate', guarded('conversationUpdate', async (ctx: IActivityContext<IConversationUpdateActivity>) => {
    const botId = ctx.activity.recipient?.id;
    const isBot = (members: unknown) => Array.isArray(members) && members.some((m) => (m as { id?: unknown } | null)?.id === botId);
    if (isBot(ctx.activity.membersAdded)) return installed(ctx, 'joined');
    const turn = turnOf(ctx);
    if (!turn?.team) return;
    if (isBot(ctx.activity.membersRemoved)) return weave.onTeamRemoved(turn);
    const eventType = (ctx.activity.channelData as { eventType?: unknown } | undefined)?.eventType;
    if (typeof eventType === 'string' && /^(channel(Created|Renamed|Deleted|Restored)|teamRenamed)$/.test(eventType)) {
      await weave.onTeamChannelsChanged(turn, await channelsOf(ctx, turn.team.id));
    }
  }));

  app.on('card.action', async (ctx: IActivityContext<IAdaptiveCardActionInvokeActivity>) => {
    const turn = turnOf(ctx);
    if (!turn) return invokeBody({ kind: 'message', text: NOT_TEAMS });
    // Typed by the SDK, but sent by whoever holds the card: checked as the unknown it is.
    const { verb, data } = (ctx.activity.value as { action?: { verb?: unknown; data?: unknown } } | undefined)?.action ?? {};
    if (typeof verb !== 'string' || typeof data !== 'object' || data === null || Array.isArray(data)) {
      return invokeBody({ kind: 'message', text: 'That card sent something Weave could not read. Type help to start again.' });
    }
    try {
      const outcome = await weave.onCardAction(turn, verb, data as Record<string, unknown>);
      if (outcome.kind === 'card' && outcome.followUps.length > 0) {
        // The action is done by now; a reply that fails to send must not say it was not.
        await send(ctx, outcome.followUps).catch((err: unknown) => log.warn('card.follow_up_failed', { ...errorFields(err), verb }));
      }
      return invokeBody(outcome);
    } catch (err) {
      log.error('card.failed', { ...errorFields(err), verb });
      return invokeBody({ kind: 'message', text: SORRY });
    }
  });

  return app;
}
