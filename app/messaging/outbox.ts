// Proactive messages go out through the outbox: a delivery row per recipient (the idempotency
// record) and a queue message that the delivery function picks up. Enqueueing the same batch and
// recipient twice sends once.
import type { Clock } from '../../core/clock';
import { deterministicId } from '../../core/ids';
import type { DeliveryStore } from '../../store/deliveries';
import type { IssuedCardStore } from '../../store/issuedCards';
import { QUEUES, type Queues } from '../../store/queues';
import type { CardContexts, CardKind, CardNote } from '../cards';

export type OutboxMessage =
  /** An issued card, rendered when sent; `note` shows above it (a reminder, say). */
  | { kind: 'card'; cardId: string; note?: CardNote }
  | { kind: 'text'; text: string };

/** What a queue message on the outbox carries: which delivery row to work on. */
export interface OutboxJob {
  batch: string;
  recipientId: string;
  /** Queued to look again when another worker's lease ends (see bot/delivery.ts). */
  checkBack?: boolean;
}

export interface CardToSend<K extends CardKind> {
  tenantId: string;
  /** Groups deliveries: a broadcast id, or one notification's purpose and subject. */
  batch: string;
  recipientId: string;
  kind: K;
  context: CardContexts[K];
  expiresAt?: string | null;
}

/** The id of the card the outbox issues for a batch and recipient: the same on every retry. */
export function outboxCardId(batch: string, recipientId: string): string {
  return deterministicId('outbox', batch, recipientId);
}

export class Outbox {
  constructor(
    private readonly deliveries: DeliveryStore,
    private readonly queues: Queues,
    private readonly cards: IssuedCardStore,
    private readonly clock: Clock,
  ) {}

  /** Issues the card to its recipient and queues it for delivery; returns the card id. */
  async sendCard<K extends CardKind>(c: CardToSend<K>): Promise<string> {
    return (await this.issueAndQueue(c)).cardId;
  }

  /**
   * As sendCard, saying too whether this call is the one that queued it: false when an earlier
   * call had (a retry, or another run of a job at the same moment), which sends nothing more. A job
   * counts only what it queued, so the counts it reports add up to what was sent.
   */
  async issueAndQueue<K extends CardKind>(c: CardToSend<K>): Promise<{ cardId: string; queued: boolean }> {
    const cardId = outboxCardId(c.batch, c.recipientId);
    const at = this.clock.now().toISOString();
    // Already issued by an earlier attempt at this same send: the card is reused, not duplicated.
    await this.cards.issue({ cardId, tenantId: c.tenantId, recipientId: c.recipientId, kind: c.kind, context: c.context, createdAt: at, expiresAt: c.expiresAt ?? null });
    return { cardId, queued: await this.enqueue(c.tenantId, c.batch, c.recipientId, { kind: 'card', cardId }) };
  }

  /** Sends a card that was issued before (a prompt again after a snooze, or as a reminder); true if this call queued it. */
  async resendCard(tenantId: string, batch: string, recipientId: string, cardId: string, note?: CardNote): Promise<boolean> {
    return this.enqueue(tenantId, batch, recipientId, { kind: 'card', cardId, ...(note ? { note } : {}) });
  }

  /** True if this call queued it (false: it was queued before, and goes once). */
  async sendText(tenantId: string, batch: string, recipientId: string, text: string): Promise<boolean> {
    return this.enqueue(tenantId, batch, recipientId, { kind: 'text', text });
  }

  /** Deliveries waiting on the queue (an estimate, never low): how far queueing is ahead of sending. */
  waiting(): Promise<number> {
    return this.queues.approximateCount(QUEUES.outbox);
  }

  /** Puts a delivery back on the queue (a stuck row, or one waiting for another worker's lease). */
  async requeue(job: OutboxJob, delaySeconds = 0): Promise<void> {
    await this.queues.send(QUEUES.outbox, job, { visibilityTimeoutSeconds: delaySeconds });
  }

  private async enqueue(tenantId: string, batch: string, recipientId: string, message: OutboxMessage): Promise<boolean> {
    const createdAt = this.clock.now().toISOString();
    const created = await this.deliveries.create({ batch, recipientId, tenantId, message, createdAt });
    // Sent already, or being sent: nothing to do. Still queued: its queue message may be the one
    // that failed to go, so queue it again; a duplicate message is harmless, the row decides.
    if (!created && (await this.deliveries.get(batch, recipientId))?.state !== 'queued') return false;
    await this.queues.send(QUEUES.outbox, { batch, recipientId } satisfies OutboxJob);
    return created;
  }
}
