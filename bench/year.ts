// A year of the session-prompts job for the reference organisation (865 people, seed 002's mix:
// local/syntheticOrg.ts), through the real pipeline: the timer's own scheduling rule (runIfDue and
// its claims in `jobruns`) on a simulated clock, the outbox (delivery rows, the queue, the local
// host's queue poller, botbuilder), to a loopback Bot Connector. Nobody answers anything, so every
// session should bring exactly: the prompt three working days before, its one reminder, the
// supervisor's summary the working day before, and for supervision the after-session card the
// working day after and its one reminder. What was sent is counted against what the policy implies,
// per profession and career stage; and every send is checked to be in working hours (08:30–17:00
// London), on a weekday that is not an England and Wales bank holiday, and sent once.
//
// The send budget's pacing runs on the simulated clock too (time passes while it waits, not on the
// wall), so a year's sends are not stretched over real seconds: the broadcast bench measures pacing.
// `npm run bench:year` (BENCH_DAYS=365, BENCH_SIZE=865, BENCH_TICKS: the timer's hourly occurrences
// each day, default every one, 00:30 to 23:30).
import { odata, type TransactionAction } from '@azure/data-tables';
import { cpus } from 'node:os';
import { SendPacer } from '../app/messaging/sendPacer';
import { addDays, addWorkingDays, bankHoliday, isoWeekday, workingCalendar, workingDaysBefore, type IsoDate } from '../core/calendar';
import { nextAppraisal, supervisionsUntil } from '../core/cadence';
import { policyOn } from '../core/cadencePolicy';
import { createLogger } from '../core/log';
import { planRosterImport } from '../core/rosterPlan';
import { cadencePerson, supervisorFor } from '../core/sessionPlanning';
import { localClock, localDate, zonedToInstant } from '../core/zonedTime';
import { runIfDue } from '../functions/bind';
import { FUNCTIONS, type TimerFunction } from '../functions/declarations';
import { startLocalHost } from '../functions/local/host';
import { syntheticOrg } from '../local/syntheticOrg';
import { loadConfig } from '../runtime/config';
import { createRuntime } from '../runtime/runtime';
import { shardKey } from '../store/shards';
import type { RateBudget } from '../store/rateLimit';
import { listAll, submitInBatches, TABLES } from '../store/tables';
import { cardProblems } from '../test/support/cards';
import { startFakeConnector } from '../test/support/fakeConnector';
import { startBenchAzurite } from './azurite';

const SIZE = Number(process.env.BENCH_SIZE ?? 865);
const DAYS = Number(process.env.BENCH_DAYS ?? 365);
/**
 * The timer's occurrences to fire each day (its schedule is hourly, at :30). By default four: before
 * working hours, at their start, in the middle and at their end, every day of the year, weekends and
 * bank holidays too. With nobody answering, everything due on a day goes at its first working-hours
 * run; the other twenty are idle runs (BENCH_TICKS=all fires every one: a fortnight of that is in
 * docs/benchmarks.md).
 */
const ALL_TICKS = Array.from({ length: 24 }, (_, h) => `${String(h).padStart(2, '0')}:30`);
const TICKS = process.env.BENCH_TICKS === 'all' ? ALL_TICKS : (process.env.BENCH_TICKS ?? '07:30,08:30,12:30,17:30').split(',');
/** One card in this many is checked with the adaptivecards SDK as Teams would render it. */
const CHECK_EVERY = 25;
const START: IsoDate = '2026-11-30'; // a Monday; the year runs over Christmas, Easter and both clock changes
const END = addDays(START, DAYS - 1);
const ZONE = 'Europe/London';

const wallStart = performance.now();
const azurite = await startBenchAzurite('process');
const connector = await startFakeConnector();
const config = loadConfig({ WEAVE_MODE: 'local', AzureWebJobsStorage: azurite.connectionString, WEAVE_STORAGE_PREFIX: 'byear' });
const problems = new Map<string, number>();
const log = createLogger((level, event) => problems.set(`${level} ${event}`, (problems.get(`${level} ${event}`) ?? 0) + 1), 'warn');
let simulated = new Date(`${START}T00:00:00Z`);
const rt = await createRuntime(config, { log, clock: { now: () => new Date(simulated) } });
// No send budget: pacing to Teams' rate is bench:broadcast's subject, and a year's sends at 25 a
// second would take the wall hours. Every send is still spaced per conversation, on simulated time.
let sendClock = 0;
const unlimited: RateBudget = { take: (want) => Promise.resolve({ got: want, waitMs: 0 }), holdUntil: () => Promise.resolve() };
(rt as { pacer: SendPacer }).pacer = new SendPacer(unlimited, () => simulated.getTime() + sendClock, (ms) => {
  sendClock += ms;
  return Promise.resolve();
});
// Every card is checked with the adaptivecards SDK on a sample (one in CHECK_EVERY), as the whole year would double the wall time.
connector.checkCards = false;
const tenantId = config.tenantId;
const org = syntheticOrg(SIZE, 2);
await rt.people.applyRoster(tenantId, planRosterImport([], org), START);
await submitInBatches(rt.tables.client(TABLES.conversations), org.map((p): TransactionAction => ['create', {
  partitionKey: shardKey(tenantId, p.aadObjectId.toLowerCase()), rowKey: p.aadObjectId.toLowerCase(), status: 'installed', installedAt: simulated.toISOString(), statusChangedAt: simulated.toISOString(), timeZone: '', locale: '',
  ref: JSON.stringify({ channelId: 'msteams', serviceUrl: connector.url, conversationId: `a:${p.aadObjectId}`, conversationKind: 'personal', tenantId, bot: { id: '28:bot', name: 'Weave' } }),
}]));
const host = await startLocalHost(rt, { port: 0, timers: false, queue: { minPollingMs: 5, maxPollingMs: 20 }, log: (level, source, message) => {
  if (level === 'warn' || level === 'error') problems.set(`host ${level} ${source}: ${message.replace(/[0-9a-f-]{36}/g, '…')}`, (problems.get(`host ${level} ${source}`) ?? 0) + 1);
} });

async function drain() {
  const pending = async () => {
    let n = 0;
    for (const q of ['outbox', 'work'] as const) n += (await rt.queues.client(q).getProperties()).approximateMessagesCount ?? 0;
    return n;
  };
  for (;;) {
    if ((await pending()) === 0) {
      await new Promise((r) => setTimeout(r, 30));
      if ((await pending()) === 0) return;
    }
    await new Promise((r) => setTimeout(r, 15));
  }
}

// The year, occurrence by occurrence of the timer's schedule, as the Functions host would fire it.
const decl = FUNCTIONS.find((f): f is TimerFunction => f.kind === 'timer' && f.name === 'session-prompts')!;
const reported = new Map<string, number>();
let runs = 0;
const runStart = performance.now();
for (let day = START; day <= END; day = addDays(day, 1)) {
  for (const tick of TICKS) {
    simulated = zonedToInstant(`${day}T${tick}`, ZONE);
    sendClock = 0;
    const outcome = await runIfDue(decl, rt, simulated);
    if (!outcome.ran) continue;
    runs += 1;
    let sent = 0;
    for (const part of outcome.summary.split(', ')) {
      const [k, v] = part.split(' ');
      reported.set(k!, (reported.get(k!) ?? 0) + Number(v));
      if (k !== 'planned' && k !== 'closed') sent += Number(v);
    }
    if (sent > 0) await drain();
  }
}
const runWall = (performance.now() - runStart) / 1000;
await host.stop();

// What was sent: every delivery row, by batch and recipient.
const deliveries = await listAll<{ partitionKey: string; rowKey: string; state: string; createdAt: string; updatedAt: string }>(
  rt.tables.client(TABLES.deliveries), odata`tenantId eq ${tenantId}`, ['PartitionKey', 'RowKey', 'state', 'createdAt', 'updatedAt'],
);
const sentAt = new Map(deliveries.filter((d) => d.state === 'sent').map((d) => [`${d.partitionKey}`, d.updatedAt]));
const notSent = deliveries.filter((d) => d.state !== 'sent');
// Sent outside working hours, on a weekend or a bank holiday: every send, checked in London time.
const outside = [...sentAt.values()].filter((at) => {
  const date = localDate(new Date(at), ZONE);
  const clock = localClock(new Date(at), ZONE);
  return isoWeekday(date) > 5 || !!bankHoliday(date) || clock < '08:30' || clock >= '17:00';
});
// Sent once: the connector saw one activity for each delivery (a delivery row is one batch and recipient).
const duplicates = connector.sent.length - sentAt.size;
const cardProblemsFound = connector.sent.filter((_, i) => i % CHECK_EVERY === 0).flatMap((a) => ((a.activity.attachments as { content?: unknown }[] | undefined) ?? []).flatMap((x) => cardProblems(x.content)));
const reportedSends = ['prompted', 'reminded', 'resent', 'summaries', 'afterCards', 'afterReminders'].reduce((n, k) => n + (reported.get(k) ?? 0), 0);

// What the policy implies, per person, for sessions whose every message falls inside the year.
type Kind = 'prompted' | 'reminded' | 'summaries' | 'afterCards' | 'afterReminders';
const KINDS: Kind[] = ['prompted', 'reminded', 'summaries', 'afterCards', 'afterReminders'];
const prefix: Record<Kind, string> = { prompted: 'prompt|', reminded: 'prompt-reminder|', summaries: 'summary|', afterCards: 'after|', afterReminders: 'after-reminder|' };
const groups = new Map<string, { people: Set<string>; sessions: number; expected: Record<Kind, number>; onDay: Record<Kind, number> }>();
const zero = (): Record<Kind, number> => ({ prompted: 0, reminded: 0, summaries: 0, afterCards: 0, afterReminders: 0 });
const people = (await rt.people.list(tenantId)).filter((p) => p.status === 'active');
const byId = new Map(people.map((p) => [p.aadObjectId, p]));
const settings = policyOn(rt.policy, START).prompts;
let counted = 0;
for (const person of people) {
  const cp = cadencePerson(person);
  const calendar = workingCalendar(person.workingDays);
  const sessions: { kind: 'supervision' | 'appraisal' | 'midyear'; date: IsoDate }[] = supervisionsUntil(rt.policy, cp, { lastHeld: null, after: addDays(START, -1), until: END }).map((date) => ({ kind: 'supervision' as const, date }));
  for (let next = nextAppraisal(rt.policy, cp, addDays(START, -1)); next && next.date <= END; next = nextAppraisal(rt.policy, cp, next.date)) sessions.push(next);
  const key = `${person.profession} · ${person.careerStage}`;
  const g = groups.get(key) ?? { people: new Set<string>(), sessions: 0, expected: zero(), onDay: zero() };
  groups.set(key, g);
  g.people.add(person.aadObjectId);
  for (const s of sessions) {
    const supervisorId = supervisorFor(person, s.kind);
    const supervisor = supervisorId ? byId.get(supervisorId) : undefined;
    const supCal = workingCalendar(supervisor?.workingDays);
    const prompt = workingDaysBefore(s.date, settings.workingDaysBefore, calendar);
    const days: Partial<Record<Kind, IsoDate>> = { prompted: prompt, reminded: addWorkingDays(prompt, settings.reminderAfterWorkingDays, calendar) };
    if (supervisor) days.summaries = workingDaysBefore(s.date, 1, supCal);
    if (supervisor && s.kind === 'supervision') {
      days.afterCards = addWorkingDays(s.date, 1, supCal);
      days.afterReminders = addWorkingDays(days.afterCards, settings.reminderAfterWorkingDays, supCal);
    }
    // Only sessions whose every message falls inside the simulated year, from its first morning.
    if (Object.values(days).some((d) => d < START || d > END)) continue;
    counted += 1;
    g.sessions += 1;
    const sk = `${s.date}|${person.aadObjectId}|${s.kind}`;
    for (const kind of KINDS) {
      const day = days[kind];
      if (!day) continue;
      g.expected[kind] += 1;
      const batch = kind === 'summaries' ? `${prefix[kind]}${sk}|unprepared` : `${prefix[kind]}${sk}`;
      const at = sentAt.get(batch);
      if (at && localDate(new Date(at), ZONE) === day) g.onDay[kind] += 1;
    }
  }
}

const total = (f: (g: { expected: Record<Kind, number>; onDay: Record<Kind, number> }) => number) => [...groups.values()].reduce((n, g) => n + f(g), 0);
const rows = [['profession · career stage', 'people', 'sessions', ...KINDS.map((k) => `${k} (on its day / implied)`)]];
for (const [key, g] of [...groups].sort((a, b) => b[1].people.size - a[1].people.size || a[0].localeCompare(b[0]))) {
  rows.push([key, String(g.people.size), String(g.sessions), ...KINDS.map((k) => `${g.onDay[k]} / ${g.expected[k]}`)]);
}
rows.push(['all', String(people.length), String(counted), ...KINDS.map((k) => `${total((g) => g.onDay[k])} / ${total((g) => g.expected[k])}`)]);
const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
for (const r of rows) console.log(r.map((cell, c) => cell.padEnd(widths[c]!)).join('  '));
console.log(`\nthe job's reports add up to ${reportedSends} sends; the deliveries to ${deliveries.length}; ${Math.ceil(connector.sent.length / CHECK_EVERY)} cards checked as Teams renders them, ${cardProblemsFound.length} problems`);
console.log(`${START} to ${END}: ${runs} runs of the job (${TICKS.length} occurrences a day) in ${runWall.toFixed(1)} s; ${sentAt.size} messages sent, ${notSent.length} not sent, ${duplicates} sent twice, ${outside.length} outside working hours, on a weekend or a bank holiday`);
console.log(`the job reported: ${[...reported].map(([k, v]) => `${k} ${v}`).join(', ')}; deliveries by kind: ${Object.entries(prefix).map(([k, p]) => `${k} ${deliveries.filter((d) => d.partitionKey.startsWith(p) && d.state === 'sent').length}`).join(', ')}`);
for (const [what, n] of problems) console.log(`  ${n}× ${what}`);
console.log(`wall time ${((performance.now() - wallStart) / 1000).toFixed(1)} s (node ${process.version}, ${cpus().length} cores, Azurite in its own process)`);
await connector.stop();
await azurite.stop();
process.exit(0);
