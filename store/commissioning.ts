// The organisation's L&D plan for a year. PartitionKey = tenant id throughout:
// - `commissions`: RowKey = year|line id. Each commissioning line; changed only over the version read (ETag).
// - `budgets`: RowKey = year. The year's budget lines.
import { odata } from '@azure/data-tables';
import type { Budget, CommissionLine } from '../core/commissioning';
import { getEntity, listAll, stored, TABLES, type Tables } from './tables';

export type StoredLine = CommissionLine & { etag: string };
export type StoredBudget = Budget & { etag: string };

interface LineEntity {
  year: string; lineId: string; code: string; title: string; format: string; professions: string; services: string; teams: string; registration: string;
  provider: string; places: number; estimatedPence: number; actualPence: number; budgetLine: string; status: string; offerIds: string;
  createdBy: string; createdAt: string; updatedAt: string;
}

export interface CommissioningStore {
  getLine(tenantId: string, year: string, lineId: string): Promise<StoredLine | undefined>;
  listLines(tenantId: string, year: string): Promise<StoredLine[]>;
  /** Creates a line (seen: null) or replaces the version read; ConcurrencyError if it changed meanwhile. */
  saveLine(line: CommissionLine, seen: StoredLine | null): Promise<StoredLine>;
  getBudget(tenantId: string, year: string): Promise<StoredBudget | undefined>;
  saveBudget(budget: Budget, seen: StoredBudget | null): Promise<StoredBudget>;
}

const lineKey = (year: string, lineId: string) => `${year}|${lineId}`;

function toLine(tenantId: string, e: LineEntity & { etag: string }): StoredLine {
  return {
    tenantId, year: e.year, lineId: e.lineId, code: e.code, title: e.title, format: e.format as CommissionLine['format'],
    professions: JSON.parse(e.professions) as CommissionLine['professions'], services: JSON.parse(e.services) as string[], teams: JSON.parse(e.teams) as string[],
    registration: e.registration as CommissionLine['registration'], provider: JSON.parse(e.provider) as CommissionLine['provider'], places: e.places,
    estimatedPence: e.estimatedPence, actualPence: e.actualPence < 0 ? null : e.actualPence, budgetLine: e.budgetLine, status: e.status as CommissionLine['status'],
    offerIds: JSON.parse(e.offerIds) as string[], createdBy: e.createdBy, createdAt: e.createdAt, updatedAt: e.updatedAt, etag: e.etag,
  };
}

export class TableCommissioningStore implements CommissioningStore {
  constructor(private readonly tables: Tables) {}

  private get lines() {
    return this.tables.client(TABLES.commissions);
  }

  private get budgets() {
    return this.tables.client(TABLES.budgets);
  }

  async getLine(tenantId: string, year: string, lineId: string) {
    const e = await getEntity<LineEntity>(this.lines, tenantId, lineKey(year, lineId));
    return e && toLine(tenantId, e);
  }

  async listLines(tenantId: string, year: string) {
    const rows = await listAll<LineEntity>(this.lines, odata`PartitionKey eq ${tenantId} and RowKey ge ${`${year}|`} and RowKey lt ${`${year}|~`}`);
    return rows.map((e) => toLine(tenantId, e)).sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  }

  async saveLine(l: CommissionLine, seen: StoredLine | null) {
    const entity = {
      partitionKey: l.tenantId, rowKey: lineKey(l.year, l.lineId), year: l.year, lineId: l.lineId, code: l.code, title: l.title, format: l.format,
      professions: JSON.stringify(l.professions), services: JSON.stringify(l.services), teams: JSON.stringify(l.teams), registration: l.registration,
      provider: JSON.stringify(l.provider), places: l.places, estimatedPence: l.estimatedPence, actualPence: l.actualPence ?? -1, budgetLine: l.budgetLine,
      status: l.status, offerIds: JSON.stringify(l.offerIds), createdBy: l.createdBy, createdAt: l.createdAt, updatedAt: l.updatedAt,
    };
    const res = await stored('This commissioning line', () => (seen ? this.lines.updateEntity(entity, 'Replace', { etag: seen.etag }) : this.lines.createEntity(entity)));
    return { ...l, etag: res.etag ?? '' };
  }

  async getBudget(tenantId: string, year: string) {
    const e = await getEntity<{ lines: string; updatedBy: string; updatedAt: string }>(this.budgets, tenantId, year);
    return e && { tenantId, year, lines: JSON.parse(e.lines) as Budget['lines'], updatedBy: e.updatedBy, updatedAt: e.updatedAt, etag: e.etag };
  }

  async saveBudget(b: Budget, seen: StoredBudget | null) {
    const entity = { partitionKey: b.tenantId, rowKey: b.year, lines: JSON.stringify(b.lines), updatedBy: b.updatedBy, updatedAt: b.updatedAt };
    const res = await stored("This year's budget", () => (seen ? this.budgets.updateEntity(entity, 'Replace', { etag: seen.etag }) : this.budgets.createEntity(entity)));
    return { ...b, etag: res.etag ?? '' };
  }
}
