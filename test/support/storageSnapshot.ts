// Every row a test stack holds, as one comparable value: "nothing changed" is two equal snapshots.
// Table Storage's own bookkeeping (timestamp, ETag) is left out; a rewrite of the same content is no change.
import { TABLES, type Tables } from '../../store/tables';

export async function storageSnapshot(tables: Tables): Promise<Record<string, string[]>> {
  const snapshot: Record<string, string[]> = {};
  for (const name of Object.values(TABLES)) {
    const rows: string[] = [];
    for await (const row of tables.client(name).listEntities()) {
      const { timestamp: _t, etag: _e, ...content } = row as Record<string, unknown>;
      rows.push(JSON.stringify(content, Object.keys(content).sort()));
    }
    snapshot[name] = rows.sort();
  }
  return snapshot;
}
