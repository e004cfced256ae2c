// What every conversation handler is given. Nothing here depends on a bot SDK: bot/teams/ turns
// Bot Framework activities into a Turn, and these handlers answer with plain messages and cards.
import type { ConversationRef, OutboundMessage } from '../core/conversation';
import type { StoredPerson } from '../store/people';
import type { AppDeps } from '../app/deps';

/** The conversation is given what the use cases are. */
export type BotDeps = AppDeps;

/** One incoming activity, as Weave needs to know it. */
export interface Turn {
  tenantId: string;
  user: { aadObjectId: string; name: string };
  conversation: ConversationRef;
  /** IANA zone from the Teams client (activity.localTimezone), when it sent one. */
  timeZone: string | null;
  locale: string | null;
  team: { id: string; name: string; aadGroupId: string } | null;
  /** The person's email as Teams knows it (a roster lookup from Teams); null if Teams won't say. */
  memberEmail(): Promise<string | null>;
}

/** Who is asking, as the staff directory knows them (undefined: not on the roster and not introduced). */
export interface Asking {
  deps: BotDeps;
  turn: Turn;
  person: StoredPerson | undefined;
}

export type Replies = OutboundMessage[];
