// Teams throttling with 429 and Retry-After. Per conversation: nothing goes into a conversation
// before the Retry-After it was given has passed. For the app: once a send has been throttled past
// botbuilder's own retries, no new send starts anywhere until its Retry-After has passed. Either
// way everyone gets exactly one message.
import { afterEach, describe, expect, it } from 'vitest';
import { REQUESTS_PER_SEND_ATTEMPT, startTestStack, type TestStack } from '../support/stack';
import * as teams from '../support/teams';
import { attemptsInto, installedPeople, sendsPerConversation, tallyBatch } from './ledger';

/** Requests one delivery attempt makes: the send and 3 retries (botbuilder's own, or the outbox's on the Teams SDK). */
const REQUESTS_PER_ATTEMPT = REQUESTS_PER_SEND_ATTEMPT;
/**
 * How early a wait may look by the connector's clock. botbuilder waits out a Retry-After with
 * setTimeout, which counts from the event loop's cached time — a few ms behind Date.now() on a busy
 * machine — so a 3 s wait can measure 2,999 ms. Teams' Retry-After is in whole seconds.
 */
const TIMER_SLACK_MS = 25;

describe('Teams throttling', () => {
  let stack: TestStack | undefined;
  afterEach(async () => stack?.stop());

  it('per conversation: waits out every Retry-After, then delivers once', async () => {
    stack = await startTestStack();
    const s = stack;
    const people = await installedPeople(s, 4);
    const retryAfterSeconds = 2;
    // One 429 more than an attempt makes requests (botbuilder retries inside a send), so Weave's own requeue waits too.
    for (const p of people) {
      for (let i = 0; i < REQUESTS_PER_ATTEMPT + 1; i++) s.connector.faults.push({ status: 429, retryAfterSeconds, conversationId: teams.personalConversationId(p) });
    }
    const started = Date.now();
    for (const p of people) await s.rt.outbox.sendText(s.tenantId, 'slow-down', p.aadObjectId, 'Thanks for waiting');

    await expect.poll(async () => (await tallyBatch(s, 'slow-down')).open.length, { timeout: 45_000, interval: 250 }).toBe(0);
    for (const p of people) {
      const attempts = attemptsInto(s.connector, teams.personalConversationId(p), started);
      expect(attempts.map((a) => a.status)).toEqual([...Array<number>(REQUESTS_PER_ATTEMPT + 1).fill(429), 200]);
      for (let i = 1; i < attempts.length; i++) expect(attempts[i]!.at - attempts[i - 1]!.at).toBeGreaterThanOrEqual(retryAfterSeconds * 1000 - TIMER_SLACK_MS);
    }
    const tally = await tallyBatch(s, 'slow-down');
    expect(tally.byState).toEqual({ sent: 4 });
    const attemptsEach = Math.ceil((REQUESTS_PER_ATTEMPT + 2) / REQUESTS_PER_ATTEMPT);
    expect(tally.rows.map((d) => d.attempts)).toEqual([attemptsEach, attemptsEach, attemptsEach, attemptsEach]);
    expect([...sendsPerConversation(s.connector, (a) => a.activity.text === 'Thanks for waiting').values()]).toEqual([1, 1, 1, 1]);
  }, 60_000);

  it('for the whole app: starts nothing new until Retry-After has passed, then delivers once', async () => {
    stack = await startTestStack();
    const s = stack;
    const people = await installedPeople(s, 24);
    const retryAfterSeconds = 3;
    const started = Date.now();
    // Every send throttled for 12 s: longer than botbuilder's 3 retries at 3 s apart.
    const until = started + 12_000;
    s.connector.storms.push({ status: 429, retryAfterSeconds, until });
    for (const p of people) await s.rt.outbox.sendText(s.tenantId, 'burst', p.aadObjectId, 'Throttled but here');

    await expect.poll(async () => (await tallyBatch(s, 'burst')).open.length, { timeout: 45_000, interval: 250 }).toBe(0);
    const perConversation = people.map((p) => attemptsInto(s.connector, teams.personalConversationId(p), started));
    // Each throttled send waited its Retry-After before trying again.
    for (const attempts of perConversation) {
      for (let i = 1; i < attempts.length; i++) if (attempts[i - 1]!.status === 429) expect(attempts[i]!.at - attempts[i - 1]!.at).toBeGreaterThanOrEqual(retryAfterSeconds * 1000 - TIMER_SLACK_MS);
    }
    // The first send throttled past botbuilder's retries holds the app: nobody's first try falls in its Retry-After.
    const throttledOut = perConversation.filter((a) => a.length >= REQUESTS_PER_ATTEMPT && a.slice(0, REQUESTS_PER_ATTEMPT).every((x) => x.status === 429));
    expect(throttledOut.length).toBeGreaterThan(0);
    const heldFrom = Math.min(...throttledOut.map((a) => a[REQUESTS_PER_ATTEMPT - 1]!.at));
    const startedWhileHeld = perConversation.filter((a) => a[0]!.at > heldFrom && a[0]!.at < heldFrom + retryAfterSeconds * 1000);
    expect(startedWhileHeld).toEqual([]);
    expect(s.connector.requests.filter((r) => r.at >= until && r.status === 429)).toEqual([]);

    const tally = await tallyBatch(s, 'burst');
    expect(tally.byState).toEqual({ sent: 24 });
    const sends = sendsPerConversation(s.connector, (a) => a.activity.text === 'Throttled but here');
    expect(sends.size).toBe(24);
    expect([...sends.values()].every((n) => n === 1)).toBe(true);
  }, 60_000);
});
