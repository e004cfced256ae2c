// Proactive sends through botbuilder: continue a stored conversation and post one activity.
import type { CloudAdapter, ConversationReference } from 'botbuilder';
import type { ConversationRef, OutboundMessage } from '../../core/conversation';
import { httpStatusOf, isTransient } from '../../core/errors';
import { TransientSendError, type Messenger, type SendOutcome } from '../../app/messaging/messenger';
import { toActivity } from './teamsBot';

function toReference(ref: ConversationRef): Partial<ConversationReference> {
  return {
    channelId: ref.channelId,
    serviceUrl: ref.serviceUrl,
    conversation: {
      id: ref.conversationId,
      conversationType: ref.conversationKind,
      tenantId: ref.tenantId,
      isGroup: ref.conversationKind !== 'personal',
      name: '',
    },
    bot: { id: ref.bot.id, name: ref.bot.name },
    ...(ref.userId ? { user: { id: ref.userId, name: '' } } : {}),
  };
}

function retryAfterOf(err: unknown): number | null {
  const headers = (err as { response?: { headers?: { get?: (name: string) => string | undefined } } })?.response?.headers;
  const value = headers?.get?.('retry-after');
  const seconds = value ? Number(value) : NaN;
  return Number.isFinite(seconds) ? seconds : null;
}

export class TeamsMessenger implements Messenger {
  readonly retriesInside = true;

  constructor(private readonly adapter: CloudAdapter, private readonly appId: string) {}

  async send(ref: ConversationRef, message: OutboundMessage): Promise<SendOutcome> {
    let activityId = '';
    let failure: unknown;
    try {
      await this.adapter.continueConversationAsync(this.appId, toReference(ref), async (context) => {
        // Caught here, or it would go to onTurnError and we could not tell what happened.
        try {
          activityId = (await context.sendActivity(toActivity(message)))?.id ?? '';
        } catch (err) {
          failure = err;
        }
      });
    } catch (err) {
      failure = err; // before the callback: getting a token, say
    }
    if (failure === undefined) return { kind: 'sent', activityId };
    const status = httpStatusOf(failure);
    if (status === 403 || status === 404) return { kind: 'gone', status };
    if (isTransient(failure)) throw new TransientSendError(status ?? 0, retryAfterOf(failure), status ? `Teams answered ${status}` : `could not reach Teams (${(failure as Error).name})`);
    throw new Error(status ? `Teams refused the message with ${status}` : `sending failed: ${(failure as Error).message?.slice(0, 200)}`);
  }
}
