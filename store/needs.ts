// Learning needs. PartitionKey = tenant id, RowKey = person id|need id: one person's plan is a
// RowKey range; the organisation's plan is one partition.
import { odata, type TableEntityResult } from '@azure/data-tables';
import type { LearningNeed } from '../core/needs';
import { listAll, TABLES, type Tables } from './tables';

interface NeedEntity extends Omit<LearningNeed, 'tenantId' | 'personId' | 'needId' | 'activityType' | 'targetDate'> {
  personId: string;
  needId: string;
  activityType: string;
  targetDate: string;
}

export interface NeedStore {
  /** Creates or replaces a need (a prompt re-submitted replaces the needs it named). */
  save(need: LearningNeed): Promise<void>;
  listFor(tenantId: string, personId: string): Promise<LearningNeed[]>;
  /** Needs a source named; for replacing them when the source is answered again. */
  listFromSource(tenantId: string, personId: string, sourceRef: string): Promise<LearningNeed[]>;
  remove(tenantId: string, personId: string, needId: string): Promise<void>;
}

const rowKey = (personId: string, needId: string) => `${personId}|${needId}`;

function toNeed(e: TableEntityResult<NeedEntity>): LearningNeed {
  return {
    tenantId: e.partitionKey!, personId: e.personId, needId: e.needId, code: e.code, description: e.description,
    activityType: (e.activityType || null) as LearningNeed['activityType'], priority: e.priority as LearningNeed['priority'],
    status: e.status as LearningNeed['status'], source: e.source as LearningNeed['source'], sourceRef: e.sourceRef,
    targetDate: e.targetDate || null, createdAt: e.createdAt, updatedAt: e.updatedAt,
  };
}

export class TableNeedStore implements NeedStore {
  constructor(private readonly tables: Tables) {}

  private get client() {
    return this.tables.client(TABLES.needs);
  }

  async save(need: LearningNeed) {
    await this.client.upsertEntity<NeedEntity>({
      partitionKey: need.tenantId, rowKey: rowKey(need.personId, need.needId), personId: need.personId, needId: need.needId,
      code: need.code, description: need.description, activityType: need.activityType ?? '', priority: need.priority,
      status: need.status, source: need.source, sourceRef: need.sourceRef, targetDate: need.targetDate ?? '',
      createdAt: need.createdAt, updatedAt: need.updatedAt,
    }, 'Replace');
  }

  async listFor(tenantId: string, personId: string) {
    const rows = await listAll<NeedEntity>(this.client, odata`PartitionKey eq ${tenantId} and RowKey ge ${`${personId}|`} and RowKey lt ${`${personId}|~`}`);
    return rows.map(toNeed);
  }

  async listFromSource(tenantId: string, personId: string, sourceRef: string) {
    const rows = await listAll<NeedEntity>(
      this.client,
      odata`PartitionKey eq ${tenantId} and RowKey ge ${`${personId}|`} and RowKey lt ${`${personId}|~`} and sourceRef eq ${sourceRef}`,
    );
    return rows.map(toNeed);
  }

  async remove(tenantId: string, personId: string, needId: string) {
    try {
      await this.client.deleteEntity(tenantId, rowKey(personId, needId));
    } catch (err) {
      if ((err as { statusCode?: number }).statusCode !== 404) throw err;
    }
  }
}
