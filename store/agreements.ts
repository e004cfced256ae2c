// Teams' agreed priorities. `teamagreements`: PartitionKey = tenant id, RowKey = year|team (escaped),
// one row a team and year holding the current version and every earlier one. A new version is
// written only over the one its author saw (the row's ETag), so two managers cannot overwrite each other.
import { odata } from '@azure/data-tables';
import type { TeamAgreement } from '../core/teamAgreement';
import { getEntity, listAll, safeKey, stored, TABLES, type Tables } from './tables';

export type StoredAgreement = TeamAgreement & { etag: string };

interface AgreementEntity {
  team: string;
  year: string;
  version: number;
  priorities: string;
  agreedBy: string;
  agreedByName: string;
  agreedAt: string;
  history: string;
}

export interface AgreementStore {
  get(tenantId: string, year: string, team: string): Promise<StoredAgreement | undefined>;
  listForYear(tenantId: string, year: string): Promise<StoredAgreement[]>;
  /** Writes a new version: only over `seen` (or only if there is none, when null). ConcurrencyError otherwise. */
  save(agreement: TeamAgreement, seen: StoredAgreement | null): Promise<StoredAgreement>;
}

const rowKey = (year: string, team: string) => `${year}|${safeKey(team)}`;

function toAgreement(tenantId: string, e: AgreementEntity & { etag: string }): StoredAgreement {
  return {
    tenantId, team: e.team, year: e.year, version: e.version, priorities: JSON.parse(e.priorities) as TeamAgreement['priorities'],
    agreedBy: e.agreedBy, agreedByName: e.agreedByName, agreedAt: e.agreedAt, history: JSON.parse(e.history) as TeamAgreement['history'], etag: e.etag,
  };
}

export class TableAgreementStore implements AgreementStore {
  constructor(private readonly tables: Tables) {}

  private get client() {
    return this.tables.client(TABLES.teamAgreements);
  }

  async get(tenantId: string, year: string, team: string) {
    const e = await getEntity<AgreementEntity>(this.client, tenantId, rowKey(year, team));
    return e && toAgreement(tenantId, e);
  }

  async listForYear(tenantId: string, year: string) {
    const rows = await listAll<AgreementEntity>(this.client, odata`PartitionKey eq ${tenantId} and RowKey ge ${`${year}|`} and RowKey lt ${`${year}|~`}`);
    return rows.map((e) => toAgreement(tenantId, e));
  }

  async save(a: TeamAgreement, seen: StoredAgreement | null) {
    const entity = {
      partitionKey: a.tenantId, rowKey: rowKey(a.year, a.team), team: a.team, year: a.year, version: a.version, priorities: JSON.stringify(a.priorities),
      agreedBy: a.agreedBy, agreedByName: a.agreedByName, agreedAt: a.agreedAt, history: JSON.stringify(a.history),
    };
    const res = await stored(`${a.team}'s agreed priorities`, () => (seen ? this.client.updateEntity(entity, 'Replace', { etag: seen.etag }) : this.client.createEntity(entity)));
    return { ...a, etag: res.etag ?? '' };
  }
}
