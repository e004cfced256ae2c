import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cardText } from '../support/cards';
import { hrRecord, startTestStack, type TestStack } from '../support/stack';
import { testUser } from '../support/teams';

const cardIdOf = (card: Record<string, unknown>) => (card.actions as { data: { cardId: string } }[])[0]!.data.cardId;

describe('profile', () => {
  let stack: TestStack;
  const priya = testUser('Priya Shah', 'priya.shah@example.org');
  const dana = testUser('Dana Hughes', 'dana.hughes@example.org');
  const eve = testUser('Eve Marsh', 'eve.marsh@example.org');

  beforeEach(async () => {
    stack = await startTestStack();
    await stack.seed([
      hrRecord(dana, { jobTitle: 'Team Manager, PaCT', profession: 'manager', careerStage: 'manager', roles: ['practitioner', 'manager'] }),
      hrRecord(priya, { managerId: dana.aadObjectId, careerStage: 'early_career', startDate: '2026-09-01' }),
      hrRecord(eve, { jobTitle: 'Principal Social Worker', careerStage: 'senior' }),
    ]);
  });
  afterEach(async () => stack?.stop());

  it("shows HR's record read-only, with their manager by name", async () => {
    const { cards } = await stack.message(priya, 'profile');
    const text = cardText(cards[0]);
    expect(text).toContain('Priya Shah');
    expect(text).toContain('Social worker');
    expect(text).toContain('Dana Hughes');
    expect(text).toContain('Social Work England, SW123456');
    expect(text).toContain('These details come from HR');
    expect(JSON.stringify(cards[0])).not.toContain('"id":"jobTitle"');
  });

  it('saves their own settings: preferred name, professional supervisor, working days', async () => {
    const { cards } = await stack.message(priya, 'my profile');
    const cardId = cardIdOf(cards[0]!);
    const saved = await stack.act(priya, 'profile.save', { cardId, preferredName: 'Pri', supervisorEmail: 'EVE.MARSH@example.org', workingDays: '1,2,3,4' });
    expect(cardText(saved.body?.value)).toContain('Saved.');
    expect(await stack.rt.people.get(stack.tenantId, priya.aadObjectId)).toMatchObject({
      preferredName: 'Pri', supervisorId: eve.aadObjectId, workingDays: [1, 2, 3, 4], jobTitle: 'Social Worker',
    });
    // The card stays usable: the same card can be saved again.
    const again = await stack.act(priya, 'profile.save', { cardId, preferredName: '', supervisorEmail: '', workingDays: '1,2,3,4,5' });
    expect(cardText(again.body?.value)).toContain('Saved.');
    expect(await stack.rt.people.get(stack.tenantId, priya.aadObjectId)).toMatchObject({ preferredName: null, supervisorId: null });
  });

  it('refuses settings it cannot use, says why, and changes nothing', async () => {
    const { cards } = await stack.message(priya, 'profile');
    const cardId = cardIdOf(cards[0]!);
    const before = await stack.rt.people.get(stack.tenantId, priya.aadObjectId);

    const noDays = await stack.act(priya, 'profile.save', { cardId, preferredName: 'P', supervisorEmail: '', workingDays: '' });
    expect(cardText(noDays.body?.value)).toContain('Choose at least one of days you work.');
    const self = await stack.act(priya, 'profile.save', { cardId, preferredName: 'P', supervisorEmail: priya.email, workingDays: '1' });
    expect(cardText(self.body?.value)).toContain("You can't be your own professional supervisor.");
    const long = await stack.act(priya, 'profile.save', { cardId, preferredName: 'x'.repeat(101), supervisorEmail: '', workingDays: '1' });
    expect(cardText(long.body?.value)).toContain('Preferred name can be at most 100 characters.');
    const link = await stack.act(priya, 'profile.save', { cardId, preferredName: '[Reset your password](https://evil.example)', supervisorEmail: '', workingDays: '1' });
    expect(cardText(link.body?.value)).toContain("Preferred name can't contain a web address.");
    const bogusDay = await stack.act(priya, 'profile.save', { cardId, preferredName: '', supervisorEmail: '', workingDays: '1,9' });
    expect(cardText(bogusDay.body?.value)).toContain('Days you work must be chosen from the list.');

    const after = await stack.act(priya, 'profile.save', { cardId, preferredName: 'Never', supervisorEmail: 'nobody@example.org', workingDays: '1' });
    expect(cardText(after.body?.value)).toContain("Weave couldn't find nobody@example.org");
    expect(await stack.rt.people.get(stack.tenantId, priya.aadObjectId)).toEqual(before);
  });

  it("cannot be saved from someone else's account", async () => {
    const { cards } = await stack.message(priya, 'profile');
    const res = await stack.act(eve, 'profile.save', { cardId: cardIdOf(cards[0]!), preferredName: 'Hacked', supervisorEmail: '', workingDays: '1' });
    expect(res.body?.value).toBe('This card was sent to someone else, so only they can answer it.');
    expect((await stack.rt.people.get(stack.tenantId, priya.aadObjectId))?.preferredName).toBeNull();
  });

  it('refuses a card id that was never issued, or one for a different kind of card', async () => {
    const forged = await stack.act(priya, 'profile.save', { cardId: '00000000-0000-4000-8000-000000000000', preferredName: 'X', workingDays: '1' });
    expect(forged.body?.value).toBe('This card is no longer valid. Type help to start again.');
    const { cards } = await stack.message(priya, 'profile');
    const wrongVerb = await stack.act(priya, 'joiner.confirm', { cardId: cardIdOf(cards[0]!) });
    expect(wrongVerb.body?.value).toBe('This card is no longer valid. Type help to start again.');
    const unknownVerb = await stack.act(priya, 'profile.delete', { cardId: cardIdOf(cards[0]!) });
    expect(unknownVerb.body?.value).toContain("isn't one Weave recognises");
  });

  it('a leaver is told their record is closed', async () => {
    await stack.rt.people.applyRoster(stack.tenantId, { joiners: [], updates: [], rejoiners: [], adopted: [], unchanged: 0, leavers: [(await stack.rt.people.get(stack.tenantId, eve.aadObjectId))!] }, '2026-11-20');
    const { texts } = await stack.message(eve, 'profile');
    expect(texts[0]).toContain('your profile is closed');
  });

  it('will not let an old card overwrite changes made since it was shown', async () => {
    const first = cardIdOf((await stack.message(priya, 'profile')).cards[0]!);
    const second = cardIdOf((await stack.message(priya, 'profile')).cards[0]!);
    expect(cardText((await stack.act(priya, 'profile.save', { cardId: second, preferredName: 'Newer', supervisorEmail: '', workingDays: '1,2,3' })).body?.value)).toContain('Saved.');
    const stale = await stack.act(priya, 'profile.save', { cardId: first, preferredName: 'Older', supervisorEmail: '', workingDays: '1' });
    expect(cardText(stale.body?.value)).toContain('Your profile changed since this card was shown');
    expect((await stack.rt.people.get(stack.tenantId, priya.aadObjectId))?.preferredName).toBe('Newer');
    // Having been shown that, saving the same card again is deliberate.
    expect(cardText((await stack.act(priya, 'profile.save', { cardId: first, preferredName: 'Older', supervisorEmail: '', workingDays: '1' })).body?.value)).toContain('Saved.');
    expect((await stack.rt.people.get(stack.tenantId, priya.aadObjectId))?.preferredName).toBe('Older');
  });
});
