// Every Action.Execute comes through here: find the issued card, check it is this person's and
// still open, validate the inputs, then run the action. Refusals change nothing.
import type { AdaptiveCardJson, OutboundMessage } from '../../core/conversation';
import { isGuid } from '../../core/validation';
import type { CardKind, CardOf } from '../../app/cards';
import { ConcurrencyError } from '../../store/errors';
import type { Asking } from '../context';
import { findAction } from './index';
import type { ActionAudience } from './flow';
import { hasRole } from '../../core/people';
import { reportsOf } from '../../app/people/reports';
import { messagesOf } from '../../app/fields';

export type InvokeOutcome =
  | { kind: 'card'; card: AdaptiveCardJson; followUps: OutboundMessage[] }
  | { kind: 'message'; text: string };

const message = (text: string): InvokeOutcome => ({ kind: 'message', text });

export const REFUSALS = {
  unknownVerb: "That button isn't one Weave recognises. Type help to see what you can do.",
  unknownCard: 'This card is no longer valid. Type help to start again.',
  someoneElse: 'This card was sent to someone else, so only they can answer it.',
  expired: 'This card has expired. Type help to start again.',
  answered: "You've already answered this card.",
  raced: 'Someone changed this at the same moment. Check the details and try again.',
} as const;

/** Why this person may not press the action now, or null. */
async function refusalFor({ deps, person }: Asking, audience: ActionAudience | undefined, card: CardOf<CardKind>): Promise<string | null> {
  if (!audience) return null;
  if ('role' in audience) return hasRole(person, audience.role) ? null : audience.refusal;
  if ('anyRole' in audience) return audience.anyRole.some((r) => hasRole(person, r)) ? null : audience.refusal;
  const personId = (card.context as { personId?: unknown }).personId;
  const reports = person && typeof personId === 'string' && personId ? await reportsOf(deps, card.tenantId, person.aadObjectId) : [];
  return reports.some((p) => p.aadObjectId === personId) ? null : audience.refusal;
}

export async function dispatchCardAction(asking: Asking, verb: string, data: Record<string, unknown>): Promise<InvokeOutcome> {
  const { deps, turn } = asking;
  const found = findAction(verb);
  if (!found) return message(REFUSALS.unknownVerb);
  const { flow, action } = found;

  const cardId = typeof data.cardId === 'string' && isGuid(data.cardId) ? data.cardId : undefined;
  const stored = cardId ? await deps.cards.get(cardId) : undefined;
  const log = deps.log.with({ verb, cardKind: flow.kind });
  if (!stored || stored.kind !== flow.kind) {
    log.warn('card.refused', { reason: 'unknown_card' });
    return message(REFUSALS.unknownCard);
  }
  const card = stored as unknown as CardOf<CardKind>;
  if (card.tenantId !== turn.tenantId || card.recipientId !== turn.user.aadObjectId) {
    log.warn('card.refused', { reason: 'not_recipient', cardId: card.cardId });
    return message(REFUSALS.someoneElse);
  }
  if (card.expiresAt && card.expiresAt < deps.clock.now().toISOString()) return message(REFUSALS.expired);
  if (card.state === 'done' && !action.onAnswered) return message(REFUSALS.answered);

  const { cardId: _ignored, ...inputs } = data;
  const refused = await refusalFor(asking, action.audience, card);
  if (refused) {
    log.warn('card.refused', { reason: 'audience', cardId: card.cardId });
    return { kind: 'card', card: await flow.render(deps, card, { values: inputs, errors: [refused] }), followUps: [] };
  }
  const parsed = action.schema.safeParse(inputs);
  if (!parsed.success) {
    return { kind: 'card', card: await flow.render(deps, card, { values: inputs, errors: messagesOf(parsed.error) }), followUps: [] };
  }

  // Closing first makes two simultaneous submits of one card race on the card's ETag: one wins.
  let claimed = card;
  if (action.closesCard) {
    try {
      claimed = (await deps.cards.close(stored)) as unknown as CardOf<CardKind>;
    } catch (err) {
      if (err instanceof ConcurrencyError) return message(REFUSALS.answered);
      throw err;
    }
  }
  const reopen = async () => {
    if (action.closesCard) await deps.cards.reopen(claimed);
  };
  try {
    const outcome = await action.handle(asking, claimed, parsed.data);
    if ('invalid' in outcome) {
      await reopen();
      const form = { values: inputs, errors: outcome.invalid, warnings: outcome.warnings ?? [] };
      return { kind: 'card', card: await flow.render(deps, card, form), followUps: [] };
    }
    log.info('card.action', { cardId: card.cardId });
    return { kind: 'card', card: outcome.card, followUps: outcome.followUps ?? [] };
  } catch (err) {
    await reopen();
    if (err instanceof ConcurrencyError) {
      return { kind: 'card', card: await flow.render(deps, card, { values: inputs, errors: [REFUSALS.raced] }), followUps: [] };
    }
    throw err;
  }
}
