// Download links for a person's CPD export. PartitionKey = the link's token (random, unguessable),
// RowKey = 'export'. A link shows only its owner's record, and stops working when it expires.
import { getEntity, TABLES, type Tables } from './tables';

export interface ExportLink {
  token: string;
  tenantId: string;
  personId: string;
  createdAt: string;
  expiresAt: string;
}

export interface ExportLinkStore {
  create(link: ExportLink): Promise<void>;
  get(token: string): Promise<ExportLink | undefined>;
}

export class TableExportLinkStore implements ExportLinkStore {
  constructor(private readonly tables: Tables) {}

  private get client() {
    return this.tables.client(TABLES.exports);
  }

  async create(link: ExportLink) {
    await this.client.createEntity({ partitionKey: link.token, rowKey: 'export', ...link });
  }

  async get(token: string) {
    const e = await getEntity<ExportLink>(this.client, token, 'export');
    return e && { token, tenantId: e.tenantId, personId: e.personId, createdAt: e.createdAt, expiresAt: e.expiresAt };
  }
}
