// Every card a person can open, as it first arrives: no error box, no "${…}", no empty heading.
// (Every card posted through the fake connector in any test is held to the same rule.)
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mayRun } from '../../bot/commands/command';
import { COMMANDS } from '../../bot/commands';
import { castOfFive } from '../support/cast';
import { cardIdIn, cardText, openingProblems, templateLeftovers } from '../support/cards';
import { startTestStack, type TestStack } from '../support/stack';
import { testUser, type TestUser } from '../support/teams';

describe('cards as they open', () => {
  const cast = castOfFive();
  const stranger = testUser('Sam Newcomer', 'sam.newcomer@example.org');
  let stack: TestStack;

  beforeAll(async () => {
    stack = await startTestStack();
    await stack.seed(cast.records);
  });

  afterAll(async () => stack?.stop());

  it('greets a newcomer with an onboarding form that has nothing to fix yet', async () => {
    const { cards } = await stack.install(stranger);
    expect(cards.length).toBeGreaterThan(0);
    for (const card of cards) expect([...openingProblems(card), ...templateLeftovers(card)]).toEqual([]);
  });

  const people: [string, () => TestUser, () => { roles: readonly string[] }][] = [
    ['a practitioner', () => cast.priya, () => cast.records[1]!],
    ['a line manager', () => cast.dana, () => cast.records[0]!],
    ['an L&D admin', () => cast.morgan, () => cast.records[4]!],
  ];
  for (const [who, user, record] of people) {
    it(`opens every personal command ${who} may use without an error showing`, async () => {
      const usable = COMMANDS.filter((c) => c.scopes.includes('personal') && mayRun(c, { roles: record().roles as never, status: 'active' }));
      let opened = 0;
      for (const command of usable) {
        for (const card of (await stack.message(user(), command.name)).cards) {
          expect([...openingProblems(card), ...templateLeftovers(card)], `${command.name}`).toEqual([]);
          opened += 1;
        }
      }
      expect(opened).toBeGreaterThanOrEqual(usable.length / 2);
    });
  }

  it('after Save, shows that it saved and nothing to fix', async () => {
    const { cards } = await stack.message(cast.dana, 'supervision');
    const res = await stack.act(cast.dana, 'schedule.save', { cardId: cardIdIn(cards[0]), personId: cast.priya.aadObjectId, kind: 'supervision', date: '2026-12-04', time: '10:00', repeat: 'none' });
    expect([...openingProblems(res.body?.value), ...templateLeftovers(res.body?.value)]).toEqual([]);
    expect(cardText(res.body?.value)).toMatch(/^Saved/m);
  });
});
