// A Teams that takes 10 seconds to answer each send, with two workers polling the outbox and a
// queue lease much shorter than that: the lease is renewed while the first worker waits, so the
// second never sees the message, and every person gets exactly one message.
import { afterEach, describe, expect, it } from 'vitest';
import { startLocalHost, type LocalHost } from '../../functions/local/host';
import { createRuntime } from '../../runtime/runtime';
import { startTestStack, type TestStack } from '../support/stack';
import * as teams from '../support/teams';
import { attemptsInto, installedPeople, sendsPerConversation, tallyBatch, witnessedFunctions, type Pickup } from './ledger';

const LEASE_SECONDS = 4;
const ANSWER_AFTER_MS = 10_000;

describe('a slow Teams', () => {
  let stack: TestStack | undefined;
  const workers: LocalHost[] = [];
  afterEach(async () => {
    await Promise.all(workers.splice(0).map((w) => w.stop()));
    await stack?.stop();
  });

  it('is waited for by one worker alone: one send per person, nothing left sending', async () => {
    stack = await startTestStack({ queues: false });
    const s = stack;
    const people = await installedPeople(s, 3);
    s.connector.delayMs = ANSWER_AFTER_MS;

    // Two workers, as two instances would be: each its own runtime on the same storage.
    const second = await createRuntime(s.config, { clock: s.rt.clock, log: s.rt.log });
    const queue = { minPollingMs: 10, maxPollingMs: 50, leaseSeconds: LEASE_SECONDS };
    const hostLog = (level: string, source: string, message: string) => s.logs.push({ level: 'host', event: message, fields: { source, level } });
    const pickups: Pickup[] = [];
    for (const [name, rt] of [['first', s.rt], ['second', second]] as const) {
      workers.push(await startLocalHost(rt, { port: 0, timers: false, queue, log: hostLog, declarations: witnessedFunctions(name, pickups) }));
    }

    const started = Date.now();
    for (const p of people) await s.rt.outbox.sendText(s.tenantId, 'slow', p.aadObjectId, 'Worth the wait');

    // While the sends are held, no outbox message may become visible to the other worker.
    const outbox = s.rt.queues.client('outbox');
    let visibleWhileSending = 0;
    let samples = 0;
    await expect.poll(async () => {
      const { open } = await tallyBatch(s, 'slow');
      if (open.length > 0 && open.every((d) => d.state === 'sending')) {
        samples += 1;
        visibleWhileSending += (await outbox.peekMessages({ numberOfMessages: 32 })).peekedMessageItems.length;
      }
      return open.length;
    }, { timeout: 3 * ANSWER_AFTER_MS, interval: 500 }).toBe(0);
    const took = Date.now() - started;

    expect(samples).toBeGreaterThanOrEqual(10); // sampled across more than two lease periods
    expect(visibleWhileSending).toBe(0);
    // Each message was handed out once, to one worker: the lease never ran out under it.
    expect(pickups).toHaveLength(3);
    expect(pickups.map((p) => p.dequeueCount)).toEqual([1, 1, 1]);
    const tally = await tallyBatch(s, 'slow');
    expect(tally.byState).toEqual({ sent: 3 });
    expect(tally.rows.map((d) => d.attempts)).toEqual([1, 1, 1]);
    const sends = sendsPerConversation(s.connector, (a) => a.activity.text === 'Worth the wait');
    expect([...sends.values()]).toEqual([1, 1, 1]);
    for (const p of people) expect(attemptsInto(s.connector, teams.personalConversationId(p), started)).toHaveLength(1);
    expect(s.logs.filter((l) => /could not settle|moved message/.test(l.event))).toEqual([]);
    expect(took).toBeGreaterThanOrEqual(ANSWER_AFTER_MS);
  }, 60_000);
});
