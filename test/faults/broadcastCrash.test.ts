// A worker killed halfway through a broadcast, and another taking over: every recipient still gets
// exactly one card. The first worker is a real process, killed with SIGKILL while Teams (the fake
// connector) is holding its sends unanswered; the second finds the deliveries it left and finishes.
import { spawn } from 'node:child_process';
import { inject } from 'vitest';
import { afterEach, describe, expect, it } from 'vitest';
import { sweepOutbox } from '../../jobs/outboxSweep';
import { startLocalHost } from '../../functions/local/host';
import { startTestStack, testClock, type TestStack } from '../support/stack';
import { installedPeople } from './ledger';
import { isInvite, ldAdmin, sendOfferToSocialWorkers } from './learningOffer';

describe('a broadcast interrupted by a crash', () => {
  let stack: TestStack | undefined;
  afterEach(async () => stack?.stop());

  it('reaches everyone exactly once after the worker is killed and another takes over', async () => {
    const start = new Date();
    const clock = testClock(start);
    stack = await startTestStack({ clock, queues: false });
    const s = stack;
    const admin = await ldAdmin(s);
    await installedPeople(s, 60); // social workers, the offer's audience
    // Teams holds every send unanswered until we say.
    await sendOfferToSocialWorkers(s, admin, () => { s.connector.stall.on = true; });

    const env = {
      ...process.env, WEAVE_MODE: 'local', WEAVE_TENANT_ID: s.tenantId, AzureWebJobsStorage: inject('storageConnectionString'),
      WEAVE_STORAGE_PREFIX: s.config.storage.prefix, WEAVE_SEND_RATE: '50',
    };
    const worker = spawn(process.execPath, ['--import', 'tsx', 'test/support/queueWorker.ts'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    const invites = () => s.connector.sent.filter(isInvite);
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
