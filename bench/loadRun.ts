// One measured run of bench:load: start a target in its own process, put autocannon's connections on
// it (one simulated person each, going round their cycle of requests), and collect what came back —
// latencies, errors and wrong answers by request — with what the target saw of itself.
import { spawn } from 'node:child_process';
import autocannon from 'autocannon';
import type { Fixture, FromTarget, TargetKind, TargetOptions, TargetStats, ToTarget } from './loadTarget';
import type { Step } from './loadTraffic';
import { pacedLoad } from './loadPaced';
import { addTally, tally, type Tally } from './loadTally';


export interface Run {
  target: string;
  all: Tally;
  steps: Tally[];
  warmUp: Tally;
  connectionErrors: number;
  /** Seconds into the counted run. */
  timeoutsAt: number[];
  /** Everything answered, warm-up included. */
  answeredTotal: number;
  stats: TargetStats;
}

export interface RunSettings {
  warmUpSeconds: number;
  seconds: number;
  timeoutSeconds: number;
  /** Requests a second offered across all connections (open load); 0: each sends its next as soon as the last is answered. */
  rate: number;
}

interface Target {
  fixture: Fixture;
  request(message: ToTarget, answer: FromTarget['type']): Promise<FromTarget>;
}

/** Starts a target in its own process (with this process's tsx loader) and waits until it is ready. */
async function startTarget(kind: TargetKind, options: TargetOptions): Promise<Target> {
  const child = spawn(process.execPath, [...process.execArgv, new URL('./loadTarget.ts', import.meta.url).pathname, kind, JSON.stringify(options)], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const next = (type: FromTarget['type']) => new Promise<FromTarget>((resolve, reject) => {
    const onMessage = (m: FromTarget) => {
      if (m.type !== type) return;
      child.off('message', onMessage);
      child.off('exit', onExit);
      resolve(m);
    };
    const onExit = (code: number | null) => reject(new Error(`the ${kind} target exited (${code}) before answering ${type}`));
    child.on('message', onMessage);
    child.once('exit', onExit);
  });
  const ready = await next('ready');
  if (ready.type !== 'ready') throw new Error('unreachable');
  return {
    fixture: ready.fixture,
    request(message, answer) {
      const answered = next(answer);
      child.send(message);
      return answered;
    },
  };
}

/**
 * The closed loop, with autocannon: each connection is one person going round their cycle, sending
 * the next request as soon as the last is answered. The first
 * warm-up seconds are run but not counted (JIT, connections, and the burst of every person's first
 * request at once, with its timeouts); what is answered after that is, with timeouts and connection errors.
 */
async function load(url: string, cycles: Step[][], settings: RunSettings, measuring: () => void) {
  const byLabel = new Map<string, Tally>();
  const warmUp = tally('warm-up', 'all');
  const timeoutsAt: number[] = [];
  let connectionErrors = 0;
  const countFrom = performance.now() + settings.warmUpSeconds * 1000;
  const counting = () => performance.now() >= countFrom;
  const tallyOf = (step: Step) => (counting() ? byLabel.get(step.label) ?? byLabel.set(step.label, tally(step.label, step.kind)).get(step.label)! : warmUp);
  const startMeasuring = setTimeout(measuring, settings.warmUpSeconds * 1000);
  let clients = 0;
  const result = await autocannon({
    url,
    connections: cycles.length,
    duration: settings.warmUpSeconds + settings.seconds,
    timeout: settings.timeoutSeconds,
    setupClient(client) {
      const cycle = cycles[clients++ % cycles.length]!;
      // The request being answered: set as it is built, which autocannon does just before it writes it.
      let inFlight = cycle[0]!;
      client.setRequests(cycle.map((step) => ({
        setupRequest: (request) => {
          inFlight = step;
          return { ...request, ...step.build() };
        },
        onResponse: (status, body) => {
          const t = tallyOf(step);
          if (status < 200 || status > 299) t.non2xx++;
          else if (!step.expected(body)) t.unexpected++;
          else return;
          t.sample ||= `${status} ${body.slice(0, 300)}`;
        },
      })));
      // autocannon's own measure of each request, emitted after onResponse.
      client.on('response', (_status: number, _bytes: number, ms: number) => tallyOf(inFlight).latencies.push(ms));
      // Emitted by autocannon's client, though its typings list only the three above.
      const events: NodeJS.EventEmitter = client;
      events.on('timeout', () => {
        tallyOf(inFlight).timeouts++;
        if (counting()) timeoutsAt.push((performance.now() - countFrom) / 1000);
      });
      events.on('connError', () => {
        if (counting()) connectionErrors++;
      });
    },
  });
  clearTimeout(startMeasuring);
  return { steps: [...byLabel.values()], warmUp, connectionErrors, timeoutsAt, total: result.requests.total };
}

export async function measure(name: string, kind: TargetKind, options: TargetOptions, settings: RunSettings, cycleFor: (fixture: Fixture) => Step[][]): Promise<Run> {
  const target = await startTarget(kind, options);
  let started: Promise<FromTarget> | undefined;
  const startMeasuring = () => {
    started = target.request({ type: 'start' }, 'started');
  };
  const cycles = cycleFor(target.fixture);
  const loaded = settings.rate > 0 ? await pacedLoad(target.fixture.url, cycles, settings, startMeasuring) : await load(target.fixture.url, cycles, settings, startMeasuring);
  await started;
  const stats = await target.request({ type: 'stop' }, 'stats');
  if (stats.type !== 'stats') throw new Error('unreachable');
  const all = tally('all', 'all');
  for (const s of loaded.steps) addTally(all, s);
  for (const t of [all, ...loaded.steps]) t.latencies.sort((a, b) => a - b);
  return {
    target: name, all, steps: loaded.steps, warmUp: loaded.warmUp, connectionErrors: loaded.connectionErrors, timeoutsAt: loaded.timeoutsAt,
    answeredTotal: loaded.total, stats: stats.stats,
  };
}
