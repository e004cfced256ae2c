// Learning needs. PartitionKey = tenant id, RowKey = person id|need id: one person's plan is a
// RowKey range; the organisation's plan is one partition.
import { odata, type TableEntityResult } from '@azure/data-tables';
import { isOpen, type LearningNeed, type NeedFacts } from '../core/needs';
import { getEntity, listAll, TABLES, typedStorageError, unlessGone, type Tables } from './tables';

interface NeedEntity {
  personId: string;
  needId: string;
  codes: string;
  frameworkTag: string;
  description: string;
  activityTypes: string;
  priority: string;
  status: string;
  source: string;
  sourceRef: string;
  targetDate: string;
  period: string;
  plan: string;
  dropReason: string;
  comments: string;
  history: string;
  createdAt: string;
  updatedAt: string;
}

export type StoredNeed = LearningNeed & { etag: string };

export interface NeedStore {
  /** Creates or replaces a need (a prompt re-submitted replaces the needs it named). */
  save(need: LearningNeed): Promise<void>;
  get(tenantId: string, personId: string, needId: string): Promise<StoredNeed | undefined>;
  /** Changes a need only if nobody has since its etag; throws ConcurrencyError otherwise. */
  update(need: StoredNeed, patch: Partial<LearningNeed>): Promise<StoredNeed>;
  listFor(tenantId: string, personId: string): Promise<StoredNeed[]>;
  /** Needs a source named; for replacing them when the source is answered again. */
  listFromSource(tenantId: string, personId: string, sourceRef: string): Promise<StoredNeed[]>;
  /** Every need in the organisation. */
  listAll(tenantId: string): Promise<StoredNeed[]>;
  /** Every need's codes, ways of learning and status, without its words: what the roll-ups read. */
  listFacts(tenantId: string): Promise<NeedFacts[]>;
  remove(tenantId: string, personId: string, needId: string): Promise<void>;
}

const rowKey = (personId: string, needId: string) => `${personId}|${needId}`;

/** Comments are kept as JSON in one string property, and Table Storage holds at most 32K characters in one. */
export const fitsInNeedRow = (comments: LearningNeed['comments']): boolean => JSON.stringify(comments).length <= 30_000;

function toEntity(n: LearningNeed): NeedEntity {
  return {
    personId: n.personId, needId: n.needId, codes: n.codes.join(';'), frameworkTag: n.frameworkTag ?? '', description: n.description,
    activityTypes: n.activityTypes.join(';'), priority: n.priority, status: n.status, source: n.source, sourceRef: n.sourceRef,
    targetDate: n.targetDate ?? '', period: n.period, plan: n.plan ? JSON.stringify(n.plan) : '', dropReason: n.dropReason ?? '',
    comments: JSON.stringify(n.comments), history: JSON.stringify(n.history), createdAt: n.createdAt, updatedAt: n.updatedAt,
  };
}

function toNeed(e: TableEntityResult<NeedEntity>): StoredNeed {
  const list = (s: string) => (s ? s.split(';') : []);
  return {
    tenantId: e.partitionKey!, personId: e.personId, needId: e.needId, codes: list(e.codes), frameworkTag: e.frameworkTag || null,
    description: e.description, activityTypes: list(e.activityTypes) as LearningNeed['activityTypes'],
    priority: e.priority as LearningNeed['priority'], status: e.status as LearningNeed['status'], source: e.source as LearningNeed['source'],
    sourceRef: e.sourceRef, targetDate: e.targetDate || null, period: e.period, plan: e.plan ? (JSON.parse(e.plan) as LearningNeed['plan']) : null,
    dropReason: e.dropReason || null, comments: e.comments ? (JSON.parse(e.comments) as LearningNeed['comments']) : [],
    history: e.history ? (JSON.parse(e.history) as LearningNeed['history']) : [], createdAt: e.createdAt, updatedAt: e.updatedAt, etag: e.etag,
  };
}

export class TableNeedStore implements NeedStore {
  constructor(private readonly tables: Tables) {}

  private get client() {
    return this.tables.client(TABLES.needs);
  }

  async save(need: LearningNeed) {
    await this.client.upsertEntity({ partitionKey: need.tenantId, rowKey: rowKey(need.personId, need.needId), ...toEntity(need) }, 'Replace');
  }

  async get(tenantId: string, personId: string, needId: string) {
    const e = await getEntity<NeedEntity>(this.client, tenantId, rowKey(personId, needId));
    return e && toNeed(e);
  }

  async update(need: StoredNeed, patch: Partial<LearningNeed>) {
    const next: LearningNeed = { ...need, ...patch };
    try {
      const res = await this.client.updateEntity({ partitionKey: need.tenantId, rowKey: rowKey(need.personId, need.needId), ...toEntity(next) }, 'Replace', { etag: need.etag });
      return { ...next, etag: res.etag ?? need.etag };
    } catch (err) {
      throw typedStorageError(err, 'This learning need');
    }
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

  async listAll(tenantId: string) {
    return (await listAll<NeedEntity>(this.client, odata`PartitionKey eq ${tenantId}`)).map(toNeed);
  }

  async listFacts(tenantId: string) {
    const rows = await listAll<NeedEntity>(this.client, odata`PartitionKey eq ${tenantId}`, ['personId', 'codes', 'activityTypes', 'status', 'source', 'sourceRef']);
    const list = (v: string) => (v ? v.split(';') : []);
    return rows.map((e): NeedFacts => ({ personId: e.personId, codes: list(e.codes), activityTypes: list(e.activityTypes), open: isOpen({ status: e.status as LearningNeed['status'] }),
      met: e.status === 'met', trigger: e.source === 'trigger' ? e.sourceRef || null : null }));
  }

  async remove(tenantId: string, personId: string, needId: string) {
    await unlessGone('This learning need', () => this.client.deleteEntity(tenantId, rowKey(personId, needId)));
  }
}
