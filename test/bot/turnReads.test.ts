// A turn reads the person asking and their conversation once, however many parts of the turn ask
// for them (who is asking, the card's renderer, today's date in their time zone), and a change
// made during the turn is what the rest of the turn sees.
import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cardIdIn, cardText } from '../support/cards';
import { hrRecord, startTestStack, type TestStack } from '../support/stack';
import * as teams from '../support/teams';

describe('reads within one turn', () => {
  let stack: TestStack;
  const priya = teams.testUser('Priya Shah', 'priya.shah@example.org');
  const storageReads: string[] = [];
  const record = (message: unknown) => {
    const request = (message as { request: { method: string; path: string } }).request;
    if (request.method === 'GET') storageReads.push(decodeURIComponent(request.path.split('?')[0]!));
  };

  beforeEach(async () => {
    stack = await startTestStack({ queues: false });
    await stack.seed([hrRecord(priya)]);
    await stack.install(priya);
    subscribe('http.client.request.start', record);
  });
  afterEach(async () => {
    unsubscribe('http.client.request.start', record);
    await stack?.stop();
  });

  const readsOf = (table: string) => storageReads.filter((p) => p.includes(`${stack.config.storage.prefix}${table}(`) && p.includes(priya.aadObjectId.toLowerCase()));

  it('reads the person and their conversation once for a plan, and once for a card submit', async () => {
    const { cards } = await stack.message(priya, 'add need');
    storageReads.length = 0;
    const added = await stack.act(priya, 'need.add', {
      cardId: cardIdIn(cards[0]), areas: 'CC3', subHeading: '', frameworkTag: '', description: 'Giving evidence in court', priority: 'medium', activityTypes: 'mentoring', targetDate: '',
    });
    expect(cardText(added.body?.value)).toContain('Added to your plan');
    expect(readsOf('people')).toHaveLength(1);
    expect(readsOf('conversations')).toHaveLength(1);

    storageReads.length = 0;
    const plan = await stack.message(priya, 'my plan');
    expect(cardText(plan.cards[0])).toContain('Giving evidence in court');
    expect(readsOf('people')).toHaveLength(1);
    expect(readsOf('conversations')).toHaveLength(1);
  });

  it('sees what the turn itself changed: a saved card, re-drawn from the new record, saves again', async () => {
    const { cards } = await stack.message(priya, 'profile');
    const cardId = cardIdIn(cards[0]);
    const first = await stack.act(priya, 'profile.save', { cardId, preferredName: 'Pri', supervisorEmail: '', workingDays: '1,2,3' });
    expect(cardText(first.body?.value)).toContain('Saved.');
    // Drawn from a stale read, the card would carry the old version and refuse this as changed elsewhere.
    const second = await stack.act(priya, 'profile.save', { cardId, preferredName: 'Priya', supervisorEmail: '', workingDays: '1,2,3,4' });
    expect(cardText(second.body?.value)).toContain('Saved.');
    expect(await stack.rt.people.get(stack.tenantId, priya.aadObjectId)).toMatchObject({ preferredName: 'Priya', workingDays: [1, 2, 3, 4] });
  });
});
