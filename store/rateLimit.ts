// One send budget for the whole app in a tenant, however many workers are sending: a token bucket
// kept in one Table Storage row (PartitionKey = tenant id, RowKey = the budget's name), taken with
// the row's ETag: however many workers send, together they spend what the bucket refills.
import { getEntity, TABLES, ConcurrencyError, typedStorageError, type Tables } from './tables';

interface BucketEntity {
  tokens: number;
  at: number;
}

export interface RateBudget {
  /** Takes up to `want` tokens now; answers how many it got and, if fewer than asked, how long until the rest are there (or as many as it saves up). */
  take(want: number, nowMs: number): Promise<{ got: number; waitMs: number }>;
  /** Lets nobody take a token before `untilMs` (Teams asked the app to wait); never shortens a longer hold. */
  holdUntil(untilMs: number): Promise<void>;
}

export class TableRateBudget implements RateBudget {
  constructor(
    private readonly tables: Tables,
    private readonly tenantId: string,
    private readonly name: string,
    private readonly perSecond: number,
    /**
     * At most this much saved up, so a quiet spell cannot become a burst: no one-second window ever
     * sees more than the rate plus this (app/messaging/sendPacer.ts's budgetBurst keeps that under Teams' limit).
     */
    private readonly burst = Math.max(1, Math.ceil(perSecond / 5)),
  ) {}

  private get client() {
    return this.tables.client(TABLES.rateLimits);
  }

  async take(want: number, nowMs: number) {
    for (let attempt = 0; attempt < 10; attempt++) {
      const row = await getEntity<BucketEntity>(this.client, this.tenantId, this.name);
      // Workers' clocks differ a little: time never runs backwards for the bucket, so a worker whose
      // clock is behind neither refills it twice nor drains it below empty.
      const at = row ? Math.max(row.at, nowMs) : nowMs;
      const tokens = row ? Math.min(this.burst, row.tokens + (Math.max(0, nowMs - row.at) / 1000) * this.perSecond) : this.burst;
      const got = Math.min(want, Math.floor(tokens));
      // A held bucket's `at` is in the future: it starts refilling then. Waiting until there are
      // enough for everyone asking (as many as it saves) makes one round trip serve several sends.
      if (got === 0) return { got: 0, waitMs: Math.max(0, at - nowMs) + Math.ceil(((Math.min(want, this.burst) - tokens) / this.perSecond) * 1000) };
      const entity = { partitionKey: this.tenantId, rowKey: this.name, tokens: tokens - got, at };
      try {
        if (row) await this.client.updateEntity(entity, 'Replace', { etag: row.etag });
        else await this.client.createEntity(entity);
        // Fewer than asked: how long until the rest could be had.
        return { got, waitMs: got < want ? Math.ceil(((Math.min(want - got, this.burst) - (tokens - got)) / this.perSecond) * 1000) : 0 };
      } catch (err) {
        if (!(typedStorageError(err, 'The send budget') instanceof ConcurrencyError)) throw err; // another worker took some first: look again
      }
    }
    return { got: 0, waitMs: 50 };
  }

  async holdUntil(untilMs: number) {
    for (let attempt = 0; attempt < 10; attempt++) {
      const row = await getEntity<BucketEntity>(this.client, this.tenantId, this.name);
      if (row && row.at >= untilMs && row.tokens < 1) return;
      const entity = { partitionKey: this.tenantId, rowKey: this.name, tokens: 0, at: Math.max(untilMs, row?.at ?? 0) };
      try {
        if (row) await this.client.updateEntity(entity, 'Replace', { etag: row.etag });
        else await this.client.createEntity(entity);
        return;
      } catch (err) {
        if (!(typedStorageError(err, 'The send budget') instanceof ConcurrencyError)) throw err;
      }
    }
  }
}
