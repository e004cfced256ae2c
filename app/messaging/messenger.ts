// Sending into Teams on Weave's own initiative (not as a reply). Implemented by bot/teams/proactive.
import type { ConversationRef, OutboundMessage } from '../../core/conversation';

export type SendOutcome =
  | { kind: 'sent'; activityId: string }
  /** Teams will never deliver to this conversation (403: blocked or uninstalled; 404: gone). */
  | { kind: 'gone'; status: number };

/** Worth trying again later: throttled (429) or Teams was unwell (5xx, timeouts). */
export class TransientSendError extends Error {
  constructor(readonly status: number, readonly retryAfterSeconds: number | null, message: string) {
    super(message);
    this.name = 'TransientSendError';
  }
}

export interface Messenger {
  /**
   * Whether a send already retries a 429 or 5xx itself (botbuilder: three times, honouring
   * Retry-After). When it does not (the Teams SDK), the outbox does, each retry paced as a send.
   */
  readonly retriesInside: boolean;
  send(ref: ConversationRef, message: OutboundMessage): Promise<SendOutcome>;
}
