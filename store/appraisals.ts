// Appraisals: one row per person per plan year they agree. PartitionKey = tenant id, RowKey =
// person id|plan year start: one person's are a RowKey range, the organisation's one partition.
//
// The data shape the organisation's benchmark and barriers view read (listFacts), without anyone's
// words: `ratings` "CC1:3;CC2:2;…" (self-ratings 1–4 by Common Core area), `barriers` "time;cover"
// (codes of core/appraisal.ts BARRIERS), `period` (the plan year, YYYY-MM-DD) and `personId` (to
// group by profession, service or team; never shown). Roll-ups suppress groups under the threshold.
import { odata, type TableEntityResult } from '@azure/data-tables';
import type { Appraisal, AppraisalFacts, Barrier } from '../core/appraisal';
import { getEntity, listAll, TABLES, typedStorageError, type Tables } from './tables';

interface AppraisalEntity {
  personId: string;
  period: string;
  sessionKey: string;
  date: string;
  appraiserId: string;
  ratings: string;
  barriers: string;
  barrierNote: string;
  feedback: string;
  status: string;
  items: string;
  reviewedAt: string;
  agreedAt: string;
}

export type StoredAppraisal = Appraisal & { etag: string };

export interface AppraisalStore {
  get(tenantId: string, personId: string, period: string): Promise<StoredAppraisal | undefined>;
  /** Creates or replaces what the appraisee sent (a preparation edited until the day replaces it). */
  save(appraisal: Appraisal): Promise<void>;
  /** Changes it only if nobody has since its etag; throws ConcurrencyError otherwise. */
  update(appraisal: StoredAppraisal, patch: Partial<Appraisal>): Promise<StoredAppraisal>;
  /** Every appraisal's ratings and barriers, without words: what the benchmark and barriers view read. */
  listFacts(tenantId: string): Promise<AppraisalFacts[]>;
}

const rowKey = (personId: string, period: string) => `${personId}|${period}`;
const ratingsText = (r: Record<string, number>) => Object.entries(r).map(([code, n]) => `${code}:${n}`).join(';');
const ratingsOf = (s: string): Record<string, number> => Object.fromEntries(s ? s.split(';').map((p) => [p.split(':')[0]!, Number(p.split(':')[1])]) : []);
const barriersOf = (s: string) => (s ? s.split(';') : []) as Barrier[];

function toEntity(a: Appraisal): AppraisalEntity {
  return {
    personId: a.personId, period: a.period, sessionKey: a.sessionKey, date: a.date, appraiserId: a.appraiserId ?? '', ratings: ratingsText(a.ratings),
    barriers: a.barriers.join(';'), barrierNote: a.barrierNote, feedback: a.feedback, status: a.status, items: JSON.stringify(a.items),
    reviewedAt: a.reviewedAt ?? '', agreedAt: a.agreedAt ?? '',
  };
}

function toAppraisal(e: TableEntityResult<AppraisalEntity>): StoredAppraisal {
  return {
    tenantId: e.partitionKey!, personId: e.personId, period: e.period, sessionKey: e.sessionKey, date: e.date, appraiserId: e.appraiserId || null,
    ratings: ratingsOf(e.ratings), barriers: barriersOf(e.barriers), barrierNote: e.barrierNote, feedback: e.feedback,
    status: e.status as Appraisal['status'], items: e.items ? (JSON.parse(e.items) as Appraisal['items']) : [],
    reviewedAt: e.reviewedAt || null, agreedAt: e.agreedAt || null, etag: e.etag,
  };
}

export class TableAppraisalStore implements AppraisalStore {
  constructor(private readonly tables: Tables) {}

  private get client() {
    return this.tables.client(TABLES.appraisals);
  }

  async get(tenantId: string, personId: string, period: string) {
    const e = await getEntity<AppraisalEntity>(this.client, tenantId, rowKey(personId, period));
    return e && toAppraisal(e);
  }

  async save(a: Appraisal) {
    await this.client.upsertEntity({ partitionKey: a.tenantId, rowKey: rowKey(a.personId, a.period), ...toEntity(a) }, 'Replace');
  }

  async update(a: StoredAppraisal, patch: Partial<Appraisal>) {
    const next: Appraisal = { ...a, ...patch };
    try {
      const res = await this.client.updateEntity({ partitionKey: a.tenantId, rowKey: rowKey(a.personId, a.period), ...toEntity(next) }, 'Replace', { etag: a.etag });
      return { ...next, etag: res.etag ?? a.etag };
    } catch (err) {
      throw typedStorageError(err, 'This appraisal');
    }
  }

  async listFacts(tenantId: string) {
    const rows = await listAll<Pick<AppraisalEntity, 'personId' | 'period' | 'ratings' | 'barriers'>>(this.client, odata`PartitionKey eq ${tenantId}`, ['personId', 'period', 'ratings', 'barriers']);
    return rows.map((e): AppraisalFacts => ({ personId: e.personId, period: e.period, ratings: ratingsOf(e.ratings), barriers: barriersOf(e.barriers) }));
  }
}
