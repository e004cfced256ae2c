import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cardText } from '../support/cards';
import { hrRecord, startTestStack, type TestStack } from '../support/stack';
import { testUser } from '../support/teams';

describe('a practitioner meets Weave', () => {
  let stack: TestStack;
  const priya = testUser('Priya Shah', 'priya.shah@example.org');
  beforeEach(async () => {
    stack = await startTestStack();
    await stack.seed([hrRecord(priya)]);
  });
  afterEach(async () => stack?.stop());

  it('greets them by name once when they install the app', async () => {
    const first = await stack.install(priya);
    expect(first.cards).toHaveLength(1);
    expect(cardText(first.cards[0])).toContain('Welcome to Weave, Priya');
    expect(cardText(first.cards[0])).toContain('supervision and appraisal');

    const again = await stack.install(priya);
    expect(again.cards).toHaveLength(0);
    expect(await stack.rt.conversations.get(stack.tenantId, priya.aadObjectId)).toMatchObject({ status: 'installed', timeZone: 'Europe/London' });
  });

  it('answers help with what they can do', async () => {
    const { cards } = await stack.message(priya, 'help');
    expect(cards).toHaveLength(1);
    const text = cardText(cards[0]);
    expect(text).toContain('What you can do, Priya');
    expect(text).toContain('profile');
  });

  it('points anything it does not understand at help, never silence', async () => {
    const { texts } = await stack.message(priya, 'what is the meaning of life');
    expect(texts).toEqual([expect.stringContaining('Type **help**')]);
  });
});
