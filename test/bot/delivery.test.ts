// Proactive delivery through the outbox queue: one message per person, whatever Teams answers.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { deliver } from '../../app/messaging/delivery';
import { shardKey } from '../../store/shards';
import { hrRecord, REQUESTS_PER_SEND_ATTEMPT, startTestStack, testClock, type TestStack } from '../support/stack';
import { personalConversationId, testUser } from '../support/teams';

describe('the outbox', () => {
  let stack: TestStack;
  const ana = testUser('Ana Costa', 'ana.costa@example.org');
  const ben = testUser('Ben Ito', 'ben.ito@example.org');

  const clock = testClock('2026-11-23T09:00:00Z');
  beforeEach(async () => {
    clock.set('2026-11-23T09:00:00Z');
    stack = await startTestStack({ clock });
    await stack.seed([hrRecord(ana), hrRecord(ben)]);
    await stack.install(ana);
  });
  afterEach(async () => stack?.stop());

  const deliveryOf = (batch: string, who = ana) => stack.rt.deliveries.get(batch, who.aadObjectId);

  it('sends a queued message once, even when it is queued twice', async () => {
    await stack.rt.outbox.sendText(stack.tenantId, 'notice-1', ana.aadObjectId, 'Hello from the outbox');
    await stack.rt.outbox.sendText(stack.tenantId, 'notice-1', ana.aadObjectId, 'Hello from the outbox');
    await stack.rt.outbox.requeue({ batch: 'notice-1', recipientId: ana.aadObjectId }); // a duplicate queue message
    await stack.drainOutbox();
    expect(stack.connector.to(personalConversationId(ana)).filter((s) => s.activity.text === 'Hello from the outbox')).toHaveLength(1);
    expect(await deliveryOf('notice-1')).toMatchObject({ state: 'sent', attempts: 1 });
  });

  it('finds a chat recorded before the conversations table was sharded, moves it into its shard, and sends once', async () => {
    const rowKey = ana.aadObjectId.toLowerCase();
    const client = stack.rt.tables.client('conversations');
    const sharded = await client.getEntity<Record<string, unknown>>(shardKey(stack.tenantId, rowKey), rowKey);
    const { etag: _etag, timestamp: _timestamp, partitionKey: _pk, ...fields } = sharded;
    await client.createEntity({ ...fields, partitionKey: stack.tenantId, rowKey });
    await client.deleteEntity(shardKey(stack.tenantId, rowKey), rowKey);
    expect((await stack.rt.conversations.list(stack.tenantId)).map((c) => c.aadObjectId)).toEqual([rowKey]);

    await stack.rt.outbox.sendText(stack.tenantId, 'after-upgrade', ana.aadObjectId, 'Still here');
    await stack.drainOutbox();
    expect(stack.connector.to(personalConversationId(ana)).filter((s) => s.activity.text === 'Still here')).toHaveLength(1);
    await expect(client.getEntity(stack.tenantId, rowKey)).rejects.toMatchObject({ statusCode: 404 });
    expect((await client.getEntity(shardKey(stack.tenantId, rowKey), rowKey)).rowKey).toBe(rowKey);
  });

  it('lets only one of two concurrent workers send', async () => {
    await stack.rt.deliveries.create({ batch: 'race', recipientId: ana.aadObjectId, tenantId: stack.tenantId, message: { kind: 'text', text: 'once' }, createdAt: new Date().toISOString() });
    const results = await Promise.all([1, 2, 3].map(() => deliver(stack.rt, { batch: 'race', recipientId: ana.aadObjectId })));
    expect(results.filter((r) => r === 'sent')).toHaveLength(1);
    expect(stack.connector.to(personalConversationId(ana)).filter((s) => s.activity.text === 'once')).toHaveLength(1);
  });

  it('waits out a 429 for as long as Teams asks, then delivers', async () => {
    stack.connector.faults.push({ status: 429, retryAfterSeconds: 1 }, { status: 429, retryAfterSeconds: 1 }, { status: 429, retryAfterSeconds: 1 }, { status: 429, retryAfterSeconds: 1 });
    const started = Date.now();
    await stack.rt.outbox.sendText(stack.tenantId, 'throttled', ana.aadObjectId, 'after the storm');
    const sent = await stack.connector.waitFor((s) => s.activity.text === 'after the storm', 15_000);
    expect(sent.at - started).toBeGreaterThanOrEqual(900);
    await expect.poll(async () => (await deliveryOf('throttled'))?.state).toBe('sent');
    expect(stack.connector.to(personalConversationId(ana)).filter((s) => s.activity.text === 'after the storm')).toHaveLength(1);
  });

  it('marks someone who blocked the app as unreachable, and does not try again', async () => {
    stack.connector.blocked.add(personalConversationId(ana));
    await stack.rt.outbox.sendText(stack.tenantId, 'blocked', ana.aadObjectId, 'are you there?');
    await stack.drainOutbox();
    expect(await deliveryOf('blocked')).toMatchObject({ state: 'unreachable', lastError: 'Teams answered 403' });
    expect((await stack.rt.conversations.get(stack.tenantId, ana.aadObjectId))?.status).toBe('unreachable');

    await stack.rt.outbox.sendText(stack.tenantId, 'blocked-2', ana.aadObjectId, 'still there?');
    await stack.drainOutbox();
    expect(await deliveryOf('blocked-2')).toMatchObject({ state: 'unreachable' });
    expect(stack.connector.requests.filter((r) => r.status === 403)).toHaveLength(1);
  });

  it("reports people who never installed Weave as not installed", async () => {
    await stack.rt.outbox.sendText(stack.tenantId, 'nobody-home', ben.aadObjectId, 'hello?');
    await stack.drainOutbox();
    expect(await deliveryOf('nobody-home', ben)).toMatchObject({ state: 'not_installed' });
  });

  it('gives up on a message Teams refuses outright, and records why', async () => {
    stack.connector.faults.push({ status: 400 });
    await stack.rt.outbox.sendText(stack.tenantId, 'refused', ana.aadObjectId, 'malformed?');
    await stack.drainOutbox();
    expect(await deliveryOf('refused')).toMatchObject({ state: 'failed', lastError: 'Teams refused the message with 400' });
  });

  it('gives up after its last attempt at a Teams that keeps failing (botbuilder retries each attempt 3 times itself)', async () => {
    for (let i = 0; i < REQUESTS_PER_SEND_ATTEMPT; i++) stack.connector.faults.push({ status: 503 });
    await stack.rt.deliveries.create({ batch: 'unwell', recipientId: ana.aadObjectId, tenantId: stack.tenantId, message: { kind: 'text', text: 'x' }, createdAt: new Date().toISOString() });
    await stack.rt.tables.client('deliveries').updateEntity({ partitionKey: shardKey('unwell', ana.aadObjectId), rowKey: ana.aadObjectId, attempts: 4 }, 'Merge');
    // Four attempts already made; this is the fifth and last.
    expect(await deliver(stack.rt, { batch: 'unwell', recipientId: ana.aadObjectId })).toBe('failed');
    expect(await deliveryOf('unwell')).toMatchObject({ state: 'failed', lastError: 'Teams answered 503', attempts: 5 });
    expect(stack.connector.requests.filter((r) => r.status === 503)).toHaveLength(REQUESTS_PER_SEND_ATTEMPT);
  });

  it('lets go of a delivery when its own code fails, so the queue retries it and finally gives up', async () => {
    const stranger = testUser('Nobody Known', 'nobody@example.org');
    await stack.install(stranger); // installed, but not in the directory: a profile card for them cannot render
    await stack.rt.outbox.sendCard({ tenantId: stack.tenantId, batch: 'broken', recipientId: stranger.aadObjectId, kind: 'profile', context: { etag: '' } });
    await expect.poll(async () => (await deliveryOf('broken', stranger))?.state, { timeout: 10_000 }).toBe('failed');
    expect(await deliveryOf('broken', stranger)).toMatchObject({ attempts: 5 });
    expect(stack.logs.some((l) => l.event === 'delivery.poisoned')).toBe(true);
  });

  it('takes over from a worker that died: its message, handed out again, comes back when the lease ends', async () => {
    await stack.rt.deliveries.create({ batch: 'held', recipientId: ana.aadObjectId, tenantId: stack.tenantId, message: { kind: 'text', text: 'held' }, createdAt: new Date().toISOString() });
    const row = (await deliveryOf('held'))!;
    const now = stack.rt.clock.now();
    await stack.rt.deliveries.claim(row, now.toISOString(), new Date(now.getTime() + 2_000).toISOString()); // a worker that then dies
    // A first-time duplicate is dropped: the holder's own message is still on the queue.
    expect(await deliver(stack.rt, { batch: 'held', recipientId: ana.aadObjectId })).toBe('busy');
    expect(await stack.rt.queues.approximateCount('outbox')).toBe(0);
    // The holder's message, handed out again after it died, looks again once the lease ends.
    expect(await deliver(stack.rt, { batch: 'held', recipientId: ana.aadObjectId }, { redelivered: true })).toBe('busy');
    await new Promise((r) => setTimeout(r, 1000));
    expect((await deliveryOf('held'))?.state).toBe('sending'); // not before the lease ends
    clock.set(new Date(now.getTime() + 3_000));
    await expect.poll(async () => (await deliveryOf('held'))?.state, { timeout: 10_000 }).toBe('sent');
    expect(stack.connector.to(personalConversationId(ana)).filter((s) => s.activity.text === 'held')).toHaveLength(1);
  });

  it('has the sweep recover a delivery whose worker died and whose message is gone', async () => {
    await stack.rt.deliveries.create({ batch: 'lost', recipientId: ana.aadObjectId, tenantId: stack.tenantId, message: { kind: 'text', text: 'lost' }, createdAt: new Date().toISOString() });
    const row = (await deliveryOf('lost'))!;
    const now = stack.rt.clock.now();
    await stack.rt.deliveries.claim(row, now.toISOString(), new Date(now.getTime() + 60_000).toISOString());
    const { sweepOutbox } = await import('../../jobs/outboxSweep');
    clock.set(new Date(now.getTime() + 30_000));
    expect(await sweepOutbox(stack.rt)).toBe('nothing stuck');
    clock.set(new Date(now.getTime() + 120_000)); // the lease has run out
    expect(await sweepOutbox(stack.rt)).toBe('re-queued 1 stuck delivery');
    await expect.poll(async () => (await deliveryOf('lost'))?.state).toBe('sent');
    expect(stack.connector.to(personalConversationId(ana)).filter((s) => s.activity.text === 'lost')).toHaveLength(1);
  });

  it('leaves alone a delivery waiting out a long Retry-After', async () => {
    stack.connector.faults.push(...Array.from({ length: 4 }, () => ({ status: 429, retryAfterSeconds: 1 })));
    await stack.rt.deliveries.create({ batch: 'patient', recipientId: ana.aadObjectId, tenantId: stack.tenantId, message: { kind: 'text', text: 'later' }, createdAt: new Date().toISOString() });
    expect(await deliver(stack.rt, { batch: 'patient', recipientId: ana.aadObjectId })).toBe('retrying');
    const waiting = (await deliveryOf('patient'))!;
    expect(waiting.state).toBe('queued');
    expect(Date.parse(waiting.notBefore)).toBeGreaterThan(stack.rt.clock.now().getTime());
    const { sweepOutbox } = await import('../../jobs/outboxSweep');
    expect(await sweepOutbox(stack.rt)).toBe('nothing stuck');
  });
});
