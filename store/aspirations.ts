// Where people would like to go in their career. PartitionKey = tenant id, RowKey = person id: one
// row each, the organisation's (L&D's totals) one partition.
import { odata, type TableEntityResult } from '@azure/data-tables';
import type { Aspiration, AspirationChoice } from '../core/pathways';
import { getEntity, listAll, TABLES, type Tables } from './tables';

interface AspirationEntity {
  choice: string;
  shareWithManager: boolean;
  fromRole: string;
  stepAdded: boolean;
  setOn: string;
}

export interface AspirationStore {
  get(tenantId: string, personId: string): Promise<Aspiration | undefined>;
  list(tenantId: string): Promise<Aspiration[]>;
  save(a: Aspiration): Promise<void>;
}

function toAspiration(e: TableEntityResult<AspirationEntity>): Aspiration {
  const choice: AspirationChoice = e.choice === 'not_now' ? { kind: 'not_now' } : { kind: 'role', roleId: e.choice };
  return { tenantId: e.partitionKey!, personId: e.rowKey!, choice, shareWithManager: !!e.shareWithManager, fromRole: e.fromRole || null, stepAdded: !!e.stepAdded, setOn: e.setOn };
}

export class TableAspirationStore implements AspirationStore {
  constructor(private readonly tables: Tables) {}

  private get client() {
    return this.tables.client(TABLES.aspirations);
  }

  async get(tenantId: string, personId: string) {
    const e = await getEntity<AspirationEntity>(this.client, tenantId, personId);
    return e && toAspiration(e);
  }

  async list(tenantId: string) {
    return (await listAll<AspirationEntity>(this.client, odata`PartitionKey eq ${tenantId}`)).map(toAspiration);
  }

  async save(a: Aspiration) {
    await this.client.upsertEntity<AspirationEntity>({
      partitionKey: a.tenantId, rowKey: a.personId, choice: a.choice.kind === 'role' ? a.choice.roleId : 'not_now',
      shareWithManager: a.shareWithManager, fromRole: a.fromRole ?? '', stepAdded: a.stepAdded, setOn: a.setOn,
    }, 'Replace');
  }
}
