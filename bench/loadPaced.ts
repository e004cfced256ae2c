// bench:load's open load: each person acts on a timetable of their own — once every
// `people ÷ rate` seconds, the timetables spread evenly over that period — whether or not their last
// request has been answered, as people in Teams do. Latency runs from when a request was due to its
// whole answer, so a target that falls behind is charged for the wait (no coordinated omission).
// (autocannon's `overallRate` was not used for this: it caps connections at the rate and lets each
// connection's request go at the top of every second, so the whole second's load arrives at once.)
import { Agent, request } from 'node:http';
import { tally, type Tally } from './loadTally';
import type { Step } from './loadTraffic';

export interface LoadSettings {
  warmUpSeconds: number;
  seconds: number;
  timeoutSeconds: number;
  /** Requests a second across everyone. */
  rate: number;
}

export interface Loaded {
  steps: Tally[];
  warmUp: Tally;
  connectionErrors: number;
  /** Seconds into the counted run. */
  timeoutsAt: number[];
  /** Every request answered, warm-up included. */
  total: number;
}

export async function pacedLoad(url: string, cycles: Step[][], settings: LoadSettings, measuring: () => void): Promise<Loaded> {
  // Connections kept alive and shared, as the Bot Framework service keeps a pool to a bot.
  const agent = new Agent({ keepAlive: true });
  const byLabel = new Map<string, Tally>();
  const warmUp = tally('warm-up', 'all');
  const timeoutsAt: number[] = [];
  let connectionErrors = 0;
  let total = 0;
  const periodMs = (cycles.length / settings.rate) * 1000;
  const startAt = performance.now() + 200;
  const countFrom = startAt + settings.warmUpSeconds * 1000;
  const endAt = countFrom + settings.seconds * 1000;
  const tallyOf = (step: Step, due: number) => (due >= countFrom ? byLabel.get(step.label) ?? byLabel.set(step.label, tally(step.label, step.kind)).get(step.label)! : warmUp);
  const startMeasuring = setTimeout(measuring, countFrom - performance.now());
  const inFlight = new Set<Promise<void>>();

  const send = (step: Step, due: number) => new Promise<void>((resolve) => {
    const call = step.build();
    const t = tallyOf(step, due);
    const req = request(new URL(call.path, url), {
      method: call.method, agent, timeout: settings.timeoutSeconds * 1000,
      headers: { ...call.headers, ...(call.body !== undefined ? { 'content-length': Buffer.byteLength(call.body) } : {}) },
    }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        total++;
        t.latencies.push(performance.now() - due);
        const status = res.statusCode ?? 0;
        const body = Buffer.concat(chunks).toString('utf8');
        const ok2xx = status >= 200 && status <= 299;
        const expected = ok2xx && step.expected(body);
        if (!ok2xx) t.non2xx++;
        else if (!expected) t.unexpected++;
        if (!expected && !t.sample) t.sample = `${status} ${body.slice(0, 300)}`;
        resolve();
      });
      res.on('error', () => resolve());
    });
    req.on('timeout', () => {
      t.timeouts++;
      if (due >= countFrom) timeoutsAt.push((performance.now() - countFrom) / 1000);
      req.destroy(new Error('timeout'));
    });
    req.on('error', (err) => {
      if (err.message !== 'timeout' && due >= countFrom) connectionErrors++;
      resolve();
    });
    req.end(call.body);
  });

  await Promise.all(cycles.map((cycle, person) => (async () => {
    for (let k = 0; ; k++) {
      const due = startAt + (person / cycles.length) * periodMs + k * periodMs;
      if (due >= endAt) return;
      const wait = due - performance.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      const sent = send(cycle[k % cycle.length]!, due);
      inFlight.add(sent);
      void sent.then(() => inFlight.delete(sent));
    }
  })()));
  await Promise.all(inFlight);
  clearTimeout(startMeasuring);
  agent.destroy();
  return { steps: [...byLabel.values()], warmUp, connectionErrors, timeoutsAt, total };
}
