// Storage (Azurite) stopped in the middle of a learning offer's broadcast, kept down, and started
// again with its data: the broadcast resumes and every person gets exactly one invitation; the
// deliveries table ends with as many sent as Teams received; a person who writes to Weave during
// the outage gets a prompt apology. This file runs its own Azurite, on disk, on fixed ports, so it
// can be restarted where it was; the shared test Azurite is never touched.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SORRY } from '../../bot/teams/adapter';
import { startLocalHost, type LocalHost } from '../../functions/local/host';
import { runOfferUpkeep } from '../../jobs/offers';
import { sweepOutbox, STUCK_AFTER_MINUTES } from '../../jobs/outboxSweep';
import { startEmbeddedAzurite, type RunningAzurite } from '../../local/azurite';
import { cardText } from '../support/cards';
import { freePort } from '../support/ports';
import { activityOptions, startTestStack, testClock, type TestStack } from '../support/stack';
import * as teams from '../support/teams';
import { isInvite, ldAdmin, sendOfferToSocialWorkers } from './learningOffer';
import { installedPeople, sendsPerConversation, tallyBatch } from './ledger';

const PEOPLE = 60;
const DOWN_MS = 8_000;

describe('storage stopped and started again mid-broadcast', () => {
  let stack: TestStack | undefined;
  let worker: LocalHost | undefined;
  let azurite: RunningAzurite | undefined;
  const location = mkdtempSync(join(tmpdir(), 'weave-outage-'));
  afterEach(async () => {
    await worker?.stop();
    await stack?.stop();
    await azurite?.stop().catch(() => {}); // already stopped, if the test failed during the outage
    rmSync(location, { recursive: true, force: true });
  });

  it('resumes: one invitation each, every delivery final, sent rows equal to sends received', async () => {
    const ports = { tablePort: await freePort(), queuePort: await freePort() };
    azurite = await startEmbeddedAzurite({ location, ...ports });
    const start = new Date();
    const clock = testClock(start);
    stack = await startTestStack({ clock, queues: false, env: { AzureWebJobsStorage: azurite.connectionString, WEAVE_SEND_RATE: '5' } });
    const s = stack;
    const hostLog = (level: string, source: string, message: string) => s.logs.push({ level: 'host', event: message, fields: { source, level } });
    // A short lease: a message whose handler could not settle it comes back in seconds, not ten minutes.
    worker = await startLocalHost(s.rt, { port: 0, timers: false, queue: { minPollingMs: 10, maxPollingMs: 50, leaseSeconds: 10 }, log: hostLog });
    const admin = await ldAdmin(s);
    const people = await installedPeople(s, PEOPLE);
    // Teams takes a moment over each send, so some are in flight, accepted but not yet recorded, when storage goes.
    s.connector.delayMs = 1500;
    const { offerId, batch } = await sendOfferToSocialWorkers(s, admin);

    await expect.poll(() => s.connector.sent.filter(isInvite).length, { timeout: 20_000, interval: 50 }).toBeGreaterThanOrEqual(20);
    await azurite.stop();
    const downAt = Date.now();

    // Someone writes to Weave while storage is down: a prompt apology, not a hang or an error page.
    const writer = people[0]!;
    const res = await s.post(teams.personalMessage(writer, 'my plan', activityOptions(s)));
    expect(res.status).toBe(200);
    expect(Date.now() - downAt).toBeLessThan(15_000); // Teams gives up on a bot after 15 s
    expect(s.repliesTo(writer).texts).toEqual([SORRY]);

    await new Promise((r) => setTimeout(r, Math.max(0, DOWN_MS - (Date.now() - downAt))));
    const whileDown = s.connector.sent.filter(isInvite).length;
    azurite = await startEmbeddedAzurite({ location, ...ports });
    // Generous: on a busy machine (two cores shared with a browser) catching up has taken over 40 s.
    await s.drainOutbox(70_000);
    // What the outbox-sweep timer does every five minutes, once the leases the outage interrupted have run out.
    clock.set(new Date(start.getTime() + (STUCK_AFTER_MINUTES + 5) * 60_000));
    await sweepOutbox(s.rt);
    await s.drainOutbox(20_000);

    const tally = await tallyBatch(s, batch);
    const invites = sendsPerConversation(s.connector, isInvite);
    expect(whileDown).toBeLessThan(PEOPLE); // the outage did stop the broadcast partway
    expect(s.logs.some((l) => l.event === 'delivery.record_retry')).toBe(true); // and caught sends Teams had accepted
    expect(invites.size).toBe(PEOPLE);
    expect([...invites.values()].filter((n) => n !== 1)).toEqual([]);
    expect(tally.open).toEqual([]);
    expect(tally.byState).toEqual({ sent: PEOPLE });
    expect(tally.rows.filter((d) => d.activityId).length).toBe(s.connector.sent.filter(isInvite).length);

    // The job finishes too: L&D get the final report.
    s.connector.delayMs = 0;
    expect(await runOfferUpkeep(s.rt)).toContain('reported 1');
    expect((await s.rt.offers.get(s.tenantId, offerId))?.status).toBe('sent');
    const report = await s.connector.waitFor((a) => a.conversationId === teams.personalConversationId(admin) && JSON.stringify(a.activity).includes('Every delivery has ended'), 10_000);
    expect(cardText((report.activity.attachments as { content: unknown }[])[0]!.content)).toMatch(new RegExp(`Sent\\s+${PEOPLE}`));
  }, 150_000);
});
