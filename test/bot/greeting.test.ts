import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cardText } from '../support/cards';
import { activityOptions, hrRecord, startTestStack, testClock, type TestStack } from '../support/stack';
import { storageSnapshot } from '../support/storageSnapshot';
import * as teams from '../support/teams';
import { testUser, type TestUser } from '../support/teams';

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

describe('opening Weave again', () => {
  // Teams sends both events of an install at once, in either order; the Agents Playground sends
  // them again each time its page loads.
  let stack: TestStack;
  const clock = testClock('2026-11-23T09:00:00Z');
  const priya = testUser('Priya Shah', 'priya.shah@example.org');
  const opens = async (user: TestUser) => {
    stack.repliesTo(user);
    await Promise.all([stack.post(teams.personalInstall(user, activityOptions(stack))), stack.post(teams.botAddedToPersonal(user, activityOptions(stack)))]);
    return stack.repliesTo(user);
  };
  beforeEach(async () => {
    clock.set('2026-11-23T09:00:00Z');
    stack = await startTestStack({ clock });
    await stack.seed([hrRecord(priya)]);
  });
  afterEach(async () => stack?.stop());

  it('greets in full once on the first open', async () => {
    const first = await opens(priya);
    expect(first.cards).toHaveLength(1);
    expect(cardText(first.cards[0])).toContain('Welcome to Weave, Priya');
    expect(first.texts).toEqual([]);
  });

  it('welcomes someone back once, says what to type, and stores nothing new', async () => {
    await opens(priya);
    clock.set('2026-11-23T09:05:00Z');
    const before = await storageSnapshot(stack.rt.tables);

    const again = await opens(priya);
    expect(again.cards).toHaveLength(0);
    expect(again.texts).toEqual([expect.stringContaining('Welcome back, Priya. Type **help**')]);
    expect(await storageSnapshot(stack.rt.tables)).toEqual(before);
  });

  it('points someone it does not know yet at profile, without another card', async () => {
    const jo = testUser('Jo Reed', 'jo.reed@example.org');
    expect((await opens(jo)).cards).toHaveLength(1); // the introduce-yourself card
    clock.set('2026-11-23T09:05:00Z');
    const before = await storageSnapshot(stack.rt.tables);

    const again = await opens(jo);
    expect(again).toEqual({ texts: [expect.stringContaining('type **profile** to introduce yourself')], cards: [] });
    expect(await storageSnapshot(stack.rt.tables)).toEqual(before);
  });

  it('says nothing when a new version of the app is deployed', async () => {
    await opens(priya);
    clock.set('2026-11-30T09:00:00Z');
    await stack.post({ ...teams.personalInstall(priya, activityOptions(stack)), action: 'add-upgrade' });
    expect(stack.repliesTo(priya)).toEqual({ texts: [], cards: [] });
  });
});
