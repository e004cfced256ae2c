// The organisation's learning and development plan for 10,000 staff with 50,000 learning needs, and
// this year's plan beside it (10,000 appraisals' self-ratings over two years for the benchmark, 200
// commissioning lines, 50 offers made from them with their bookings, who the places reached, and the
// workbook of it all), read from Azurite and worked out, against the floor of a plain full read of
// the same rows (every column, nothing worked out) in the same run. `npm run bench:plans`
import { type TransactionAction } from '@azure/data-tables';
import { FIRST_COME } from '../core/offers';
import { cpus } from 'node:os';
import { benchmarksOf, loadRatings } from '../app/plans/benchmark';
import { loadRollup, orgPlanOf, teamPlanOf } from '../app/plans/rollup';
import { planWorkbook } from '../app/plans/workbook';
import { yearPlanOf } from '../app/plans/yearPlan';
import { newSession } from '../app/sessions/planning';
import { AREA_CODES } from '../core/commonCore';
import type { CommissionLine } from '../core/commissioning';
import type { Offer } from '../core/offers';
import { orgYearOf } from '../core/orgYear';
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
import { median } from './timing';

const STAFF = 10_000;
const NEEDS = 50_000;
const CPD = 20_000;
const APPRAISALS = 10_000;
const LINES = 200;
const OFFERS = 50;
const BOOKINGS_EACH = 20;

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

/** Runs `f` over `items`, `width` at a time: seeding through the stores, as the product writes. */
async function inPool<T>(items: readonly T[], width: number, f: (item: T) => Promise<unknown>) {
  let next = 0;
  await Promise.all(Array.from({ length: width }, async () => { while (next < items.length) await f(items[next++]!); }));
}
const today = '2026-11-23';
const year = orgYearOf(today, rt.planPolicy.orgYear.startsOn);
const people = await rt.people.list(tenantId);
// Half the appraisals this year, half the year before: everyone's self-ratings, some areas left unrated.
await inPool(Array.from({ length: APPRAISALS }, (_, i) => i), 64, (i) => {
  const person = people[i % people.length]!;
  const date = i % 2 === 0 ? `2026-0${5 + (i % 5)}-1${i % 10}` : `2025-0${5 + (i % 5)}-1${i % 10}`;
  const answers = Object.fromEntries(AREA_CODES.filter(() => rand() < 0.8).map((c) => [`sa_${c}`, String(1 + Math.floor(rand() * 4))]));
  return rt.sessions.ensure(newSession(person, { kind: 'appraisal', date, time: null, source: 'cadence' }, { status: 'held', answeredAt: `${date}T12:00:00.000Z`, answers }));
});
const lines: CommissionLine[] = Array.from({ length: LINES }, (_, i) => ({
  tenantId, year: year.start, lineId: `line${i}`, code: pick(CODES), title: `Line ${i}`, format: 'bite_size_workshop', professions: [], services: [], teams: [], registration: 'any',
  provider: { kind: 'external', name: 'A provider' }, places: 20, estimatedPence: 100_000, actualPence: i < OFFERS / 2 ? 90_000 : null, budgetLine: `Budget ${i % 4}`,
  status: i < OFFERS / 2 ? 'delivered' : i < OFFERS ? 'offered' : pick(['proposed', 'agreed'] as const), offerIds: i < OFFERS ? [`offer${i}`] : [], createdBy: 'x', createdAt: '', updatedAt: '',
}));
await inPool(lines, 16, (l) => rt.commissioning.saveLine(l, null));
await rt.commissioning.saveBudget({ tenantId, year: year.start, lines: [0, 1, 2, 3].map((i) => ({ name: `Budget ${i}`, pence: 10_000_000 })), updatedBy: 'x', updatedAt: '' }, null);
await inPool(Array.from({ length: OFFERS }, (_, i) => i), 8, async (i) => {
  const offer: Offer = {
    tenantId, offerId: `offer${i}`, title: `Offer ${i}`, description: 'An offer.', format: 'bite_size_workshop', date: `2026-${String(5 + (i % 6)).padStart(2, '0')}-15`, time: '10:00', durationMinutes: 90,
    location: 'Civic Centre', onlineUrl: '', capacity: BOOKINGS_EACH, codes: [lines[i]!.code], cpdHours: 1.5, closesOn: '2026-05-01', audience: { professions: [], teams: [], registration: 'any', withNeed: false },
    status: 'sent', sendAt: null, createdBy: 'x', createdAt: '', sentAt: '2026-04-20T10:00:00.000Z', reportedAt: null, audienceSize: 500, fannedOutAt: null, allocation: FIRST_COME, fanOutSeenAt: null, commissionLine: { year: year.start, lineId: `line${i}` },
  };
  await rt.offers.save(offer);
  await rt.offers.openPlaces(offer.offerId, offer.capacity);
  for (let b = 0; b < BOOKINGS_EACH; b++) {
    const personId = people[(i * 7919 + b * 101) % people.length]!.aadObjectId; // distinct within an offer
    await rt.offers.writeBooking({ tenantId, offerId: offer.offerId, personId, status: i < OFFERS / 2 ? 'attended' : 'booked', priority: 0, askedAt: '', offeredUntil: null, updatedAt: '' }, null);
  }
});


const floor = await median(async () => {
  await Promise.all([TABLES.people, TABLES.needs, TABLES.cpd, TABLES.mentors, TABLES.mentorMatches, TABLES.schedules, TABLES.triggers]
    .map((t) => listAll(rt.tables.client(t), odata`PartitionKey eq ${tenantId}`)));
});
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

const yearFloor = await median(async () => {
  await Promise.all([TABLES.people, TABLES.sessions, TABLES.commissions, TABLES.budgets, TABLES.offers, TABLES.teamAgreements]
    .map((t) => listAll(rt.tables.client(t), odata`PartitionKey eq ${tenantId}`)));
  await Promise.all(Array.from({ length: OFFERS }, (_, i) => listAll(rt.tables.client(TABLES.bookings), odata`PartitionKey eq ${`offer${i}`}`)));
});
let respondents = 0;
const benchmark = await median(async () => {
  respondents = benchmarksOf(rt, await loadRatings(rt, tenantId, year), year).thisYear.respondents;
});
let lineCount = 0;
const yearPlan = await median(async () => {
  lineCount = (await yearPlanOf(rt, tenantId, today)).lines.length;
});
let bytes = 0;
const workbook = await median(async () => {
  bytes = (await planWorkbook(rt, tenantId, today)).bytes.length;
});

console.log(`staff ${STAFF}, needs ${NEEDS}, CPD records ${CPD}, teams ${teams.length}`);
console.log(`floor: plain full read of the same tables   ${floor} ms`);
console.log(`organisation plan (read + roll-up)          ${orgPlan} ms  (${(orgPlan / floor).toFixed(2)}× the floor; ${priorities} priority areas)`);
console.log(`every team's plan (read + roll-up)          ${teamPlans} ms`);
console.log(`\nthis year's plan: ${APPRAISALS} appraisals over two years, ${LINES} commissioning lines, ${OFFERS} offers made from them with ${OFFERS * BOOKINGS_EACH} bookings`);
console.log(`floor: plain full read of the same tables   ${yearFloor} ms`);
console.log(`benchmark (ratings read + worked out)       ${benchmark} ms  (${respondents} rated this year)`);
console.log(`year plan (lines, budget, reach, benchmark) ${yearPlan} ms  (${(yearPlan / yearFloor).toFixed(2)}× the floor; ${lineCount} lines)`);
console.log(`the workbook (org plan + year plan + .xlsx) ${workbook} ms  (${Math.round(bytes / 1024)} KiB)`);
console.log(`\nnode ${process.version}, ${cpus().length} cores, Azurite in memory in this process; medians of 3`);
await azurite.stop();
process.exit(0);
