// Teams answering every send with 500 or 503. A storm shorter than the retry budget costs nothing:
// everyone gets exactly one message, nothing is poisoned. A storm that outlasts it ends every
// delivery as failed, with the reason, and L&D's report still goes out: nothing is left stuck.
import { afterEach, describe, expect, it } from 'vitest';
import { MAX_DELIVERY_ATTEMPTS } from '../../app/messaging/delivery';
import { runOfferUpkeep } from '../../jobs/offers';
import { poisonQueueName, queueName } from '../../store/queues';
import { cardText } from '../support/cards';
import { REQUESTS_PER_SEND_ATTEMPT, startTestStack, type TestStack } from '../support/stack';
import * as teams from '../support/teams';
import { isInvite, ldAdmin, sendOfferToSocialWorkers } from './learningOffer';
import { attemptsInto, installedPeople, sendsPerConversation, tallyBatch } from './ledger';

/** Requests one delivery attempt makes: the send and 3 retries (botbuilder's own, or the outbox's on the Teams SDK). */
const REQUESTS_PER_ATTEMPT = REQUESTS_PER_SEND_ATTEMPT;

describe('a storm of Teams server errors', () => {
  let stack: TestStack | undefined;
  afterEach(async () => stack?.stop());

  const poisoned = async (s: TestStack) => (await s.rt.queues.byDeployedName(poisonQueueName(queueName(s.config.storage, 'outbox'))).peekMessages({ numberOfMessages: 32 })).peekedMessageItems.length;

  it('shorter than the retry budget: everyone gets exactly one message, nothing poisoned', async () => {
    stack = await startTestStack();
    const s = stack;
    const people = await installedPeople(s, 8);
    const started = Date.now();
    const until = started + 10_000;
    people.forEach((p, i) => s.connector.storms.push({ status: i % 2 ? 503 : 500, until, conversationId: teams.personalConversationId(p) }));
    for (const p of people) await s.rt.outbox.sendText(s.tenantId, 'storm', p.aadObjectId, 'After the storm');

    await expect.poll(async () => (await tallyBatch(s, 'storm')).open.length, { timeout: 45_000, interval: 250 }).toBe(0);
    const tally = await tallyBatch(s, 'storm');
    expect(tally.byState).toEqual({ sent: 8 });
    const sends = sendsPerConversation(s.connector, (a) => a.activity.text === 'After the storm');
    expect(sends.size).toBe(8);
    expect([...sends.values()].every((n) => n === 1)).toBe(true);
    for (const p of people) {
      const attempts = attemptsInto(s.connector, teams.personalConversationId(p), started);
      expect(attempts.filter((a) => a.status >= 500).length).toBeGreaterThanOrEqual(2); // the storm did hit everyone
      // Accepted exactly once, after the storm (other sends into the chat, such as the greeting, are not counted).
      const delivered = s.connector.sent.filter((a) => a.activity.text === 'After the storm' && a.conversationId === teams.personalConversationId(p));
      expect(delivered).toHaveLength(1);
      expect(delivered[0]!.at).toBeGreaterThanOrEqual(until);
    }
    expect(tally.rows.every((d) => d.attempts < MAX_DELIVERY_ATTEMPTS)).toBe(true);
    expect(await poisoned(s)).toBe(0);
    expect(s.logs.filter((l) => /delivery\.(failed|poisoned)|moved message/.test(l.event))).toEqual([]);
  }, 60_000);

  it('longer than the retry budget: every delivery fails with its reason, L&D is told, nothing is stuck', async () => {
    stack = await startTestStack();
    const s = stack;
    const admin = await ldAdmin(s);
    const people = await installedPeople(s, 5);
    // Teams unwell for longer than Weave keeps trying. It asks for a second between tries, which
    // keeps this test short; the number of tries, not their spacing, is what runs out.
    const started = Date.now();
    for (const p of people) s.connector.storms.push({ status: 503, retryAfterSeconds: 1, until: started + 300_000, conversationId: teams.personalConversationId(p) });
    const { batch } = await sendOfferToSocialWorkers(s, admin);

    await expect.poll(async () => {
      const { rows, open } = await tallyBatch(s, batch);
      return rows.length === people.length && open.length === 0;
    }, { timeout: 50_000, interval: 250 }).toBe(true);
    const tally = await tallyBatch(s, batch);
    expect(tally.byState).toEqual({ failed: 5 });
    for (const d of tally.rows) expect(d).toMatchObject({ attempts: MAX_DELIVERY_ATTEMPTS, lastError: 'Teams answered 503' });
    // Every try reached Teams, and once the rows are final nothing more is sent. (How many requests
    // botbuilder makes inside each try varies with timing, so the count is bounded, not exact.)
    const triedAtEnd = people.map((p) => attemptsInto(s.connector, teams.personalConversationId(p), started).length);
    await new Promise((r) => setTimeout(r, 2000));
    expect(people.map((p) => attemptsInto(s.connector, teams.personalConversationId(p), started).length)).toEqual(triedAtEnd);
    for (const n of triedAtEnd) expect(n).toBeGreaterThanOrEqual(MAX_DELIVERY_ATTEMPTS);
    for (const n of triedAtEnd) expect(n).toBeLessThanOrEqual(MAX_DELIVERY_ATTEMPTS * (REQUESTS_PER_ATTEMPT + 1));
    expect(s.connector.sent.filter(isInvite)).toEqual([]);
    expect(await poisoned(s)).toBe(0); // a Teams failure is the delivery's to count, not the queue's

    // The upkeep job sees every delivery ended and sends L&D the report, with the reason.
    expect(await runOfferUpkeep(s.rt)).toContain('reported 1');
    const report = await s.connector.waitFor((a) => a.conversationId === teams.personalConversationId(admin) && JSON.stringify(a.activity).includes('Every delivery has ended'), 10_000);
    const text = cardText((report.activity.attachments as { content: unknown }[])[0]!.content);
    expect(text).toMatch(/Failed\s+5/);
    expect(text).toContain('Failed because: Teams answered 503');
  }, 60_000);
});
