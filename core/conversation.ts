// Teams concepts Weave's own code talks in, independent of any bot SDK.

export type ConversationKind = 'personal' | 'channel' | 'groupChat';

/** Enough to send into a conversation later (a proactive message), as the Bot Framework needs it. */
export interface ConversationRef {
  channelId: string;
  serviceUrl: string;
  conversationId: string;
  conversationKind: ConversationKind;
  tenantId: string;
  bot: { id: string; name: string };
  /** The person's Teams channel account id (29:…), for personal conversations. */
  userId?: string;
}

/** A message Weave sends: text, an Adaptive Card, or both. */
export interface OutboundMessage {
  text?: string;
  card?: AdaptiveCardJson;
  /** Used by Teams in notifications and the activity feed; never personal content. */
  summary?: string;
}

export type AdaptiveCardJson = { type: 'AdaptiveCard'; version: string; body: unknown[]; actions?: unknown[] } & Record<string, unknown>;
