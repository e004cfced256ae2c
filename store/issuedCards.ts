// Every card Weave sends that can be acted on. The card carries only its id; who it was sent to,
// what it is about and whether it is still open live here, so a forged or replayed submit has
// nothing to tamper with. PartitionKey = card id, RowKey = 'card': point reads only. Card ids are
// random, except that the outbox derives one from its batch and recipient so a retried send reuses it.
import { createIfAbsent, getEntity, TABLES, typedStorageError, type Tables } from './tables';

export type CardState = 'open' | 'done';

export interface IssuedCard {
  cardId: string;
  tenantId: string;
  recipientId: string;
  kind: string;
  /** Server-side facts the card is about (ids, dates); never trusted from the client. */
  context: Record<string, unknown>;
  state: CardState;
  createdAt: string;
  expiresAt: string | null;
  etag: string;
}

interface CardEntity {
  tenantId: string;
  recipientId: string;
  kind: string;
  context: string;
  state: string;
  createdAt: string;
  expiresAt: string;
}

export interface IssuedCardStore {
  /** Records a new card; false if a card with this id was already issued (a retried send). */
  issue(card: Omit<IssuedCard, 'etag' | 'state'>): Promise<boolean>;
  get(cardId: string): Promise<IssuedCard | undefined>;
  /** Moves an open card to done; throws ConcurrencyError if someone else did first. */
  close(card: IssuedCard): Promise<IssuedCard>;
  reopen(card: IssuedCard): Promise<void>;
  updateContext(card: IssuedCard, context: Record<string, unknown>): Promise<IssuedCard>;
}

const ROW = 'card';

export class TableIssuedCardStore implements IssuedCardStore {
  constructor(private readonly tables: Tables) {}

  private get client() {
    return this.tables.client(TABLES.cards);
  }

  async issue(card: Omit<IssuedCard, 'etag' | 'state'>) {
    return createIfAbsent<CardEntity>(this.client, {
      partitionKey: card.cardId, rowKey: ROW, tenantId: card.tenantId, recipientId: card.recipientId, kind: card.kind,
      context: JSON.stringify(card.context), state: 'open', createdAt: card.createdAt, expiresAt: card.expiresAt ?? '',
    });
  }

  async get(cardId: string): Promise<IssuedCard | undefined> {
    const e = await getEntity<CardEntity>(this.client, cardId, ROW);
    if (!e) return undefined;
    return {
      cardId, tenantId: e.tenantId, recipientId: e.recipientId, kind: e.kind,
      context: JSON.parse(e.context) as Record<string, unknown>, state: e.state as CardState,
      createdAt: e.createdAt, expiresAt: e.expiresAt || null, etag: e.etag,
    };
  }

  async close(card: IssuedCard) {
    return this.merge(card, { state: 'done' });
  }

  async reopen(card: IssuedCard) {
    await this.merge(card, { state: 'open' });
  }

  async updateContext(card: IssuedCard, context: Record<string, unknown>) {
    return this.merge(card, { context: JSON.stringify(context) });
  }

  private async merge(card: IssuedCard, fields: Partial<CardEntity>): Promise<IssuedCard> {
    try {
      const res = await this.client.updateEntity({ partitionKey: card.cardId, rowKey: ROW, ...fields }, 'Merge', { etag: card.etag });
      return {
        ...card,
        ...(fields.state ? { state: fields.state as CardState } : {}),
        ...(fields.context ? { context: JSON.parse(fields.context) as Record<string, unknown> } : {}),
        etag: res.etag ?? card.etag,
      };
    } catch (err) {
      throw typedStorageError(err, 'This card');
    }
  }
}
