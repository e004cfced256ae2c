// CPD records. PartitionKey = tenant id, RowKey = person id|date|record id: one person's record is a
// RowKey range in date order; the organisation's (who CPD is reaching) is one partition.
import { odata, type TableEntityResult } from '@azure/data-tables';
import { hasPeerReflection, hasReflection, type CpdFacts, type CpdRecord } from '../core/cpd';
import type { EvidenceFacts } from '../core/mandatory';
import { listAll, TABLES, type Tables } from './tables';

interface CpdEntity {
  personId: string;
  recordId: string;
  activityType: string;
  title: string;
  date: string;
  hours: number;
  participatoryHours: number;
  codes: string;
  needIds: string;
  reflectionModel: string;
  reflection: string;
  impactPractice: string;
  impactPeople: string;
  peer: string;
  peerReflection: string;
  includesFeedback: boolean;
  reflectiveDiscussion: boolean;
  /** Derived on save, so the roll-ups can read readiness without reading anyone's words. */
  reflected: boolean;
  peerReflected: boolean;
  createdAt: string;
}

export interface CpdStore {
  save(record: CpdRecord): Promise<void>;
  listFor(tenantId: string, personId: string): Promise<CpdRecord[]>;
  listAll(tenantId: string): Promise<CpdRecord[]>;
  /** Every record's facts (no reflections): for registration readiness and who CPD is reaching. */
  listFacts(tenantId: string): Promise<CpdFacts[]>;
  /** What mandatory learning counts (date, areas, kind, title), no reflections: for compliance. */
  listEvidence(tenantId: string): Promise<(EvidenceFacts & { personId: string })[]>;
}

const list = (s: string) => (s ? s.split(';') : []);

function toRecord(e: TableEntityResult<CpdEntity>): CpdRecord {
  return {
    tenantId: e.partitionKey!, personId: e.personId, recordId: e.recordId, activityType: e.activityType as CpdRecord['activityType'],
    title: e.title, date: e.date, hours: e.hours, participatoryHours: e.participatoryHours, codes: list(e.codes), needIds: list(e.needIds),
    reflectionModel: e.reflectionModel as CpdRecord['reflectionModel'], reflection: JSON.parse(e.reflection) as Record<string, string>,
    impactPractice: e.impactPractice, impactPeople: e.impactPeople, peer: e.peer ? (JSON.parse(e.peer) as CpdRecord['peer']) : null,
    peerReflection: e.peerReflection, includesFeedback: e.includesFeedback, reflectiveDiscussion: e.reflectiveDiscussion, createdAt: e.createdAt,
  };
}

export class TableCpdStore implements CpdStore {
  constructor(private readonly tables: Tables) {}

  private get client() {
    return this.tables.client(TABLES.cpd);
  }

  async save(r: CpdRecord) {
    await this.client.upsertEntity<CpdEntity>({
      partitionKey: r.tenantId, rowKey: `${r.personId}|${r.date}|${r.recordId}`, personId: r.personId, recordId: r.recordId,
      activityType: r.activityType, title: r.title, date: r.date, hours: r.hours, participatoryHours: r.participatoryHours,
      codes: r.codes.join(';'), needIds: r.needIds.join(';'), reflectionModel: r.reflectionModel, reflection: JSON.stringify(r.reflection),
      impactPractice: r.impactPractice, impactPeople: r.impactPeople, peer: r.peer ? JSON.stringify(r.peer) : '',
      peerReflection: r.peerReflection, includesFeedback: r.includesFeedback, reflectiveDiscussion: r.reflectiveDiscussion,
      reflected: hasReflection(r), peerReflected: hasPeerReflection(r), createdAt: r.createdAt,
    }, 'Replace');
  }

  async listFor(tenantId: string, personId: string) {
    const rows = await listAll<CpdEntity>(this.client, odata`PartitionKey eq ${tenantId} and RowKey ge ${`${personId}|`} and RowKey lt ${`${personId}|~`}`);
    return rows.map(toRecord);
  }

  async listAll(tenantId: string) {
    return (await listAll<CpdEntity>(this.client, odata`PartitionKey eq ${tenantId}`)).map(toRecord);
  }

  async listFacts(tenantId: string) {
    const columns = ['personId', 'date', 'codes', 'activityType', 'hours', 'participatoryHours', 'includesFeedback', 'reflectiveDiscussion', 'reflected', 'peerReflected'];
    const rows = await listAll<CpdEntity>(this.client, odata`PartitionKey eq ${tenantId}`, columns);
    return rows.map((e): CpdFacts => ({
      personId: e.personId, date: e.date, codes: list(e.codes), activityType: e.activityType as CpdFacts['activityType'], hours: e.hours, participatoryHours: e.participatoryHours,
      includesFeedback: !!e.includesFeedback, reflectiveDiscussion: !!e.reflectiveDiscussion, reflected: !!e.reflected, peerReflected: !!e.peerReflected,
    }));
  }

  async listEvidence(tenantId: string) {
    const rows = await listAll<CpdEntity>(this.client, odata`PartitionKey eq ${tenantId}`, ['personId', 'date', 'codes', 'activityType', 'title']);
    return rows.map((e) => ({ personId: e.personId, date: e.date, codes: list(e.codes), activityType: e.activityType as EvidenceFacts['activityType'], title: e.title }));
  }
}
