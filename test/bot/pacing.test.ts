// Proactive sends keep to the app's budget with Teams: whatever the number of concurrent
// deliveries, a connector allowing a little over the configured rate never has to throttle.
import { afterEach, describe, expect, it } from 'vitest';
import { hrRecord, startTestStack, type TestStack } from '../support/stack';
import { TEAMS_LIMITS } from '../support/teamsLimits';
import * as teams from '../support/teams';

describe('send pacing', () => {
  let stack: TestStack | undefined;
  afterEach(async () => stack?.stop());

  it('keeps every one-second window within the limit, so Teams never answers 429', async () => {
    stack = await startTestStack({ env: { WEAVE_SEND_RATE: '5' } });
    const people = Array.from({ length: 16 }, (_, i) => teams.testUser(`Person ${i}`, `p${i}@example.org`));
    await stack.seed(people.map((p) => hrRecord(p)));
    for (const p of people) await stack.install(p);
    stack.connector.limits = { ...TEAMS_LIMITS, app: [{ count: 6, seconds: 1 }] };
    // The greetings the installs sent count against Teams' window too: start with it empty.
    await new Promise((r) => setTimeout(r, 1100));
    for (const p of people) await stack.rt.outbox.sendText(stack.tenantId, 'paced', p.aadObjectId, 'Hello');
    await stack.drainOutbox(15_000);
    expect(stack.connector.requests.filter((r) => r.status === 429)).toEqual([]);
    expect(stack.connector.sent.filter((a) => a.activity.text === 'Hello')).toHaveLength(16);
  }, 30_000);
});
