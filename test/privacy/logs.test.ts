// Logs carry event names, ids, counts and codes: never what people typed about themselves.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { hrRecord, startTestStack, type TestStack } from '../support/stack';
import { testUser } from '../support/teams';

const cardIdOf = (card: Record<string, unknown>) => (card.actions as { data: { cardId: string } }[])[0]!.data.cardId;

describe('what Weave logs', () => {
  let stack: TestStack;
  const sam = testUser('Sam Okafor', 'sam.okafor@example.org');
  const jo = testUser('Jo Reed', 'jo.reed@example.org');
  beforeEach(async () => {
    stack = await startTestStack();
    await stack.seed([hrRecord(sam, { profession: 'manager', careerStage: 'manager', roles: ['practitioner', 'manager'] })]);
    await stack.install(sam);
  });
  afterEach(async () => stack?.stop());

  it('never includes text people typed, even when they get it wrong', async () => {
    const secret = 'ZEBRA-7731';
    stack.connector.members.set(jo.teamsId, { id: jo.teamsId, aadObjectId: jo.aadObjectId, name: jo.name, email: jo.email });
    const { cards } = await stack.install(jo);
    const base = { jobTitle: `Worker ${secret}`, profession: 'family_support_worker', team: `Team ${secret}`, careerStage: 'experienced', registrationBody: 'none', registrationNumber: '' };
    await stack.act(jo, 'onboarding.submit', { cardId: cardIdOf(cards[0]!), ...base, managerEmail: `${secret.toLowerCase()}@nowhere.example` });
    await stack.act(jo, 'onboarding.submit', { cardId: cardIdOf(cards[0]!), ...base, managerEmail: sam.email });
    await stack.drainOutbox();
    const profile = await stack.message(jo, 'profile');
    await stack.act(jo, 'profile.save', { cardId: cardIdOf(profile.cards[0]!), ...base, managerEmail: sam.email, preferredName: `Pref ${secret}`, supervisorEmail: '', workingDays: '1' });
    await stack.message(jo, `tell me about ${secret}`);

    expect(stack.logs.length).toBeGreaterThan(5);
    const logged = JSON.stringify(stack.logs);
    expect(logged).not.toContain(secret);
    expect(logged.toLowerCase()).not.toContain(secret.toLowerCase());
  });
});
