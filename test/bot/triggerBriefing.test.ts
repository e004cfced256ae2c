// A learning trigger that ends in learning: from the trigger L&D recorded, Create briefing opens the
// offer composer filled in as a 7-minute briefing for the people it affects, and the offer sent is
// linked to the trigger. Only L&D, only after the trigger is saved.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cardIdIn, cardText } from '../support/cards';
import { hrRecord, startTestStack, testClock, type TestStack } from '../support/stack';
import * as teams from '../support/teams';

describe('a briefing from a learning trigger', () => {
  let stack: TestStack;
  const clock = testClock('2026-11-23T10:00:00Z');
  const morgan = teams.testUser('Morgan Ellis', 'morgan.ellis@example.org');
  const staff = ['Priya Shah', 'Sam Okafor', 'Aisha Rahman'].map((n) => teams.testUser(n, `${n.toLowerCase().replace(' ', '.')}@example.org`));
  const eve = teams.testUser('Eve Marsh', 'eve.marsh@example.org');

  beforeEach(async () => {
    clock.set('2026-11-23T10:00:00Z');
    stack = await startTestStack({ clock });
    await stack.seed([
      hrRecord(morgan, { jobTitle: 'Workforce Development Lead', profession: 'business_support', team: 'Workforce Development', roles: ['practitioner', 'ld_admin'], registrationBody: 'none' }),
      ...staff.map((p) => hrRecord(p)),
      hrRecord(eve, { team: 'MASH' }),
    ]);
    for (const u of [morgan, ...staff, eve]) await stack.install(u);
  });
  afterEach(async () => stack?.stop());

  it('opens the composer filled from the trigger, and links the offer sent to it', async () => {
    const triggerCard = cardIdIn((await stack.message(morgan, 'new trigger')).cards[0]);
    expect(cardText((await stack.act(morgan, 'trigger.briefing', { cardId: triggerCard })).body?.value)).toContain('Save the trigger first');
    const saved = await stack.act(morgan, 'trigger.save', {
      cardId: triggerCard, source: 'practice_review', summary: 'Share information with schools early, and record why', codes: 'CC6.K2,CC5', teams: 'PaCT', professions: '', dueDate: '2027-03-31', createNeeds: 'false',
    });
    expect(JSON.stringify(saved.body?.value)).toContain('trigger.briefing');
    expect((await stack.act(staff[0]!, 'trigger.briefing', { cardId: triggerCard })).body?.value).toBe('This card was sent to someone else, so only they can answer it.');

    const started = await stack.act(morgan, 'trigger.briefing', { cardId: triggerCard });
    expect(cardText(started.body?.value)).toContain('Briefing started');
    const compose = stack.repliesTo(morgan).cards.find((c) => JSON.stringify(c).includes('offer.preview'));
    const text = JSON.stringify(compose);
    expect(cardText(compose)).toContain('A briefing on the learning trigger "Share information with schools early');
    for (const filled of ['"value":"briefing"', '"value":"CC6.K2,CC5"', '"value":"PaCT"', '"value":"30"']) expect(text).toContain(filled);

    const composeId = cardIdIn(compose);
    await stack.act(morgan, 'offer.preview', {
      cardId: composeId, title: '7-minute briefing: sharing with schools', description: 'What the review found, and who to call.', format: 'briefing', date: '2026-12-10', time: '12:30',
      durationMinutes: '30', location: '', onlineUrl: 'https://teams.microsoft.com/l/meetup-join/x', capacity: '40', cpdHours: '0.5', closesOn: '2026-12-08', codes: 'CC6.K2,CC5', professions: '', teams: 'PaCT', registration: 'any', withNeed: 'false',
    });
    await stack.act(morgan, 'offer.send', { cardId: composeId });
    await stack.drainOutbox(10_000);
    const [offer] = await stack.rt.offers.list(stack.tenantId);
    const [trigger] = await stack.rt.plans.listTriggers(stack.tenantId);
    expect(offer!.trigger).toBe(trigger!.triggerId);
    // The people it affects got it; Eve, in MASH, did not.
    for (const u of staff) expect(stack.repliesTo(u).cards.some((c) => JSON.stringify(c).includes('offer.book'))).toBe(true);
    expect(stack.repliesTo(eve).cards).toEqual([]);
  });
});
