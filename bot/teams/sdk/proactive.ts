// Proactive sends through the Teams SDK's API client: one POST into a stored conversation, with the
// app's token (the managed identity in Azure). The SDK does not retry, so a 429 or 5xx reaches
// Weave's outbox at once, with its Retry-After, and the outbox retries it, paced (app/messaging/delivery.ts).
import type { App } from '@microsoft/teams.apps';
import type { ActivityParams } from '@microsoft/teams.api';
import type { ConversationRef, OutboundMessage } from '../../../core/conversation';
import { httpStatusOf, isTransient } from '../../../core/errors';
import { TransientSendError, type Messenger, type SendOutcome } from '../../../app/messaging/messenger';
import { outgoingActivity } from '../turnOf';

/** Retry-After (seconds) on an error the SDK's HTTP client threw, if Teams sent one. */
export function retryAfterOf(err: unknown): number | null {
  const value = (err as { response?: { headers?: Record<string, unknown> } } | null)?.response?.headers?.['retry-after'];
  const seconds = typeof value === 'string' || typeof value === 'number' ? Number(value) : NaN;
  return Number.isFinite(seconds) ? seconds : null;
}

export class TeamsSdkMessenger implements Messenger {
  readonly retriesInside = false;

  constructor(private readonly app: App) {}

  async send(ref: ConversationRef, message: OutboundMessage): Promise<SendOutcome> {
    try {
      const api = this.app.api.clone({ serviceUrl: ref.serviceUrl.replace(/\/+$/, '') });
      const sent = await api.conversations.activities(ref.conversationId).create({
        ...outgoingActivity(message),
        from: { id: ref.bot.id, name: ref.bot.name, role: 'bot' },
        conversation: { id: ref.conversationId, conversationType: ref.conversationKind, tenantId: ref.tenantId, isGroup: ref.conversationKind !== 'personal', name: '' },
        channelId: 'msteams',
      } as ActivityParams);
      return { kind: 'sent', activityId: (sent as { id?: string } | undefined)?.id ?? '' };
    } catch (failure) {
      const status = httpStatusOf(failure);
      if (status === 403 || status === 404) return { kind: 'gone', status };
      if (isTransient(failure)) throw new TransientSendError(status ?? 0, retryAfterOf(failure), status ? `Teams answered ${status}` : `could not reach Teams (${(failure as Error).name})`);
      throw new Error(status ? `Teams refused the message with ${status}` : `sending failed: ${(failure as Error).message?.slice(0, 200)}`);
    }
  }
}
