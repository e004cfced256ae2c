// Bot Framework → Weave. Turns each Teams activity into a Turn, calls WeaveBot, and sends back
// what it answers. The only module besides adapter/proactive that imports botbuilder.
import {
  CardFactory, MessageFactory, TeamsActivityHandler, TeamsInfo, type TurnContext,
  type AdaptiveCardInvokeResponse, type AdaptiveCardInvokeValue, type Activity, type InvokeResponse,
} from 'botbuilder';
import type { OutboundMessage } from '../../core/conversation';
import { errorFields } from '../../core/log';
import type { Channel } from '../../store/teamsInstalled';
import type { Turn } from '../context';
import type { InvokeOutcome } from '../flows/dispatch';
import type { PersonalArrival } from '../installation';
import type { WeaveBot } from '../weaveBot';
import { SORRY } from './adapter';
import { NOT_TEAMS, turnFromActivity } from './turnOf';

export { NOT_TEAMS };

export function toActivity(message: OutboundMessage): Partial<Activity> {
  const activity = message.card
    ? MessageFactory.attachment(CardFactory.adaptiveCard(message.card), message.text)
    : MessageFactory.text(message.text ?? '');
  if (message.summary) activity.summary = message.summary;
  return activity;
}

/** The Turn for a botbuilder turn (bot/teams/turnOf.ts), asking Teams for the email through botbuilder. */
export function turnOf(context: TurnContext): Turn | undefined {
  return turnFromActivity(context.activity, async () => {
    try {
      const member = await TeamsInfo.getMember(context, context.activity.from.id);
      return member.email || member.userPrincipalName || null;
    } catch {
      return null;
    }
  });
}

async function channelsOf(context: TurnContext, teamId: string): Promise<Channel[]> {
  const channels = await TeamsInfo.getTeamChannels(context, teamId);
  return channels.map((c) => ({ id: c.id ?? '', name: c.name ?? 'General' })).filter((c) => c.id);
}

function invokeResponse(outcome: InvokeOutcome): AdaptiveCardInvokeResponse {
  return outcome.kind === 'card'
    ? { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: outcome.card }
    : { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: outcome.text as unknown as Record<string, unknown> };
}

export class TeamsBot extends TeamsActivityHandler {
  constructor(private readonly weave: WeaveBot) {
    super();

    this.onMessage(async (context, next) => {
      const turn = turnOf(context);
      if (!turn) {
        await context.sendActivity(NOT_TEAMS);
      } else if (!context.activity.text && context.activity.value && this.weave.isOurTenant(turn)) {
        await context.sendActivity('That card is out of date. Type **help** to start again.');
      } else {
        await this.send(context, await this.weave.onMessage(turn, context.activity.text ?? ''));
      }
      await next();
    });

    this.onInstallationUpdateAdd(async (context, next) => {
      await this.installed(context, context.activity.action === 'add-upgrade' ? 'upgraded' : 'installed');
      await next();
    });

    this.onInstallationUpdateRemove(async (context, next) => {
      const turn = turnOf(context);
      if (turn?.team) await this.weave.onTeamRemoved(turn);
      else if (turn?.conversation.conversationKind === 'personal') await this.weave.onPersonalUninstall(turn);
      await next();
    });

    this.onMembersAdded(async (context, next) => {
      const botAdded = (context.activity.membersAdded ?? []).some((m) => m.id === context.activity.recipient?.id);
      if (botAdded) await this.installed(context, 'joined');
      await next();
    });

    this.onMembersRemoved(async (context, next) => {
      const turn = turnOf(context);
      const botRemoved = (context.activity.membersRemoved ?? []).some((m) => m.id === context.activity.recipient?.id);
      if (turn?.team && botRemoved) await this.weave.onTeamRemoved(turn);
      await next();
    });

    const channelsChanged = async (context: TurnContext, next: () => Promise<void>) => {
      const turn = turnOf(context);
      if (turn?.team) await this.weave.onTeamChannelsChanged(turn, await channelsOf(context, turn.team.id));
      await next();
    };
    this.onTeamsChannelCreatedEvent((_c, _t, context, next) => channelsChanged(context, next));
    this.onTeamsChannelRenamedEvent((_c, _t, context, next) => channelsChanged(context, next));
    this.onTeamsChannelDeletedEvent((_c, _t, context, next) => channelsChanged(context, next));
    this.onTeamsChannelRestoredEvent((_c, _t, context, next) => channelsChanged(context, next));
    this.onTeamsTeamRenamedEvent((_t, context, next) => channelsChanged(context, next));
  }

  /**
   * Weave offers only Action.Execute: no message extensions, task modules, tabs or sign-in. Any other
   * invoke is the sender's mistake, refused before botbuilder's handlers (which answer 501, or throw
   * on a value they did not expect) see it.
   */
  protected override async onInvokeActivity(context: TurnContext): Promise<InvokeResponse> {
    if (context.activity.name !== 'adaptiveCard/action') return { status: 400, body: { error: 'Weave does not offer this invoke' } };
    return super.onInvokeActivity(context);
  }

  /**
   * Weave does nothing with edited or deleted messages. botbuilder's Teams dispatch for them reads
   * `channelData.eventType` without checking there is any channelData, so a body without it would
   * fail the turn: such activities are ignored here instead.
   */
  protected override async dispatchMessageUpdateActivity(): Promise<void> {}

  protected override async dispatchMessageDeleteActivity(): Promise<void> {}

  protected override async onAdaptiveCardInvoke(context: TurnContext, invokeValue: AdaptiveCardInvokeValue): Promise<AdaptiveCardInvokeResponse> {
    const turn = turnOf(context);
    if (!turn) return invokeResponse({ kind: 'message', text: NOT_TEAMS });
    const data = invokeValue.action?.data;
    const verb = invokeValue.action?.verb;
    if (typeof verb !== 'string' || typeof data !== 'object' || data === null || Array.isArray(data)) {
      return invokeResponse({ kind: 'message', text: 'That card sent something Weave could not read. Type help to start again.' });
    }
    try {
      const outcome = await this.weave.onCardAction(turn, verb, data);
      if (outcome.kind === 'card' && outcome.followUps.length > 0) {
        // The action is done by now; a reply that fails to send must not say it was not.
        await this.send(context, outcome.followUps).catch((err: unknown) => this.weave.deps.log.warn('card.follow_up_failed', { ...errorFields(err), verb }));
      }
      return invokeResponse(outcome);
    } catch (err) {
      this.weave.deps.log.error('card.failed', { ...errorFields(err), verb });
      return invokeResponse({ kind: 'message', text: SORRY });
    }
  }

  private async installed(context: TurnContext, arrival: PersonalArrival) {
    const turn = turnOf(context);
    if (!turn) return;
    if (turn.team) {
      await this.send(context, await this.weave.onTeamInstall(turn, await channelsOf(context, turn.team.id)));
    } else if (turn.conversation.conversationKind === 'personal') {
      await this.send(context, await this.weave.onPersonalInstall(turn, arrival));
    }
  }

  private async send(context: TurnContext, messages: OutboundMessage[]) {
    for (const message of messages) await context.sendActivity(toActivity(message));
  }
}
