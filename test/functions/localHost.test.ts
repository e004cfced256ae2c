// The local host must behave like the Functions host where it matters: queue retries with
// dequeue counts, poison after maxDequeueCount, base64 messages, timers that run each occurrence once.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runIfDue } from '../../functions/bind';
import type { FunctionDeclaration, TimerFunction } from '../../functions/declarations';
import { startLocalHost, type LocalHost } from '../../functions/local/host';
import { queueSettingsFromHostJson } from '../../functions/local/queuePoller';
import { systemClock } from '../../core/clock';
import { decodeMessage, encodeMessage, poisonQueueName, queueName } from '../../store/queues';
import { startTestStack, testClock, type TestStack } from '../support/stack';

describe('the local Functions host', () => {
  let stack: TestStack;
  let host: LocalHost | undefined;
  beforeEach(async () => {
    stack = await startTestStack({ clock: systemClock });
  });
  afterEach(async () => {
    await host?.stop();
    host = undefined;
    await stack?.stop();
  });

  // Its own queue, so the stack's own host (which serves the real outbox) stays out of the way.
  const scratch = () => stack.rt.queues.byDeployedName(queueName(stack.config.storage, 'scratch'));
  const sendScratch = async (payload: unknown) => {
    await scratch().createIfNotExists();
    await scratch().sendMessage(encodeMessage(payload));
  };

  async function hostWith(declarations: FunctionDeclaration[], timers = false) {
    host = await startLocalHost(stack.rt, { port: 0, declarations, timers, queue: { minPollingMs: 10, maxPollingMs: 40 }, log: () => {} });
    return host;
  }

  it('retries a failing message with a growing dequeue count, then moves it to the poison queue after 5', async () => {
    const seen: { message: unknown; dequeueCount: number }[] = [];
    await hostWith([{
      kind: 'queue', name: 'always-fails', queue: 'scratch',
      handler: (_rt, message, context) => {
        seen.push({ message, dequeueCount: Number(context.triggerMetadata?.dequeueCount) });
        return Promise.reject(new Error('nope'));
      },
    }]);
    await sendScratch({ batch: 'b', recipientId: 'r' });
    const poison = stack.rt.queues.byDeployedName(poisonQueueName(queueName(stack.config.storage, 'scratch')));
    await expect.poll(async () => (await poison.peekMessages()).peekedMessageItems.length, { timeout: 10_000 }).toBe(1);
    expect(seen.map((s) => s.dequeueCount)).toEqual([1, 2, 3, 4, 5]);
    expect(seen[0]!.message).toEqual({ batch: 'b', recipientId: 'r' });
    const [poisoned] = (await poison.peekMessages()).peekedMessageItems;
    expect(decodeMessage(poisoned!.messageText)).toEqual({ batch: 'b', recipientId: 'r' });
    expect((await scratch().getProperties()).approximateMessagesCount).toBe(0);
  });

  it('moves a message a crashed worker kept dequeuing straight to the poison queue, without running it', async () => {
    await sendScratch({ crashed: true });
    for (let i = 0; i < 6; i++) await scratch().receiveMessages({ visibilityTimeout: 1 }).then(() => new Promise((r) => setTimeout(r, 1100)));
    let ran = 0;
    await hostWith([{ kind: 'queue', name: 'never-runs', queue: 'scratch', handler: () => { ran += 1; return Promise.resolve(); } }]);
    const poison = stack.rt.queues.byDeployedName(poisonQueueName(queueName(stack.config.storage, 'scratch')));
    await expect.poll(async () => (await poison.peekMessages()).peekedMessageItems.length, { timeout: 10_000 }).toBe(1);
    expect(ran).toBe(0);
  }, 20_000);

  it('works on many messages at once, fetching another batch as half finish', async () => {
    let running = 0;
    let peak = 0;
    let done = 0;
    await hostWith([{
      kind: 'queue', name: 'slow', queue: 'scratch',
      handler: async (_rt, message) => {
        peak = Math.max(peak, ++running);
        // Some quick, some slow, so half a batch finishes while the rest still runs.
        await new Promise((r) => setTimeout(r, (message as { i: number }).i % 2 ? 50 : 400));
        running -= 1;
        done += 1;
      },
    }]);
    await Promise.all(Array.from({ length: 80 }, (_, i) => sendScratch({ i })));
    await expect.poll(() => done, { timeout: 10_000 }).toBe(80);
    // As Azure's queue processor: a new batch once no more than newBatchThreshold are in flight, so at most their sum.
    const { batchSize, newBatchThreshold } = queueSettingsFromHostJson();
    expect(peak).toBeGreaterThan(batchSize);
    expect(peak).toBeLessThanOrEqual(batchSize + newBatchThreshold);
  });

  it('deletes a message once its handler succeeds, even after failures', async () => {
    let calls = 0;
    await hostWith([{
      kind: 'queue', name: 'flaky', queue: 'scratch',
      handler: () => {
        calls += 1;
        return calls < 3 ? Promise.reject(new Error('not yet')) : Promise.resolve();
      },
    }]);
    await sendScratch({ n: 1 });
    await expect.poll(() => calls, { timeout: 5000 }).toBe(3);
    await expect.poll(async () => (await scratch().getProperties()).approximateMessagesCount).toBe(0);
  });

  it('serves HTTP functions by route and method, with route parameters', async () => {
    const h = await hostWith([{
      kind: 'http', name: 'echo', route: 'things/{id}', methods: ['GET'],
      handler: (_rt, request) => Promise.resolve({ jsonBody: { id: request.params.id, q: request.query.get('q') } }),
    }]);
    expect(await (await fetch(`${h.url}/api/things/42?q=x`)).json()).toEqual({ id: '42', q: 'x' });
    expect((await fetch(`${h.url}/api/things/42`, { method: 'POST' })).status).toBe(405);
    expect((await fetch(`${h.url}/api/nothing`)).status).toBe(404);
  });

  it('fires timers on their NCRONTAB schedule', async () => {
    let runs = 0;
    await hostWith([{ kind: 'timer', name: 'every-second', schedule: '* * * * * *', description: 't', run: () => Promise.resolve(`run ${++runs}`) }], true);
    await expect.poll(() => runs, { timeout: 5000 }).toBeGreaterThanOrEqual(2);
  });
});

describe('scheduled jobs', () => {
  let stack: TestStack;
  const clock = testClock('2026-11-23T08:31:00Z');
  beforeEach(async () => {
    stack = await startTestStack({ clock });
  });
  afterEach(async () => stack?.stop());

  it('run each occurrence once, however many hosts or ticks see it', async () => {
    let runs = 0;
    const job: TimerFunction = { kind: 'timer', name: `prompts-${Date.now()}`, schedule: '0 30 8 * * 1-5', description: 'x', run: () => Promise.resolve(`ran ${++runs}`) };
    const now = clock.now();
    const outcomes = await Promise.all([runIfDue(job, stack.rt, now), runIfDue(job, stack.rt, now), runIfDue(job, stack.rt, now)]);
    expect(runs).toBe(1);
    expect(outcomes.filter((o) => o.ran)).toHaveLength(1);
    expect(outcomes.find((o) => o.ran)?.occurrence).toBe('2026-11-23T08:30:00.000Z');
    // A later tick the same morning finds nothing new.
    expect(await runIfDue(job, stack.rt, new Date('2026-11-23T11:00:00Z'))).toMatchObject({ ran: false, reason: 'claimed' });
    // The next working day's occurrence runs.
    expect(await runIfDue(job, stack.rt, new Date('2026-11-24T08:35:00Z'))).toMatchObject({ ran: true, occurrence: '2026-11-24T08:30:00.000Z' });
    expect(runs).toBe(2);
  });

  it('run a failed occurrence again on a later tick, a few times at most', async () => {
    let runs = 0;
    const job: TimerFunction = { kind: 'timer', name: `flaky-${Date.now()}`, schedule: '0 0 9 * * MON', description: 'x', run: () => { runs += 1; return Promise.reject(new Error('storage was down')); } };
    for (const at of ['2026-11-23T09:01:00Z', '2026-11-23T09:06:00Z', '2026-11-23T09:11:00Z', '2026-11-23T09:16:00Z']) {
      await runIfDue(job, stack.rt, new Date(at)).catch(() => undefined);
    }
    expect(runs).toBe(3);
    let ok = 0;
    const fixed: TimerFunction = { ...job, name: `recovers-${Date.now()}`, run: async () => (++ok === 1 ? Promise.reject(new Error('once')) : 'done') };
    await runIfDue(fixed, stack.rt, new Date('2026-11-23T09:01:00Z')).catch(() => undefined);
    expect(await runIfDue(fixed, stack.rt, new Date('2026-11-23T09:06:00Z'))).toMatchObject({ ran: true, summary: 'done' });
    expect(await runIfDue(fixed, stack.rt, new Date('2026-11-23T09:11:00Z'))).toMatchObject({ ran: false, reason: 'claimed' });
  });

  it('run an occurrence in the hour the autumn change repeats once, not twice', async () => {
    let runs = 0;
    const job: TimerFunction = { kind: 'timer', name: `night-${Date.now()}`, schedule: '0 30 1 * * *', description: 'x', run: () => Promise.resolve(`ran ${++runs}`) };
    expect(await runIfDue(job, stack.rt, new Date('2026-10-25T00:31:00Z'))).toMatchObject({ ran: true }); // 01:31 BST
    expect(await runIfDue(job, stack.rt, new Date('2026-10-25T01:31:00Z'))).toMatchObject({ ran: false, reason: 'claimed' }); // 01:31 GMT
    expect(runs).toBe(1);
  });

  it('catch up on an occurrence missed while the host was down, but not on stale ones', async () => {
    let runs = 0;
    const job: TimerFunction = { kind: 'timer', name: `catchup-${Date.now()}`, schedule: '0 0 9 * * MON', description: 'x', run: () => Promise.resolve(`ran ${++runs}`) };
    expect(await runIfDue(job, stack.rt, new Date('2026-11-23T15:00:00Z'))).toMatchObject({ ran: true, occurrence: '2026-11-23T09:00:00.000Z' });
    expect(await runIfDue(job, stack.rt, new Date('2026-11-26T15:00:00Z'))).toMatchObject({ ran: false, reason: 'not-due' });
  });
});
