// The integration pulse for 10,000 staff over 8 quarters: 80,000 anonymous answers read from Azurite
// and aggregated into every quarter's shown groups (organisation, services, professions, teams, each
// suppressed), against the floor of a plain read of the same rows (every column, nothing worked out)
// in the same run; and the aggregation alone, in memory. `npm run bench:pulse`
import { cpus } from 'node:os';
import { type TransactionAction } from '@azure/data-tables';
import { loadPulse } from '../app/pulse/results';
import { silentLogger } from '../core/log';
import { pulseResults, quartersUpTo, type PulseResponse } from '../core/pulse';
import { startEmbeddedAzurite } from '../local/azurite';
import { syntheticOrg } from '../local/syntheticOrg';
import { loadConfig } from '../runtime/config';
import { createRuntime } from '../runtime/runtime';
import { listAll, submitInBatches, TABLES } from '../store/tables';
import { odata } from '@azure/data-tables';
import { randomUUID } from 'node:crypto';
import { median } from './timing';

const STAFF = 10_000;
const QUARTERS = quartersUpTo('2026-Q4', 8);

const azurite = await startEmbeddedAzurite();
const config = loadConfig({ WEAVE_MODE: 'local', AzureWebJobsStorage: azurite.connectionString, WEAVE_STORAGE_PREFIX: 'bpulse' });
const rt = await createRuntime(config, { log: silentLogger });
const tenantId = config.tenantId;
let seed = 7;
const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
const agree = () => (1 + Math.floor(rand() * 5)) as 1;

// Everyone answers every quarter: the most there could be.
const org = syntheticOrg(STAFF, 3);
const rows: TransactionAction[] = QUARTERS.flatMap((quarter) => org.map((p): TransactionAction => ['create', {
  partitionKey: `${tenantId}|${quarter}`, rowKey: randomUUID(),
  team: p.team, service: p.service, profession: p.profession, understand: agree(), contact: agree(), valued: agree(), learned: rand() < 0.5,
}]));
await submitInBatches(rt.tables.client(TABLES.pulseResponses), rows);


const client = rt.tables.client(TABLES.pulseResponses);
const floor = await median(() => Promise.all(QUARTERS.map((q) => listAll(client, odata`PartitionKey eq ${`${tenantId}|${q}`}`))));
let shownTeams = 0;
const total = await median(async () => {
  const { results } = await loadPulse(rt, '2026-11-23');
  shownTeams = [...results.at(-1)!.team.values()].filter(Boolean).length;
});
const responses: PulseResponse[] = await rt.pulse.responses(tenantId, QUARTERS);
const aggregate = await median(() => Promise.resolve(pulseResults(QUARTERS, responses, 5)));
const teams = new Set(org.map((p) => p.team)).size;

console.log(`staff ${STAFF}, quarters ${QUARTERS.length}, answers ${responses.length}, teams ${teams}`);
console.log(`floor: plain read of the answers        ${floor} ms`);
console.log(`read + aggregate every quarter          ${total} ms  (${(total / floor).toFixed(2)}× the floor; ${shownTeams} of ${teams} teams shown in the latest quarter)`);
console.log(`aggregate alone (in memory)             ${aggregate} ms`);
console.log(`\nnode ${process.version}, ${cpus().length} cores, Azurite in memory in this process; medians of 3`);
await azurite.stop();
process.exit(0);
