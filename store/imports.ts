// A record of every roster import: when, by which route, and what it changed (counts only).
// PartitionKey = tenant id, RowKey = reverse timestamp so the newest lists first.
import { TABLES, type Tables } from './tables';

/** What an import changed, in counts. */
export interface ImportCounts {
  joiners: number;
  updated: number;
  rejoiners: number;
  adopted: number;
  leavers: number;
  unchanged: number;
}

export interface ImportRecord extends ImportCounts {
  tenantId: string;
  at: string;
  source: string;
}

export interface ImportLog {
  record(entry: ImportRecord): Promise<void>;
}

export class TableImportLog implements ImportLog {
  constructor(private readonly tables: Tables) {}

  async record(entry: ImportRecord) {
    const reverse = String(8_640_000_000_000_000 - Date.parse(entry.at)).padStart(16, '0');
    await this.tables.client(TABLES.imports).upsertEntity({ partitionKey: entry.tenantId, rowKey: reverse, ...entry }, 'Replace');
  }
}
