// A Teams activity, as either bot SDK hands it over, turned into the Turn Weave handles — the same
// Turn from both, since both read the same JSON. Also what Weave's messages become on the wire.
import type { ConversationKind, ConversationRef, OutboundMessage } from '../../core/conversation';
import { isGuid } from '../../core/validation';
import { isTimeZone } from '../../core/zonedTime';
import type { Turn } from '../context';

/** The fields of an activity Weave reads (both SDKs' activity types have them). */
export interface ActivityFields {
  channelId?: string;
  serviceUrl?: string;
  locale?: string;
  localTimezone?: string;
  from?: { id?: string; name?: string; aadObjectId?: string };
  recipient?: { id?: string; name?: string };
  conversation?: { id?: string; tenantId?: string; conversationType?: string };
  channelData?: unknown;
}

export const NOT_TEAMS = 'Weave works in Microsoft Teams for people signed in to your organisation.';

export const ADAPTIVE_CARD = 'application/vnd.microsoft.card.adaptive';

/** A message as Bot Framework JSON: text, an Adaptive Card attachment, or both. */
export function outgoingActivity(message: OutboundMessage): { type: 'message'; text?: string; summary?: string; attachments?: { contentType: string; content: unknown }[] } {
  return {
    type: 'message',
    ...(message.text !== undefined || !message.card ? { text: message.text ?? '' } : {}),
    ...(message.card ? { attachments: [{ contentType: ADAPTIVE_CARD, content: message.card }] } : {}),
    ...(message.summary ? { summary: message.summary } : {}),
  };
}

function conversationKind(a: ActivityFields): ConversationKind {
  const type = a.conversation?.conversationType;
  return type === 'channel' || type === 'groupChat' ? type : 'personal';
}

/**
 * The Turn for an activity, or undefined when it does not come from a signed-in person in Microsoft
 * Teams: another channel (Web Chat, Direct Line) could claim any tenant or user in its payload.
 * `memberEmail` asks Teams for the person's email (a roster lookup), through the SDK at hand.
 */
export function turnFromActivity(a: ActivityFields, memberEmail: () => Promise<string | null>): Turn | undefined {
  if (a.channelId !== 'msteams') return undefined;
  const aadObjectId = a.from?.aadObjectId?.toLowerCase();
  const tenantId = a.conversation?.tenantId ?? '';
  if (!aadObjectId || !isGuid(aadObjectId) || !tenantId || !a.conversation?.id || !a.serviceUrl) return undefined;
  const teamData = (a.channelData as { team?: { id?: string; name?: string; aadGroupId?: string } } | undefined)?.team;
  const kind = conversationKind(a);
  const conversation: ConversationRef = {
    channelId: a.channelId,
    serviceUrl: a.serviceUrl,
    conversationId: a.conversation.id,
    conversationKind: kind,
    tenantId,
    bot: { id: a.recipient?.id ?? '', name: a.recipient?.name ?? '' },
    ...(kind === 'personal' && a.from?.id ? { userId: a.from.id } : {}),
  };
  return {
    tenantId,
    user: { aadObjectId, name: (a.from?.name ?? '').slice(0, 200) },
    conversation,
    timeZone: a.localTimezone && isTimeZone(a.localTimezone) ? a.localTimezone : null,
    locale: a.locale && /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(a.locale) ? a.locale : null,
    team: teamData?.id ? { id: teamData.id, name: (teamData.name ?? '').slice(0, 256), aadGroupId: teamData.aadGroupId ?? '' } : null,
    memberEmail,
  };
}
