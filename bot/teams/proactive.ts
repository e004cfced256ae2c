// Proactive sends through botbuilder: continue a stored conversation and post one activity.
import type { CloudAdapter, ConversationReference } from 'botbuilder';
import type { ConversationRef, OutboundMessage } from '../../core/conversation';
import { TransientSendError, type Messenger, type SendOutcome } from '../messenger';
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

function statusOf(err: unknown): number | undefined {
  const e = err as { statusCode?: number; status?: number; response?: { status?: number } };
  return e?.statusCode ?? e?.status ?? e?.response?.status;
}

function retryAfterOf(err: unknown): number | null {
  const headers = (err as { response?: { headers?: { get?: (name: string) => string | undefined } } })?.response?.headers;
  const value = headers?.get?.('retry-after');
  const seconds = value ? Number(value) : NaN;
  return Number.isFinite(seconds) ? seconds : null;
}

export class TeamsMessenger implements Messenger {
  constructor(private readonly adapter: CloudAdapter, private readonly appId: string) {}

  async send(ref: ConversationRef, message: OutboundMessage): Promise<SendOutcome> {
    let activityId: string | undefined;
    let failure: unknown;
    // Errors thrown inside the callback would go to onTurnError; catch them here to classify them.
    await this.adapter.continueConversationAsync(this.appId, toReference(ref), async (context) => {
      try {
        activityId = (await context.sendActivity(toActivity(message)))?.id ?? '';
      } catch (err) {
        failure = err;
      }
    });
    if (failure === undefined) return { kind: 'sent', activityId: activityId ?? '' };
    const status = statusOf(failure);
    if (status === 403 || status === 404) return { kind: 'gone', status };
    if (status === undefined || status === 429 || status === 412 || status >= 500) {
      throw new TransientSendError(status ?? 0, retryAfterOf(failure), `Teams answered ${status ?? 'nothing'}`);
    }
    throw new Error(`Teams refused the message with ${status}`);
  }
}
