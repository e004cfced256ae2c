// A worker killed halfway through a broadcast, and another taking over: every recipient still gets
// exactly one card. The first worker is a real process, killed with SIGKILL while Teams (the fake
// connector) is holding its sends unanswered; the second finds the deliveries it left and finishes.
import { spawn } from 'node:child_process';
import { inject } from 'vitest';
import { afterEach, describe, expect, it } from 'vitest';
import { sweepOutbox } from '../../jobs/outboxSweep';
import { startLocalHost } from '../../functions/local/host';
import { hrRecord, startTestStack, testClock, type TestStack } from '../support/stack';
import * as teams from '../support/teams';
import { cardIdIn } from '../support/cards';

describe('a broadcast interrupted by a crash', () => {
  let stack: TestStack | undefined;
  afterEach(async () => stack?.stop());

  it('reaches everyone exactly once after the worker is killed and another takes over', async () => {
    const start = new Date();
    const clock = testClock(start);
    stack = await startTestStack({ clock, queues: false });
    const s = stack;
    const admin = teams.testUser('Morgan Ellis', 'morgan.ellis@example.org');
    const people = Array.from({ length: 60 }, (_, i) => teams.testUser(`Person ${i}`, `person.${i}@example.org`));
    await s.seed([
      hrRecord(admin, { profession: 'business_support', team: 'Workforce Development', roles: ['practitioner', 'ld_admin'], registrationBody: 'none' }),
      ...people.map((p) => hrRecord(p)),
    ]);
    for (const u of [admin, ...people]) await s.install(u);

    const day = (n: number) => new Date(start.getTime() + n * 86_400_000).toISOString().slice(0, 10);
    const { cards } = await s.message(admin, 'new offer');
    const cardId = cardIdIn(cards[0]);
    await s.act(admin, 'offer.preview', {
      cardId, title: 'Reflective learning set', description: 'Monthly, across professions.', format: 'reflective_learning_set', date: day(20), time: '14:00',
      durationMinutes: '90', location: 'Civic Centre', onlineUrl: '', capacity: '12', cpdHours: '1.5', closesOn: day(18), codes: 'CC5', professions: 'social_worker',
      teams: '', registration: 'any', withNeed: 'false',
    });
    // Teams holds every send unanswered until we say.
    s.connector.stall.on = true;
    expect((await s.act(admin, 'offer.send', { cardId })).status).toBe(200);

    const env = {
      ...process.env, WEAVE_MODE: 'local', WEAVE_TENANT_ID: s.tenantId, AzureWebJobsStorage: inject('storageConnectionString'),
      WEAVE_STORAGE_PREFIX: s.config.storage.prefix, WEAVE_SEND_RATE: '50',
    };
    const worker = spawn(process.execPath, ['--import', 'tsx', 'test/support/queueWorker.ts'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    const invites = () => s.connector.sent.filter((a) => JSON.stringify(a.activity).includes('offer.book'));
    try {
      // Let about half through, then hold the rest in flight and kill the worker mid-broadcast.
      await expect.poll(async () => (await s.rt.offers.list(s.tenantId))[0]?.fannedOutAt ?? null, { timeout: 20_000 }).not.toBeNull();
      s.connector.stall.release();
      await expect.poll(() => invites().length, { timeout: 20_000 }).toBeGreaterThanOrEqual(30);
      s.connector.stall.on = true;
      await new Promise((r) => setTimeout(r, 300));
    } finally {
      worker.kill('SIGKILL');
    }
    await new Promise((r) => worker.once('exit', r));
    await new Promise((r) => setTimeout(r, 200));
    const before = invites().length;
    expect(before).toBeLessThan(60);
    s.connector.stall.release();

    // A new worker, later: it sweeps up what the dead one left (its leases have run out) and finishes.
    clock.set(new Date(start.getTime() + 15 * 60_000));
    const host = await startLocalHost(s.rt, { port: 0, timers: false, queue: { minPollingMs: 10, maxPollingMs: 50 } });
    try {
      await sweepOutbox(s.rt);
      await expect.poll(() => invites().length, { timeout: 30_000 }).toBeGreaterThanOrEqual(60);
      await new Promise((r) => setTimeout(r, 500));
    } finally {
      await host.stop();
    }
    const perPerson = new Map<string, number>();
    for (const a of invites()) perPerson.set(a.conversationId, (perPerson.get(a.conversationId) ?? 0) + 1);
    expect(perPerson.size).toBe(60);
    expect([...perPerson.entries()].filter(([, n]) => n !== 1)).toEqual([]);
    expect(before).toBeGreaterThanOrEqual(30);
  }, 90_000);
});
