// A learning offer broadcast to 865 and 10,000 people through the real pipeline — the work queue's
// fan-out, one outbox delivery per person, the shared send budget, the bot SDK — to a loopback Bot
// Connector that enforces Teams' documented limits (50 a second per app; per conversation 7 a
// second, 60 in 30 s, 1,800 an hour; over one, 429 with Retry-After), fails 2% of sends with a 5xx,
// and throws a burst of 429s every few seconds. Compared in the same run with the platform's floor:
// recipients ÷ 50 a second, the fastest Teams allows. `npm run bench:broadcast`
// (BENCH_SIZES=865 for the quick one; BENCH_AZURITE=embedded|process|both, default process.)
import { type TransactionAction } from '@azure/data-tables';
import { FIRST_COME } from '../core/offers';
import { cpus, loadavg } from 'node:os';
import { startSending } from '../app/offers/sending';
import { createLogger } from '../core/log';
import { planRosterImport } from '../core/rosterPlan';
import { startLocalHost } from '../functions/local/host';
import { syntheticOrg } from '../local/syntheticOrg';
import { loadConfig } from '../runtime/config';
import { createRuntime } from '../runtime/runtime';
import { FINAL_DELIVERY_STATES } from '../store/deliveries';
import { submitInBatches, TABLES } from '../store/tables';
import { shardKey } from '../store/shards';
import { startFakeConnector } from '../test/support/fakeConnector';
import { TEAMS_LIMITS } from '../test/support/teamsLimits';
import { AZURITE_NAMES, azuriteModesFromEnv, startBenchAzurite } from './azurite';

const PLATFORM_RATE = TEAMS_LIMITS.app[0]!.count;
/** How often the profile of invites a second (and each process's CPU) is taken: BENCH_PROFILE_SECONDS, default 60. */
const PROFILE_SECONDS = Number(process.env.BENCH_PROFILE_SECONDS ?? 60);
const pct = (used: number, of: number) => `${Math.round((100 * used) / of)}%`;
const sizes = (process.env.BENCH_SIZES ?? '865,10000').split(',').map(Number);
const modes = azuriteModesFromEnv('process');
const profiles: string[] = [];
let rate = 0;
const notes: string[] = [];
const rows: string[][] = [['Azurite', 'recipients', 'floor (÷ 50/s)', 'wall time', 'ratio', 'delivered', 'duplicates', 'lost', '429s', '5xx']];

for (const mode of modes) for (const size of sizes) {
  const azurite = await startBenchAzurite(mode);
  const connector = await startFakeConnector();
  connector.randomFailureRate = 0.02;
  const config = loadConfig({ WEAVE_MODE: 'local', AzureWebJobsStorage: azurite.connectionString, WEAVE_STORAGE_PREFIX: `bb${size}`, ...(process.env.WEAVE_SEND_RATE ? { WEAVE_SEND_RATE: process.env.WEAVE_SEND_RATE } : {}), ...(process.env.WEAVE_BOT_SDK ? { WEAVE_BOT_SDK: process.env.WEAVE_BOT_SDK } : {}) });
  rate = config.sendRatePerSecond;
  // What Weave logged (info and up), counted by event (never their fields: no personal data in bench output).
  const problems = new Map<string, number>();
  const log = createLogger((level, event) => problems.set(`${level} ${event}`, (problems.get(`${level} ${event}`) ?? 0) + 1), 'info');
  const rt = await createRuntime(config, { log });
  const tenantId = config.tenantId;
  const org = syntheticOrg(size, 5);
  await rt.people.applyRoster(tenantId, planRosterImport([], org), '2026-11-01');
  const now = new Date().toISOString();
  await submitInBatches(rt.tables.client(TABLES.conversations), org.map((p): TransactionAction => ['create', {
    partitionKey: shardKey(tenantId, p.aadObjectId.toLowerCase()), rowKey: p.aadObjectId.toLowerCase(), status: 'installed', installedAt: now, statusChangedAt: now, timeZone: '', locale: '',
    ref: JSON.stringify({ channelId: 'msteams', serviceUrl: connector.url, conversationId: `a:${p.aadObjectId}`, conversationKind: 'personal', tenantId, bot: { id: '28:bot', name: 'Weave' } }),
  }]));
  const day = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);
  const offerId = `00000000-0000-4000-8000-${String(size).padStart(12, '0')}`;
  await rt.offers.save({
    tenantId, offerId, title: 'Team study day', description: 'For everyone.', format: 'team_study_day', date: day(30), time: '09:30', durationMinutes: 420,
    location: 'Civic Centre', onlineUrl: '', capacity: 200, codes: ['CC5'], cpdHours: 6, closesOn: day(25),
    audience: { professions: [], teams: [], registration: 'any', withNeed: false }, status: 'draft', sendAt: null, createdBy: org[0]!.aadObjectId,
    createdAt: now, sentAt: null, audienceSize: 0, fannedOutAt: null, fanOutSeenAt: null, reportedAt: null, allocation: FIRST_COME,
  });
  // Bursts of throttling, as Teams gives when other apps are busy too.
  const bursts = setInterval(() => { for (let i = 0; i < 5; i++) connector.faults.push({ status: 429, retryAfterSeconds: 1 }); }, 4000);
  const host = await startLocalHost(rt, { port: 0, timers: false, log: (level, source, message) => {
    const key = `host ${level} ${source}: ${message.replace(/[0-9a-f-]{36}/g, '…')}`;
    if (level === 'warn' || level === 'error') problems.set(key, (problems.get(key) ?? 0) + 1);
  } });
  const start = performance.now();
  await startSending(rt, (await rt.offers.get(tenantId, offerId))!);
  // Done when every person has their invite: watched in the connector's memory, so the bench's own
  // polling puts no load on Azurite (listing 10,000 deliveries twice a second would).
  const isInvite = (a: { activity: Record<string, unknown> }) => JSON.stringify(a.activity).includes('offer.book');
  let seen = 0;
  const reached = new Set<string>();
  let progressAt = Date.now();
  let firstAt = 0;
  // A lost invite would stall it: two minutes without progress ends the wait, and "lost" says so.
  // Invites a second, per minute: where a run falls behind the rate, and when.
  const perMinute: string[] = [];
  let cpuFrom = process.cpuUsage().user + process.cpuUsage().system;
  let azuriteFrom = azurite.cpuMs() ?? 0;
  let minuteStart = performance.now();
  let minuteFrom = 0;
  while (reached.size < size && Date.now() - progressAt < 120_000) {
    await new Promise((r) => setTimeout(r, 100));
    const before = reached.size;
    for (; seen < connector.sent.length; seen++) if (isInvite(connector.sent[seen]!)) reached.add(connector.sent[seen]!.conversationId);
    if (reached.size > before) progressAt = Date.now();
    if (before === 0 && reached.size > 0) firstAt = (performance.now() - start) / 1000;
    if (performance.now() - minuteStart >= PROFILE_SECONDS * 1000) {
      const seconds = (performance.now() - minuteStart) / 1000;
      const cpu = process.cpuUsage();
      const azuriteCpu = azurite.cpuMs();
      const waiting = await rt.outbox.waiting();
      perMinute.push(`${((reached.size - minuteFrom) / seconds).toFixed(1)}/s (outbox ${waiting}; CPU: bench ${pct(cpu.user + cpu.system - cpuFrom, seconds * 1e6)}, Azurite ${azuriteCpu === null ? '-' : pct(azuriteCpu - azuriteFrom, seconds * 1000)})`);
      minuteStart = performance.now();
      minuteFrom = reached.size;
      cpuFrom = cpu.user + cpu.system;
      azuriteFrom = azuriteCpu ?? 0;
    }
  }
  if (perMinute.length > 1) profiles.push(`${size}, ${AZURITE_NAMES[mode]}: invites a second, every ${PROFILE_SECONDS} s: ${perMinute.join(', ')}`);
  const wall = (performance.now() - start) / 1000;
  clearInterval(bursts);
  // Then storage must agree: every delivery in a final state, none left to retry.
  for (let tries = 0; tries < 60; tries++) {
    const deliveries = await rt.deliveries.listBatch(`offer|${offerId}`);
    if (deliveries.length === size && deliveries.every((d) => FINAL_DELIVERY_STATES.includes(d.state))) break;
    await new Promise((r) => setTimeout(r, 2000));
  }
  await host.stop();
  const deliveries = await rt.deliveries.listBatch(`offer|${offerId}`);
  const byState = new Map<string, number>();
  for (const d of deliveries) byState.set(d.state, (byState.get(d.state) ?? 0) + 1);
  notes.push(`${size}, ${AZURITE_NAMES[mode]}: first invite after ${firstAt.toFixed(1)} s; then ${((size - 1) / (wall - firstAt)).toFixed(1)} a second; deliveries ${[...byState].map(([k, v]) => `${k} ${v}`).join(', ')}`);
  for (const d of deliveries.filter((x) => !FINAL_DELIVERY_STATES.includes(x.state))) {
    notes.push(`  not final: ${d.state}, attempts ${d.attempts}, lease until ${d.leaseUntil || '-'}, last error ${d.lastError || '-'}, updated ${d.updatedAt}`);
  }
  for (const [what, n] of problems) notes.push(`  ${n}× ${what}`);
  const invites = connector.sent.filter(isInvite);
  const perPerson = new Map<string, number>();
  for (const a of invites) perPerson.set(a.conversationId, (perPerson.get(a.conversationId) ?? 0) + 1);
  const duplicates = [...perPerson.values()].reduce((n, c) => n + c - 1, 0);
  const floor = size / PLATFORM_RATE;
  rows.push([
    AZURITE_NAMES[mode], String(size), `${floor.toFixed(1)} s`, `${wall.toFixed(1)} s`, `${(wall / floor).toFixed(2)}×`, String(perPerson.size), String(duplicates), String(size - perPerson.size),
    String(connector.requests.filter((r) => r.status === 429).length), String(connector.requests.filter((r) => r.status >= 500).length),
  ]);
  await connector.stop();
  await azurite.stop();
}

const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
for (const r of rows) console.log(r.map((cell, c) => cell.padEnd(widths[c]!)).join('  '));
for (const p of profiles) console.log(`\n${p}`);
console.log(`\n${notes.join('\n')}`);
console.log(`\nbudget ${rate}/s (WEAVE_SEND_RATE); the connector enforces Teams' limits (50/s for the app; 7/s, 60/30 s, 1,800/h a conversation), 2% 5xx, bursts of five 429s every 4 s; node ${process.version}, ${cpus().length} cores, load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
process.exit(0);
