// A card flow is one kind of actionable card: how it renders, and every action (verb) it offers,
// each with the schema its inputs must pass and who may press it. Only the person a card was issued
// to may act on it; an action's audience narrows that, checked once in dispatch, as commands' are.
import type { z } from 'zod';
import type { AdaptiveCardJson, OutboundMessage } from '../../core/conversation';
import type { CardContexts, CardKind, CardOf } from '../../app/cards';
import type { Role } from '../../core/workforce';
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

/**
 * Who may press an action, beyond being the card's recipient (always required):
 * - a role (`ld_admin`, `manager`): still holding it now (a card can outlive a role); or any of several roles;
 * - `managerOfPerson`: still the line manager or professional supervisor of the card's person.
 * `refusal` is what they are told otherwise; the card shows it and nothing changes.
 */
export type ActionAudience = { role: Role; refusal: string } | { anyRole: readonly Role[]; refusal: string } | { managerOfPerson: true; refusal: string };

export interface CardAction<S extends z.ZodType = z.ZodType, K extends CardKind = CardKind> {
  schema: S;
  /** Omitted: whoever the card was issued to. */
  audience?: ActionAudience;
  /** The card is answered once this succeeds; a second submit is refused. */
  closesCard: boolean;
  /** May act on a card already answered (Edit, which opens it again). */
  onAnswered?: boolean;
  handle(asking: Asking, card: CardOf<K>, input: z.infer<S>): Promise<ActionOutcome>;
}

/** One kind of card (K, a key of app/cards' CardContexts): its context is typed wherever it is read. */
export interface CardFlow<K extends CardKind = CardKind> {
  kind: K;
  render(deps: BotDeps, card: CardOf<K>, form?: FormState): Promise<AdaptiveCardJson>;
  actions: Record<string, CardAction<z.ZodType, K>>;
}

export function defineAction<S extends z.ZodType, K extends CardKind>(action: CardAction<S, K>): CardAction<z.ZodType, K> {
  return action;
}

/** A card kind's context, which may be left out when the kind has none. */
type ContextFor<K extends CardKind> = Record<string, never> extends CardContexts[K] ? { context?: CardContexts[K] } : { context: CardContexts[K] };

/** Records a new card for a person and renders it, ready to send. */
export async function issueCard<K extends CardKind>(
  deps: BotDeps,
  flow: CardFlow<K>,
  to: { tenantId: string; recipientId: string; ttlDays?: number } & ContextFor<K>,
): Promise<AdaptiveCardJson> {
  const now = deps.clock.now();
  const card: IssuedCard = {
    cardId: deps.newId(),
    tenantId: to.tenantId,
    recipientId: to.recipientId,
    kind: flow.kind,
    context: (to.context ?? {}),
    state: 'open',
    createdAt: now.toISOString(),
    expiresAt: to.ttlDays ? new Date(now.getTime() + to.ttlDays * 86_400_000).toISOString() : null,
    etag: '',
  };
  await deps.cards.issue(card);
  return flow.render(deps, card as unknown as CardOf<K>);
}
