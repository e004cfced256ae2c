// One row per message Weave sends proactively: the record that makes delivery idempotent.
// PartitionKey = the batch (a broadcast, or one notification; in 16 shards: store/shards.ts),
// RowKey = the recipient's object id, so "has this person already been sent this?" is a point read
// and a batch's report one PartitionKey range.
import { odata, type TableEntityResult } from '@azure/data-tables';
import { createIfAbsent, getEntity, listAll, safeKey, TABLES, typedStorageError, type Tables } from './tables';
import { allShards, shardKey } from './shards';

/**
 * queued → sending → sent | unreachable (403) | not_installed (no conversation) | blocked (an app
 * permission policy kept Weave from being installed for them) | failed (gave up).
 * Every state but queued and sending is final.
 */
export type DeliveryState = 'queued' | 'sending' | 'sent' | 'unreachable' | 'not_installed' | 'blocked' | 'failed';
export const FINAL_DELIVERY_STATES: readonly DeliveryState[] = ['sent', 'unreachable', 'not_installed', 'blocked', 'failed'];

export interface Delivery {
  batch: string;
  recipientId: string;
  tenantId: string;
  /** What to send, as the outbox renderer understands it (a card kind and its context, or text). */
  message: Record<string, unknown>;
  state: DeliveryState;
  attempts: number;
  activityId: string;
  lastError: string;
  createdAt: string;
  updatedAt: string;
  /** While sending: when another worker may take over (the holder died). */
  leaseUntil: string;
  /** While queued: the earliest the next attempt is due (after Teams' Retry-After, say). */
  notBefore: string;
  etag: string;
}

interface DeliveryEntity {
  tenantId: string;
  message: string;
  state: string;
  attempts: number;
  activityId: string;
  lastError: string;
  createdAt: string;
  updatedAt: string;
  leaseUntil: string;
  notBefore: string;
}

export interface DeliveryStore {
  create(d: Pick<Delivery, 'batch' | 'recipientId' | 'tenantId' | 'message' | 'createdAt'>): Promise<boolean>;
  get(batch: string, recipientId: string): Promise<Delivery | undefined>;
  /** Marks the delivery as being sent until leaseUntil; throws ConcurrencyError if another worker has it. */
  claim(d: Delivery, at: string, leaseUntil: string): Promise<Delivery>;
  finish(d: Delivery, state: DeliveryState, at: string, details?: { activityId?: string; lastError?: string; notBefore?: string }): Promise<Delivery>;
  /** Every delivery of one batch (a broadcast's report): one partition. */
  listBatch(batch: string): Promise<Delivery[]>;
  /** Queued rows whose attempt was due before `dueBefore`, and sending rows whose lease ran out: work a lost queue message left behind. */
  listStuck(dueBefore: string, now: string): Promise<Delivery[]>;
}

function toDelivery(e: TableEntityResult<DeliveryEntity>, batch: string): Delivery {
  return {
    batch, recipientId: e.rowKey!, tenantId: e.tenantId, message: JSON.parse(e.message) as Record<string, unknown>,
    state: e.state as DeliveryState, attempts: e.attempts, activityId: e.activityId, lastError: e.lastError,
    createdAt: e.createdAt, updatedAt: e.updatedAt, leaseUntil: e.leaseUntil, notBefore: e.notBefore, etag: e.etag,
  };
}

/** Batches are escaped into keys; the original id travels on the row so listings can give it back. */
interface Keyed { batchId?: string }

export class TableDeliveryStore implements DeliveryStore {
  constructor(private readonly tables: Tables) {}

  private get client() {
    return this.tables.client(TABLES.deliveries);
  }

  async create(d: Pick<Delivery, 'batch' | 'recipientId' | 'tenantId' | 'message' | 'createdAt'>) {
    return createIfAbsent<DeliveryEntity & Keyed>(this.client, {
      partitionKey: shardKey(safeKey(d.batch), d.recipientId), rowKey: d.recipientId, batchId: d.batch, tenantId: d.tenantId,
      message: JSON.stringify(d.message), state: 'queued', attempts: 0, activityId: '', lastError: '',
      createdAt: d.createdAt, updatedAt: d.createdAt, leaseUntil: '', notBefore: d.createdAt,
    });
  }

  async get(batch: string, recipientId: string) {
    const e = await getEntity<DeliveryEntity>(this.client, shardKey(safeKey(batch), recipientId), recipientId);
    return e && toDelivery(e, batch);
  }

  async claim(d: Delivery, at: string, leaseUntil: string) {
    return this.merge(d, { state: 'sending', attempts: d.attempts + 1, updatedAt: at, leaseUntil });
  }

  async finish(d: Delivery, state: DeliveryState, at: string, details: { activityId?: string; lastError?: string; notBefore?: string } = {}) {
    return this.merge(d, { state, updatedAt: at, leaseUntil: '', notBefore: details.notBefore ?? at, ...details });
  }

  async listBatch(batch: string) {
    const rows = await listAll<DeliveryEntity & Keyed>(this.client, allShards(safeKey(batch)));
    return rows.map((e) => toDelivery(e, batch));
  }

  // A cross-partition scan: fine at the sizes of notifications; broadcasts will want an index of open batches.
  async listStuck(dueBefore: string, now: string) {
    const rows = await listAll<DeliveryEntity & Keyed>(
      this.client,
      odata`(state eq ${'queued'} and notBefore lt ${dueBefore}) or (state eq ${'sending'} and leaseUntil lt ${now})`,
    );
    return rows.map((e) => toDelivery(e, e.batchId!));
  }

  private async merge(d: Delivery, fields: Partial<DeliveryEntity>): Promise<Delivery> {
    try {
      const res = await this.client.updateEntity({ partitionKey: shardKey(safeKey(d.batch), d.recipientId), rowKey: d.recipientId, ...fields }, 'Merge', { etag: d.etag });
      return { ...d, ...fields, state: (fields.state ?? d.state) as DeliveryState, etag: res.etag ?? d.etag } as Delivery;
    } catch (err) {
      throw typedStorageError(err, `Delivery ${d.batch}/${d.recipientId}`);
    }
  }
}
