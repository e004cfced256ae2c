// Erasing leavers at the end of the council's retention period: every row that is about a person
// who left before a given date. The person's own row goes last, so an erasure cut short is finished
// by running it again. Every table says here whether it holds rows about a person, and how to find
// them; the type checker refuses a table added without saying.
import { odata } from '@azure/data-tables';
import type { Person } from '../core/people';
import type { PeopleStore } from '../store/people';
import { listAll, TABLES, type TableName, type Tables } from '../store/tables';
import { shardKey } from '../store/shards';

/** A query for the rows that may be about a person; `about` picks them out where a query cannot. */
interface RowsOf {
  (tenantId: string, personId: string): string;
  about?: (row: Record<string, unknown>, personId: string) => boolean;
}
const range: RowsOf = (t, p) => odata`PartitionKey eq ${t} and RowKey ge ${`${p}|`} and RowKey lt ${`${p}|~`}`;
const ownRow: RowsOf = (t, p) => odata`PartitionKey eq ${t} and RowKey eq ${p}`;
/** The person's row in a tenant partition kept in shards (store/shards.ts). */
const ownShardedRow: RowsOf = (t, p) => odata`PartitionKey eq ${shardKey(t, p)} and RowKey eq ${p}`;
/** Cards sent to them, and cards others hold that are about them (a manager's view of their plan). */
const cards: RowsOf = Object.assign((t: string) => odata`tenantId eq ${t}`, {
  about: (row: Record<string, unknown>, p: string) => row.recipientId === p || (typeof row.context === 'string' && row.context.includes(p)),
});

/** Where a person's rows are in each table, or why a table keeps none that need erasing. */
export const PERSONAL_ROWS: Record<TableName, RowsOf | { keeps: string }> = {
  people: ownRow,
  conversations: ownShardedRow,
  needs: range,
  schedules: range,
  sessions: (t, p) => odata`PartitionKey eq ${t} and personId eq ${p}`,
  cpd: range,
  appraisals: range,
  qualifications: range,
  aspirations: ownRow,
  exports: (t, p) => odata`tenantId eq ${t} and personId eq ${p}`,
  mentors: ownRow,
  mentorrequests: range,
  mentormatches: (t, p) => odata`PartitionKey eq ${t} and (mentorId eq ${p} or menteeId eq ${p})`,
  cards,
  deliveries: (t, p) => odata`tenantId eq ${t} and RowKey eq ${p}`,
  bookings: (t, p) => odata`tenantId eq ${t} and RowKey eq ${p}`,
  teams: { keeps: 'teams Weave is in; the id of whoever added it, no personal data' },
  jobruns: { keeps: 'timer occurrences' },
  imports: { keeps: 'counts of each roster import' },
  triggers: { keeps: "L&D's learning triggers; the id of whoever recorded one" },
  teamplans: { keeps: 'team totals, never a person' },
  digestlinks: { keeps: "a team's digest channel; the id of the manager who chose it" },
  offers: { keeps: "L&D's offers; the id of whoever created one" },
  ratelimits: { keeps: 'the shared send budget' },
  teamagreements: { keeps: "a team's agreed priorities; the id and name of the manager who agreed them" },
  commissions: { keeps: "L&D's commissioning lines; the ids of whoever created one and of staff named to deliver it" },
  budgets: { keeps: "the year's budget lines; the id of whoever set them" },
  installs: ownRow,
  // Each quarter's send to them, and the marker that they answered: one row a quarter, in the tenant's quarter partitions.
  pulsepeople: (t, p) => odata`PartitionKey ge ${`${t}|`} and PartitionKey lt ${`${t}|~`} and personId eq ${p}`,
  pulseresponses: { keeps: 'anonymous pulse answers (quarter, team, service, profession): nothing says whose, so none can be found to erase' },
};

export interface ErasureDeps {
  tables: Tables;
  people: PeopleStore;
}

export interface ErasureResult {
  people: number;
  rows: number;
}

/** Everyone who left before `leftBefore` (YYYY-MM-DD), with everything Weave holds about them. */
export async function eraseLeavers(deps: ErasureDeps, tenantId: string, leftBefore: string, opts: { dryRun?: boolean } = {}): Promise<ErasureResult> {
  const leavers = (await deps.people.list(tenantId)).filter((p) => p.status === 'left' && p.leftOn !== null && p.leftOn < leftBefore);
  let rows = 0;
  for (const person of leavers) rows += await erasePerson(deps.tables, person, opts.dryRun ?? false);
  return { people: leavers.length, rows };
}

async function erasePerson(tables: Tables, person: Person, dryRun: boolean): Promise<number> {
  let erased = 0;
  const personal = Object.entries(PERSONAL_ROWS).filter(([name]) => name !== TABLES.people) as [TableName, RowsOf | { keeps: string }][];
  for (const [name, where] of [...personal, [TABLES.people, PERSONAL_ROWS.people] as const]) {
    if (typeof where !== 'function') continue;
    const client = tables.client(name);
    const about = where.about;
    const found = await listAll<Record<string, unknown>>(client, where(person.tenantId, person.aadObjectId), about ? undefined : ['PartitionKey', 'RowKey']);
    const rows = about ? found.filter((row) => about(row, person.aadObjectId)) : found;
    erased += rows.length;
    if (!dryRun) for (const row of rows) await client.deleteEntity(row.partitionKey!, row.rowKey!);
  }
  return erased;
}
