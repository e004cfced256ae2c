// A card flow is one kind of actionable card: how it renders, and every action (verb) it offers,
// each with the schema its inputs must pass. Only the person a card was issued to may act on it.
import type { z } from 'zod';
import type { AdaptiveCardJson, OutboundMessage } from '../../core/conversation';
import type { IssuedCard } from '../../store/issuedCards';
import type { Asking, BotDeps } from '../context';

/** How to show a card again: what the person typed and what was wrong with it, or a note such as "Saved." */
export interface FormState {
  values?: Record<string, unknown>;
  errors?: string[];
  /** Not wrong, but worth a second look before saving (text that may identify a child). */
  warnings?: string[];
  note?: string;
  /** A heading and line shown above the card's content (a reminder). */
  notice?: { heading: string; text: string };
}

export type ActionOutcome =
  /** Replace the card the person acted on with this one. */
  | { card: AdaptiveCardJson; followUps?: OutboundMessage[] }
  /** The input made sense to the schema but not to the domain (an unknown email, say): show the card again with these. */
  | { invalid: string[]; warnings?: string[] };

export interface CardAction<S extends z.ZodType = z.ZodType> {
  schema: S;
  /** The card is answered once this succeeds; a second submit is refused. */
  closesCard: boolean;
  /** May act on a card already answered (Edit, which opens it again). */
  onAnswered?: boolean;
  handle(asking: Asking, card: IssuedCard, input: z.infer<S>): Promise<ActionOutcome>;
}

export interface CardFlow {
  kind: string;
  render(deps: BotDeps, card: IssuedCard, form?: FormState): Promise<AdaptiveCardJson>;
  actions: Record<string, CardAction>;
}

export function defineAction<S extends z.ZodType>(action: CardAction<S>): CardAction {
  return action as unknown as CardAction;
}

/** Records a new card for a person and renders it, ready to send. */
export async function issueCard(
  deps: BotDeps,
  flow: CardFlow,
  to: { tenantId: string; recipientId: string; context?: Record<string, unknown>; ttlDays?: number },
): Promise<AdaptiveCardJson> {
  const now = deps.clock.now();
  const card: IssuedCard = {
    cardId: deps.newId(),
    tenantId: to.tenantId,
    recipientId: to.recipientId,
    kind: flow.kind,
    context: to.context ?? {},
    state: 'open',
    createdAt: now.toISOString(),
    expiresAt: to.ttlDays ? new Date(now.getTime() + to.ttlDays * 86_400_000).toISOString() : null,
    etag: '',
  };
  await deps.cards.issue(card);
  return flow.render(deps, card);
}
