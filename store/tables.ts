// Every table Weave uses, and the one way this code reaches Azure Table Storage (or Azurite).
import { TableClient, type TableEntity, type TableEntityResult, type TransactionAction } from '@azure/data-tables';
import { AlreadyExistsError, NotFoundError, stored, unlessGone, unlessRaced } from './errors';
import { credentialFor, type StorageSettings } from './settings';

/** Logical table names. The deployed name is the storage prefix followed by this. */
export const TABLES = {
  people: 'people',
  conversations: 'conversations',
  teams: 'teams',
  cards: 'cards',
  deliveries: 'deliveries',
  jobRuns: 'jobruns',
  imports: 'imports',
  needs: 'needs',
  schedules: 'schedules',
  sessions: 'sessions',
  cpd: 'cpd',
  exports: 'exports',
  mentors: 'mentors',
  mentorRequests: 'mentorrequests',
  mentorMatches: 'mentormatches',
  triggers: 'triggers',
  teamPlans: 'teamplans',
  digestLinks: 'digestlinks',
  offers: 'offers',
  bookings: 'bookings',
  rateLimits: 'ratelimits',
  teamAgreements: 'teamagreements',
  commissions: 'commissions',
  budgets: 'budgets',
  installs: 'installs',
  appraisals: 'appraisals',
  pulseResponses: 'pulseresponses',
  pulsePeople: 'pulsepeople',
  qualifications: 'qualifications',
  aspirations: 'aspirations',
} as const;
export type TableName = (typeof TABLES)[keyof typeof TABLES];

export function tableName(settings: Pick<StorageSettings, 'prefix'>, name: TableName): string {
  return `${settings.prefix}${name}`;
}

export class Tables {
  readonly #clients = new Map<TableName, TableClient>();
  constructor(private readonly settings: StorageSettings) {}

  client(name: TableName): TableClient {
    let client = this.#clients.get(name);
    if (!client) {
      const access = this.settings.access;
      client = access.kind === 'connectionString'
        ? TableClient.fromConnectionString(access.connectionString, tableName(this.settings, name), { allowInsecureConnection: access.allowInsecureConnection })
        : new TableClient(access.tableServiceUri, tableName(this.settings, name), credentialFor(access.clientId));
      this.#clients.set(name, client);
    }
    return client;
  }

  /** Creates any missing table; safe to run on every start. */
  async ensureAll(): Promise<void> {
    await Promise.all(Object.values(TABLES).map((name) => this.client(name).createTable()));
  }
}

export { AlreadyExistsError, ConcurrencyError, NotFoundError, stored, typedStorageError, unlessGone, unlessRaced } from './errors';

export async function getEntity<T extends object>(client: TableClient, partitionKey: string, rowKey: string): Promise<TableEntityResult<T> | undefined> {
  return unlessGone(`${client.tableName} row`, () => client.getEntity<T>(partitionKey, rowKey));
}

/** Inserts; answers false instead of throwing when the row already exists. */
export async function createIfAbsent<T extends object>(client: TableClient, entity: TableEntity<T>): Promise<boolean> {
  return unlessRaced(`${client.tableName} row`, () => client.createEntity(entity));
}

export async function listAll<T extends object>(client: TableClient, filter: string, select?: string[]): Promise<TableEntityResult<T>[]> {
  const rows: TableEntityResult<T>[] = [];
  for await (const page of client.listEntities<T>({ queryOptions: { filter, ...(select ? { select } : {}) } }).byPage({ maxPageSize: 1000 })) {
    rows.push(...page);
  }
  return rows;
}

/**
 * Writes in entity group transactions (at most 100 operations, one partition each). Callers use
 * `create` for rows they believe new and `update` for rows they believe exist: in Azurite those stay
 * fast as a partition grows, where upserts slow down with its size. If a row appeared or vanished
 * since the caller read it, that batch fails as a whole (409/404) and its operations are done one
 * by one: a create whose row now exists merges into it; an update whose row has gone is dropped,
 * never recreated as a stub.
 */
export async function submitInBatches(client: TableClient, actions: TransactionAction[]): Promise<void> {
  const byPartition = new Map<string, TransactionAction[]>();
  for (const action of actions) {
    const pk = action[1].partitionKey;
    const group = byPartition.get(pk);
    if (group) group.push(action);
    else byPartition.set(pk, [action]);
  }
  for (const group of byPartition.values()) {
    for (let i = 0; i < group.length; i += 100) {
      const batch = group.slice(i, i + 100);
      try {
        await stored(`${client.tableName} batch`, () => client.submitTransaction(batch));
      } catch (err) {
        if (!(err instanceof AlreadyExistsError) && !(err instanceof NotFoundError)) throw err;
        for (const action of batch) await submitOne(client, action);
      }
    }
  }
}

async function submitOne(client: TableClient, action: TransactionAction): Promise<void> {
  try {
    await stored(`${client.tableName} row`, () => client.submitTransaction([action]));
  } catch (err) {
    if (action[0] === 'create' && err instanceof AlreadyExistsError) await client.upsertEntity(action[1], 'Merge');
    else if (!((action[0] === 'update' || action[0] === 'delete') && err instanceof NotFoundError)) throw err;
  }
}

/** Row and partition keys may not hold / \ # ? or control characters; Teams ids can, so keys are escaped. */
const KEY_UNSAFE = new RegExp(`[/\\\\#?%${String.fromCharCode(0)}-${String.fromCharCode(31)}${String.fromCharCode(127)}]`, 'g');
export function safeKey(value: string): string {
  return value.replace(KEY_UNSAFE, (c) => `%${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
}
