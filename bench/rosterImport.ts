// Roster import at the reference organisation's size (865) and at 10,000 staff, against Azurite.
// The floor, measured in the same run: writing the same rows as bare 100-row transactions, with
// no parsing, validation or comparison. `npm run bench:roster`
import { TableClient, type TransactionAction } from '@azure/data-tables';
import { importRoster } from '../admin/importRoster';
import { silentLogger } from '../core/log';
import { startEmbeddedAzurite } from '../local/azurite';
import { syntheticOrg, toRosterCsv } from '../local/syntheticOrg';
import { loadConfig } from '../runtime/config';
import { createRuntime } from '../runtime/runtime';

const azurite = await startEmbeddedAzurite();
const ms = (start: number) => Math.round(performance.now() - start);
const rows: string[][] = [['staff', 'floor: bare batched writes', 'import (new org)', 'ratio', 're-import (no changes)', 're-import (2% changed)']];

for (const size of [865, 10_000]) {
  const org = syntheticOrg(size);
  const csv = toRosterCsv(org);

  const floorTable = TableClient.fromConnectionString(azurite.connectionString, `floor${size}`, { allowInsecureConnection: true });
  await floorTable.createTable();
  let start = performance.now();
  for (let i = 0; i < org.length; i += 100) {
    await floorTable.submitTransaction(org.slice(i, i + 100).map((r): TransactionAction => ['create', {
      partitionKey: 't', rowKey: r.aadObjectId, email: r.email, displayName: r.displayName, jobTitle: r.jobTitle, profession: r.profession,
      team: r.team, service: r.service, managerId: r.managerId ?? '', careerStage: r.careerStage, startDate: r.startDate ?? '',
      registrationBody: r.registrationBody, registrationNumber: r.registrationNumber, roles: r.roles.join(';'), status: 'active', source: 'roster', leftOn: '',
    }]));
  }
  const floor = ms(start);

  const config = loadConfig({ WEAVE_MODE: 'local', AzureWebJobsStorage: azurite.connectionString, WEAVE_STORAGE_PREFIX: `b${size}` });
  const rt = await createRuntime(config, { log: silentLogger });
  const deps = { ...rt, tenantId: config.tenantId, timeZone: config.timeZone };
  start = performance.now();
  const first = await importRoster(deps, csv, { source: 'bench' });
  const fresh = ms(start);
  if (first.outcome !== 'imported') throw new Error(JSON.stringify(first));

  start = performance.now();
  await importRoster(deps, csv, { source: 'bench' });
  const same = ms(start);

  const changed = org.map((r, i) => (i % 50 === 7 ? { ...r, jobTitle: `${r.jobTitle} (acting)` } : r));
  start = performance.now();
  await importRoster(deps, toRosterCsv(changed), { source: 'bench' });
  const some = ms(start);

  rows.push([String(size), `${floor} ms`, `${fresh} ms`, `${(fresh / floor).toFixed(2)}×`, `${same} ms`, `${some} ms`]);
}

await azurite.stop();
const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
for (const r of rows) console.log(r.map((cell, c) => cell.padEnd(widths[c]!)).join('  '));
console.log(`\nnode ${process.version}, ${(await import('node:os')).cpus().length} cores, Azurite in memory in this process`);
process.exit(0);
