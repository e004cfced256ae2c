// The organisation's learning and development plan for 10,000 staff with 50,000 learning needs,
// read from Azurite and rolled up, against the floor of a plain full read of the same rows (every
// column, no roll-up) in the same run. `npm run bench:plans`
import { type TransactionAction } from '@azure/data-tables';
import { cpus } from 'node:os';
import { loadRollup, orgPlanOf, teamPlanOf } from '../app/plans/rollup';
import { ACTIVITY_TYPE_CODES } from '../core/activities';
import { CODES } from '../core/commonCore';
import { silentLogger } from '../core/log';
import { NEED_STATUSES } from '../core/needs';
import { planRosterImport } from '../core/rosterPlan';
import { startEmbeddedAzurite } from '../local/azurite';
import { syntheticOrg } from '../local/syntheticOrg';
import { loadConfig } from '../runtime/config';
import { createRuntime } from '../runtime/runtime';
import { listAll, submitInBatches, TABLES } from '../store/tables';
import { odata } from '@azure/data-tables';

const STAFF = 10_000;
const NEEDS = 50_000;
const CPD = 20_000;

const azurite = await startEmbeddedAzurite();
const config = loadConfig({ WEAVE_MODE: 'local', AzureWebJobsStorage: azurite.connectionString, WEAVE_STORAGE_PREFIX: 'bplans' });
const rt = await createRuntime(config, { log: silentLogger });
const tenantId = config.tenantId;
let seed = 11;
const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;

const org = syntheticOrg(STAFF, 3);
await rt.people.applyRoster(tenantId, planRosterImport([], org), '2026-11-01');
const needRows: TransactionAction[] = Array.from({ length: NEEDS }, (_, i) => {
  const person = org[i % STAFF]!;
  return ['create', {
    partitionKey: tenantId, rowKey: `${person.aadObjectId}|n${i}`, personId: person.aadObjectId, needId: `n${i}`, codes: [pick(CODES), ...(rand() < 0.3 ? [pick(CODES)] : [])].join(';'),
    frameworkTag: '', description: 'A learning need described in a sentence or two, as people write them.', activityTypes: pick(ACTIVITY_TYPE_CODES), priority: 'medium',
    status: pick(NEED_STATUSES), source: 'self', sourceRef: '', targetDate: '', period: '2026-04-15', plan: '', dropReason: '', comments: '[]', history: '[]', createdAt: '', updatedAt: '',
  }];
});
await submitInBatches(rt.tables.client(TABLES.needs), needRows);
const cpdRows: TransactionAction[] = Array.from({ length: CPD }, (_, i) => {
  const person = org[Math.floor(rand() * STAFF)]!;
  return ['create', {
    partitionKey: tenantId, rowKey: `${person.aadObjectId}|2026-0${1 + (i % 9)}-15|c${i}`, personId: person.aadObjectId, recordId: `c${i}`, activityType: pick(ACTIVITY_TYPE_CODES),
    title: 'A piece of learning', date: `2026-0${1 + (i % 9)}-15`, hours: 2, participatoryHours: 1, codes: pick(CODES), needIds: '', reflectionModel: 'what',
    reflection: JSON.stringify({ what: 'A reflection of a paragraph or so, as people write them about what they learned and what they will do differently.' }),
    impactPractice: 'Some impact.', impactPeople: 'Some impact.', peer: '', peerReflection: '', includesFeedback: false, reflectiveDiscussion: false, reflected: true, peerReflected: false, createdAt: '',
  }];
});
await submitInBatches(rt.tables.client(TABLES.cpd), cpdRows);

const ms = (start: number) => Math.round(performance.now() - start);
const median = async (f: () => Promise<unknown>) => {
  const times: number[] = [];
  for (let i = 0; i < 3; i++) {
    const start = performance.now();
    await f();
    times.push(ms(start));
  }
  return times.sort((a, b) => a - b)[1]!;
};

const floor = await median(async () => {
  await Promise.all([TABLES.people, TABLES.needs, TABLES.cpd, TABLES.mentors, TABLES.mentorMatches, TABLES.schedules, TABLES.triggers]
    .map((t) => listAll(rt.tables.client(t), odata`PartitionKey eq ${tenantId}`)));
});
const today = '2026-11-23';
let priorities = 0;
const orgPlan = await median(async () => {
  const data = await loadRollup(rt, today);
  priorities = (await orgPlanOf(rt, data, today)).priorities.length;
});
const teams = [...new Set(org.map((p) => p.team))];
const teamPlans = await median(async () => {
  const data = await loadRollup(rt, today);
  for (const team of teams) teamPlanOf(rt, data, team, today);
});

console.log(`staff ${STAFF}, needs ${NEEDS}, CPD records ${CPD}, teams ${teams.length}`);
console.log(`floor: plain full read of the same tables   ${floor} ms`);
console.log(`organisation plan (read + roll-up)          ${orgPlan} ms  (${(orgPlan / floor).toFixed(2)}× the floor; ${priorities} priority areas)`);
console.log(`every team's plan (read + roll-up)          ${teamPlans} ms`);
console.log(`\nnode ${process.version}, ${cpus().length} cores, Azurite in memory in this process; medians of 3`);
await azurite.stop();
process.exit(0);
