// Proactive installations Weave asked Graph for, one row per person (PartitionKey = tenant id,
// RowKey = Entra object id): what Graph said, when, and which outbox deliveries wait for the
// person's conversation. The installation event takes the row and queues those deliveries again;
// a refusal (blocked by policy, not licensed) is remembered, so Graph is not asked again each send.
import { getEntity, TABLES, unlessGone, unlessRaced, type Tables } from './tables';

export type InstallState = 'requested' | 'blocked' | 'not_licensed';

export interface InstallRecord {
  tenantId: string;
  personId: string;
  state: InstallState;
  /** When Graph last answered. */
  at: string;
  /** Outbox batches waiting for this person's conversation. */
  waiting: string[];
}

interface InstallEntity {
  state: string;
  at: string;
  waiting: string;
}

/** A person rarely has more than a few messages waiting; the row stays small whatever happens. */
const MAX_WAITING = 50;

export interface InstallStore {
  get(tenantId: string, personId: string): Promise<InstallRecord | undefined>;
  /** Records what Graph said (when `state` is given) and adds a batch to those waiting. */
  wait(tenantId: string, personId: string, batch: string | null, answer?: { state: InstallState; at: string }): Promise<void>;
  /** Removes the row and answers the batches that were waiting on it. */
  take(tenantId: string, personId: string): Promise<string[]>;
}

export class TableInstallStore implements InstallStore {
  constructor(private readonly tables: Tables) {}

  private get client() {
    return this.tables.client(TABLES.installs);
  }

  async get(tenantId: string, personId: string) {
    const e = await getEntity<InstallEntity>(this.client, tenantId, personId);
    return e && { tenantId, personId, state: e.state as InstallState, at: e.at, waiting: JSON.parse(e.waiting) as string[] };
  }

  async wait(tenantId: string, personId: string, batch: string | null, answer?: { state: InstallState; at: string }) {
    for (let attempt = 0; attempt < 5; attempt++) {
      const row = await getEntity<InstallEntity>(this.client, tenantId, personId);
      const waiting = [...new Set([...(row ? (JSON.parse(row.waiting) as string[]) : []), ...(batch ? [batch] : [])])].slice(-MAX_WAITING);
      const entity = { partitionKey: tenantId, rowKey: personId, state: answer?.state ?? row?.state ?? 'requested', at: answer?.at ?? row?.at ?? '', waiting: JSON.stringify(waiting) };
      const written = await unlessRaced(`Installation for ${personId}`, () => (row ? this.client.updateEntity(entity, 'Replace', { etag: row.etag }) : this.client.createEntity(entity)));
      if (written) return;
    }
  }

  async take(tenantId: string, personId: string) {
    const row = await getEntity<InstallEntity>(this.client, tenantId, personId);
    if (!row) return [];
    // Changed since read: whoever changed it still has a check-back queued, so nothing is lost.
    await unlessGone(`Installation for ${personId}`, () => unlessRaced(`Installation for ${personId}`, () => this.client.deleteEntity(tenantId, personId, { etag: row.etag })));
    return JSON.parse(row.waiting) as string[];
  }
}
