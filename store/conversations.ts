// Where to reach each person in Teams. PartitionKey = tenant id (in 16 shards: store/shards.ts),
// RowKey = Entra object id: the proactive sender looks a person up by who they are, never by a
// Teams conversation id.
import { odata } from '@azure/data-tables';
import type { ConversationRef } from '../core/conversation';
import { createIfAbsent, getEntity, listAll, TABLES, unlessGone, unlessRaced, type Tables } from './tables';
import { allShards, partitionOf, shardKey } from './shards';

/**
 * - `installed`: Weave is in their personal scope and we can message them.
 * - `uninstalled`: they removed the app (installationUpdate remove).
 * - `unreachable`: Teams answered 403 to a send (blocked or removed without telling us); not retried.
 */
export type ReachStatus = 'installed' | 'uninstalled' | 'unreachable';

export interface PersonalConversation {
  tenantId: string;
  aadObjectId: string;
  ref: ConversationRef;
  timeZone: string | null;
  locale: string | null;
  status: ReachStatus;
  installedAt: string;
  statusChangedAt: string;
}

interface ConversationEntity {
  ref: string;
  timeZone: string;
  locale: string;
  status: string;
  installedAt: string;
  statusChangedAt: string;
}

export interface ConversationSighting {
  tenantId: string;
  aadObjectId: string;
  ref: ConversationRef;
  timeZone: string | null;
  locale: string | null;
  at: string;
}

export interface ConversationStore {
  get(tenantId: string, aadObjectId: string): Promise<PersonalConversation | undefined>;
  /**
   * Records an install or any personal message: `isNew` when this is a new (or renewed)
   * installation, and the conversation as it now stands.
   */
  recordSeen(sighting: ConversationSighting): Promise<{ isNew: boolean; conversation: PersonalConversation }>;
  setStatus(tenantId: string, aadObjectId: string, status: Exclude<ReachStatus, 'installed'>, at: string): Promise<void>;
  /** Everyone Weave has a conversation with (their time zones and reachability). */
  list(tenantId: string): Promise<PersonalConversation[]>;
}

function toConversation(e: ConversationEntity & { partitionKey?: string; rowKey?: string }): PersonalConversation {
  return {
    tenantId: partitionOf(e.partitionKey!),
    aadObjectId: e.rowKey!,
    ref: JSON.parse(e.ref) as ConversationRef,
    timeZone: e.timeZone || null,
    locale: e.locale || null,
    status: e.status as ReachStatus,
    installedAt: e.installedAt,
    statusChangedAt: e.statusChangedAt,
  };
}

export class TableConversationStore implements ConversationStore {
  constructor(private readonly tables: Tables) {}

  private get client() {
    return this.tables.client(TABLES.conversations);
  }

  async get(tenantId: string, aadObjectId: string) {
    const rowKey = aadObjectId.toLowerCase();
    const e = await getEntity<ConversationEntity>(this.client, shardKey(tenantId, rowKey), rowKey);
    return e ? toConversation(e) : this.moveLegacy(tenantId, rowKey);
  }

  /**
   * A row written before the table was sharded (PartitionKey = the tenant id) is moved into its shard
   * the first time it is looked for, so an upgrade loses nobody's chat.
   */
  private async moveLegacy(tenantId: string, rowKey: string) {
    const old = await getEntity<ConversationEntity>(this.client, tenantId, rowKey);
    if (!old) return undefined;
    const { etag: _etag, timestamp: _timestamp, partitionKey: _pk, ...fields } = old as ConversationEntity & { etag?: string; timestamp?: string; partitionKey?: string };
    await createIfAbsent<ConversationEntity>(this.client, { ...fields, partitionKey: shardKey(tenantId, rowKey), rowKey });
    await unlessGone('This conversation', () => this.client.deleteEntity(tenantId, rowKey));
    const moved = await getEntity<ConversationEntity>(this.client, shardKey(tenantId, rowKey), rowKey);
    return moved && toConversation(moved);
  }

  async recordSeen(s: ConversationSighting) {
    const rowKey = s.aadObjectId.toLowerCase();
    const key = { partitionKey: shardKey(s.tenantId, rowKey), rowKey };
    const fields = { ref: JSON.stringify(s.ref), timeZone: s.timeZone ?? '', locale: s.locale ?? '' };
    for (let attempt = 0; attempt < 3; attempt++) {
      const existing = await getEntity<ConversationEntity>(this.client, key.partitionKey, key.rowKey);
      if (!existing) {
        const entity = { ...key, ...fields, status: 'installed', installedAt: s.at, statusChangedAt: s.at };
        if (await createIfAbsent<ConversationEntity>(this.client, entity)) return { isNew: true, conversation: toConversation(entity) };
        continue; // someone else recorded it first: read it again
      }
      const renewed = existing.status !== 'installed';
      const changed = renewed || existing.ref !== fields.ref
        || (!!s.timeZone && existing.timeZone !== fields.timeZone) || (!!s.locale && existing.locale !== fields.locale);
      if (!changed) return { isNew: false, conversation: toConversation(existing) };
      const patch = {
        ...key,
        ref: fields.ref,
        timeZone: s.timeZone ?? existing.timeZone,
        locale: s.locale ?? existing.locale,
        ...(renewed ? { status: 'installed', installedAt: s.at, statusChangedAt: s.at } : {}),
      };
      if (await unlessRaced('This conversation', () => this.client.updateEntity(patch, 'Merge', { etag: existing.etag }))) {
        return { isNew: renewed, conversation: toConversation({ ...existing, ...patch }) };
      }
    }
    // Changed by other turns each time: this sighting is no newer than theirs.
    const settled = await getEntity<ConversationEntity>(this.client, key.partitionKey, key.rowKey);
    if (!settled) throw new Error('the conversation changed under every attempt to record it');
    return { isNew: false, conversation: toConversation(settled) };
  }

  async list(tenantId: string) {
    const [sharded, legacy] = await Promise.all([
      listAll<ConversationEntity>(this.client, allShards(tenantId)), listAll<ConversationEntity>(this.client, odata`PartitionKey eq ${tenantId}`),
    ]);
    const seen = new Set(sharded.map((e) => e.rowKey));
    return [...sharded, ...legacy.filter((e) => !seen.has(e.rowKey))].map(toConversation);
  }

  async setStatus(tenantId: string, aadObjectId: string, status: Exclude<ReachStatus, 'installed'>, at: string) {
    const rowKey = aadObjectId.toLowerCase();
    await unlessGone('This conversation', () => this.client.updateEntity({ partitionKey: shardKey(tenantId, rowKey), rowKey, status, statusChangedAt: at }, 'Merge'));
  }
}
