// Careers, qualifications, mandatory learning and turnover for 10,000 staff: L&D's compliance (by
// team and profession), aspirations (by four groupings) and turnover (by five), and the reminder job's
// read of everyone's standing — each read from Azurite and worked out, against the floor of a plain
// full read of the same partitions in the same run. `npm run bench:careers`
import { type TransactionAction } from '@azure/data-tables';
import { odata } from '@azure/data-tables';
import { cpus } from 'node:os';
import { everyonesStandings, orgCompliance } from '../app/mandatory/standing';
import { orgAspirations } from '../app/people/pathway';
import { loadRollup } from '../app/plans/rollup';
import { orgTurnover } from '../app/plans/turnover';
import { orgPlanContent } from '../app/plans/orgPlanContent';
import { silentLogger } from '../core/log';
import { planRosterImport } from '../core/rosterPlan';
import { startEmbeddedAzurite } from '../local/azurite';
import { syntheticOrg } from '../local/syntheticOrg';
import { loadConfig } from '../runtime/config';
import { createRuntime } from '../runtime/runtime';
import { listAll, submitInBatches, TABLES } from '../store/tables';
import { median } from './timing';

const STAFF = 10_000;
const CPD = 20_000;
const LEAVERS = 800;
const ASPIRATIONS = 3_000;
const QUALIFICATIONS = 6_000;

const azurite = await startEmbeddedAzurite();
const config = loadConfig({ WEAVE_MODE: 'local', AzureWebJobsStorage: azurite.connectionString, WEAVE_STORAGE_PREFIX: 'bcareers' });
const rt = await createRuntime(config, { log: silentLogger });
const tenantId = config.tenantId;
const today = '2026-11-23';

// A year ago's roster had everyone; today's has lost some (leavers) — as two imports leave it.
const org = syntheticOrg(STAFF, 5);
await rt.people.applyRoster(tenantId, planRosterImport([], org), '2025-11-01');
const before = await rt.people.list(tenantId);
await rt.people.applyRoster(tenantId, planRosterImport(before, org.slice(LEAVERS)), '2026-06-30');

const titles = ['Multi-agency safeguarding refresher', 'KCSIE annual update', 'A piece of learning', 'Designated safeguarding lead training'];
const cpdRows: TransactionAction[] = Array.from({ length: CPD }, (_, i) => {
  const person = org[(i * 7919) % STAFF]!;
  const date = `${2023 + (i % 4)}-0${1 + (i % 9)}-15`;
  return ['create', {
    partitionKey: tenantId, rowKey: `${person.aadObjectId}|${date}|c${i}`, personId: person.aadObjectId, recordId: `c${i}`, activityType: 'bite_size_workshop',
    title: titles[i % titles.length]!, date, hours: 2, participatoryHours: 1, codes: i % 3 === 0 ? 'CC5' : 'CC3;CC5', needIds: '', reflectionModel: 'what',
    reflection: JSON.stringify({ what: 'A reflection of a paragraph or so, as people write them about what they learned and what they will do differently.' }),
    impactPractice: '', impactPeople: '', peer: '', peerReflection: '', includesFeedback: false, reflectiveDiscussion: false, reflected: true, peerReflected: false, createdAt: '',
  }];
});
await submitInBatches(rt.tables.client(TABLES.cpd), cpdRows);
await submitInBatches(rt.tables.client(TABLES.aspirations), Array.from({ length: ASPIRATIONS }, (_, i): TransactionAction => ['create', {
  partitionKey: tenantId, rowKey: org[(i * 13) % STAFF]!.aadObjectId, choice: i % 3 === 0 ? 'not_now' : 'senior-practitioner', shareWithManager: i % 2 === 0, fromRole: 'social-worker', stepAdded: false, setOn: '2026-05-01',
}]));
await rt.qualifications.applyRoster(tenantId, new Map(org.slice(0, QUALIFICATIONS).map((p, i) => [p.aadObjectId, { level: (3 + (i % 5)) as 3, title: 'A qualification', awardedOn: '2015-07-01', professional: i % 2 === 0 }])), '2026-06-30T00:00:00Z');


const floor = await median(async () => {
  await Promise.all([TABLES.people, TABLES.cpd, TABLES.aspirations, TABLES.qualifications].map((t) => listAll(rt.tables.client(t), odata`PartitionKey eq ${tenantId}`)));
});
let tables = 0;
const compliance = await median(async () => {
  tables = (await orgCompliance(rt, today)).mandatoryAll.length;
});
let standings = 0;
const reminderRead = await median(async () => {
  standings = (await everyonesStandings(rt, today)).reduce((n, e) => n + e.standings.length, 0);
});
let aimRows = 0;
const aspirations = await median(async () => {
  aimRows = (await orgAspirations(rt, today)).reduce((n, t) => n + t.rows.length, 0);
});
const data = await loadRollup(rt, today);
let turnoverRows = 0;
const turnover = await median(async () => {
  turnoverRows = (await orgTurnover(rt, today, data)).reduce((n, t) => n + t.rows.length, 0);
});

// The whole org plan as chat and tab read it, these sections included (the rest have little data here).
const content = await median(async () => {
  await orgPlanContent(rt, today);
});

console.log(`staff ${STAFF} (${LEAVERS} left this year), CPD records ${CPD}, aspirations ${ASPIRATIONS}, qualifications ${QUALIFICATIONS}`);
console.log(`floor: plain full read of people, cpd, aspirations, qualifications   ${floor} ms`);
console.log(`mandatory compliance, by team and profession (read + worked out)     ${compliance} ms  (${(compliance / floor).toFixed(2)}× the floor; ${tables} tables)`);
console.log(`the reminder job's read of everyone's standing                        ${reminderRead} ms  (${standings} standings)`);
console.log(`aspirations, four groupings                                           ${aspirations} ms  (${aimRows} rows)`);
console.log(`turnover, five groupings (with CPD and places a head)                 ${turnover} ms  (${turnoverRows} rows)`);
console.log(`the org plan's content, these sections included (one roll-up's reads shared) ${content} ms`);
console.log(`\nnode ${process.version}, ${cpus().length} cores, Azurite in memory in this process; medians of 3`);
await azurite.stop();
process.exit(0);
