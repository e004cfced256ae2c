// Qualifications. PartitionKey = tenant id, RowKey = person id|qualification id: one person's are a
// RowKey range; the organisation's (who is professionally qualified) one partition.
import { odata, type TableEntityResult, type TransactionAction } from '@azure/data-tables';
import type { Qualification, QualificationStatus, RosterQualification, RqfLevel } from '../core/qualifications';
import { getEntity, listAll, submitInBatches, TABLES, typedStorageError, type Tables } from './tables';

interface QualificationEntity {
  personId: string;
  qualificationId: string;
  level: number;
  title: string;
  awardedOn: string;
  professional: boolean;
  source: string;
  status: string;
  confirmedBy: string;
  createdAt: string;
}

export type StoredQualification = Qualification & { etag: string };

export interface QualificationStore {
  save(q: Qualification): Promise<void>;
  get(tenantId: string, personId: string, qualificationId: string): Promise<StoredQualification | undefined>;
  listFor(tenantId: string, personId: string): Promise<StoredQualification[]>;
  listAll(tenantId: string): Promise<StoredQualification[]>;
  /** Over the version read: ConcurrencyError if it changed since. */
  setStatus(q: StoredQualification, status: QualificationStatus, confirmedBy: string | null): Promise<void>;
  /** The roster's qualification for each person listed (null: none, so any earlier one goes), in 100-row transactions. */
  applyRoster(tenantId: string, byPerson: ReadonlyMap<string, RosterQualification | null>, at: string): Promise<void>;
}

const key = (personId: string, id: string) => `${personId}|${id}`;

function toQualification(e: TableEntityResult<QualificationEntity>): StoredQualification {
  return {
    tenantId: e.partitionKey!, personId: e.personId, qualificationId: e.qualificationId, level: e.level as RqfLevel, title: e.title,
    awardedOn: e.awardedOn || null, professional: !!e.professional, source: e.source as Qualification['source'], status: e.status as QualificationStatus,
    confirmedBy: e.confirmedBy || null, createdAt: e.createdAt, etag: e.etag,
  };
}

const toEntity = (q: Qualification) => ({
  partitionKey: q.tenantId, rowKey: key(q.personId, q.qualificationId), personId: q.personId, qualificationId: q.qualificationId, level: q.level,
  title: q.title, awardedOn: q.awardedOn ?? '', professional: q.professional, source: q.source, status: q.status, confirmedBy: q.confirmedBy ?? '', createdAt: q.createdAt,
});

export class TableQualificationStore implements QualificationStore {
  constructor(private readonly tables: Tables) {}

  private get client() {
    return this.tables.client(TABLES.qualifications);
  }

  async save(q: Qualification) {
    await this.client.upsertEntity(toEntity(q), 'Replace');
  }

  async get(tenantId: string, personId: string, qualificationId: string) {
    const e = await getEntity<QualificationEntity>(this.client, tenantId, key(personId, qualificationId));
    return e && toQualification(e);
  }

  async listFor(tenantId: string, personId: string) {
    return (await listAll<QualificationEntity>(this.client, odata`PartitionKey eq ${tenantId} and RowKey ge ${`${personId}|`} and RowKey lt ${`${personId}|~`}`)).map(toQualification);
  }

  async listAll(tenantId: string) {
    return (await listAll<QualificationEntity>(this.client, odata`PartitionKey eq ${tenantId}`)).map(toQualification);
  }

  async setStatus(q: StoredQualification, status: QualificationStatus, confirmedBy: string | null) {
    try {
      await this.client.updateEntity({ partitionKey: q.tenantId, rowKey: key(q.personId, q.qualificationId), status, confirmedBy: confirmedBy ?? '' }, 'Merge', { etag: q.etag });
    } catch (err) {
      throw typedStorageError(err, 'This qualification');
    }
  }

  async applyRoster(tenantId: string, byPerson: ReadonlyMap<string, RosterQualification | null>, at: string) {
    const existing = new Set((await listAll<QualificationEntity>(this.client, odata`PartitionKey eq ${tenantId} and qualificationId eq ${'roster'}`, ['personId'])).map((e) => e.personId));
    const actions: TransactionAction[] = [];
    for (const [personId, q] of byPerson) {
      if (q) {
        actions.push(['upsert', toEntity({ tenantId, personId, qualificationId: 'roster', ...q, source: 'roster', status: 'confirmed', confirmedBy: 'roster', createdAt: at }), 'Replace']);
      } else if (existing.has(personId)) {
        actions.push(['delete', { partitionKey: tenantId, rowKey: key(personId, 'roster') }]);
      }
    }
    await submitInBatches(this.client, actions);
  }
}
