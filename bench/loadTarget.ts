// One target of bench:load in a process of its own, so the load generator's work never runs on the
// target's event loop: `weave` (Weave, Azurite and a fake Bot Connector, bench/weaveUnderLoad.ts) or
// `echo` (the bare botbuilder echo bot and a fake Bot Connector, bench/echoBot.ts). bench/load.ts
// starts it and drives it over IPC: ready (with what to load) → start → stop (with what it saw).
import { randomUUID } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { Session } from 'node:inspector/promises';
import { join } from 'node:path';
import { performance, type EventLoopUtilization } from 'node:perf_hooks';
import { startFakeConnector, type FakeConnector } from '../test/support/fakeConnector';
import { startEchoBot } from './echoBot';
import type { AzuriteMode } from './azurite';
import { startWeaveUnderLoad, type LoadUser } from './weaveUnderLoad';

export type TargetKind = 'weave' | 'echo';

export interface Fixture {
  url: string;
  serviceUrl: string;
  tenantId: string;
  /** Weave's seeded people and their cards; none for the echo bot. */
  users: LoadUser[];
}

export interface TargetStats {
  /** CPU time of the target process (Weave's: Weave, its connector and, embedded, Azurite) while the load ran. */
  cpuMs: number;
  /** Share of that time the event loop was busy: near 1, the process is bound by its one thread. */
  eventLoopUtilization: number;
  rssMb: number;
  /** CPU time of Azurite's own process while the load ran (null: it ran in the target, or the echo bot has none). */
  storageCpuMs: number | null;
  /** What the fake Bot Connector saw: activities recorded, and its answers by HTTP status. */
  connectorSends: number;
  connectorStatuses: Record<string, number>;
  /** Cards it would not accept (checked as Teams would), while the load was counted. */
  invalidCards: number;
  /** Warnings and errors the target logged, by event name. */
  problems: Record<string, number>;
}

export type ToTarget = { type: 'start' } | { type: 'stop' };
export type FromTarget = { type: 'ready'; fixture: Fixture } | { type: 'started' } | { type: 'stats'; stats: TargetStats };

export interface TargetOptions {
  people: number;
  cardsPerUser: number;
  tokenSeconds: number;
  azurite: AzuriteMode;
}

interface Running {
  fixture: Fixture;
  connector: FakeConnector;
  problems: Map<string, number>;
  storageCpuMs(): number | null;
  stop(): Promise<void>;
}

async function start(kind: TargetKind, options: TargetOptions): Promise<Running> {
  if (kind === 'weave') {
    const weave = await startWeaveUnderLoad(options);
    return { fixture: { url: weave.url, serviceUrl: weave.serviceUrl, tenantId: weave.tenantId, users: weave.users }, connector: weave.connector, problems: weave.problems, storageCpuMs: () => weave.storageCpuMs(), stop: () => weave.stop() };
  }
  const connector = await startFakeConnector();
  const echo = await startEchoBot();
  return {
    fixture: { url: echo.url, serviceUrl: connector.url, tenantId: randomUUID(), users: [] },
    connector,
    problems: new Map(),
    storageCpuMs: () => null,
    async stop() {
      await echo.stop();
      await connector.stop();
    },
  };
}

/** BENCH_CPU_PROF=dir: a V8 CPU profile of the measured run only, written there as <kind>.cpuprofile. */
async function cpuProfiler(kind: TargetKind): Promise<{ start(): Promise<void>; stop(): Promise<void> }> {
  const dir = process.env.BENCH_CPU_PROF;
  if (!dir) return { start: async () => {}, stop: async () => {} };
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  return {
    start: () => session.post('Profiler.start'),
    async stop() {
      const { profile } = await session.post('Profiler.stop');
      await writeFile(join(dir, `${kind}.cpuprofile`), JSON.stringify(profile));
    },
  };
}

function send(message: FromTarget) {
  process.send!(message);
}

async function main() {
  const kind = process.argv[2] as TargetKind;
  const options = JSON.parse(process.argv[3] ?? '{}') as TargetOptions;
  const target = await start(kind, options);
  const profiler = await cpuProfiler(kind);
  // The connector keeps every activity; over a minute of load that is a lot of cards. Counted and
  // let go each second instead.
  let sends = 0;
  const statuses: Record<string, number> = {};
  const tally = () => {
    sends += target.connector.sent.length;
    for (const r of target.connector.requests) statuses[r.status] = (statuses[r.status] ?? 0) + 1;
    target.connector.clear();
  };
  let from: { cpu: NodeJS.CpuUsage; elu: EventLoopUtilization; invalidCards: number; storageCpuMs: number | null } | undefined;
  let tallying: NodeJS.Timeout | undefined;
  process.on('message', (message: ToTarget) => void onMessage(message));
  async function onMessage(message: ToTarget) {
    if (message.type === 'start') {
      tally();
      sends = 0;
      for (const key of Object.keys(statuses)) delete statuses[key];
      target.problems.clear();
      tallying = setInterval(tally, 1000);
      await profiler.start();
      from = { cpu: process.cpuUsage(), elu: performance.eventLoopUtilization(), invalidCards: target.connector.invalidCards.length, storageCpuMs: target.storageCpuMs() };
      send({ type: 'started' });
    } else {
      const cpu = process.cpuUsage(from?.cpu);
      const elu = performance.eventLoopUtilization(from?.elu);
      clearInterval(tallying);
      await profiler.stop();
      tally();
      send({ type: 'stats', stats: {
        cpuMs: (cpu.user + cpu.system) / 1000, eventLoopUtilization: elu.utilization, rssMb: process.memoryUsage().rss / 2 ** 20,
        storageCpuMs: (() => { const now = target.storageCpuMs(); return now === null || from?.storageCpuMs == null ? null : now - from.storageCpuMs; })(),
        connectorSends: sends, connectorStatuses: statuses, invalidCards: target.connector.invalidCards.length - (from?.invalidCards ?? 0),
        problems: Object.fromEntries(target.problems),
      } });
      await target.stop();
      process.disconnect();
      process.exit(0);
    }
  }
  send({ type: 'ready', fixture: target.fixture });
}

await main();
