// A learning trigger that ends in learning: a manager records one for their own team (and only
// theirs); L&D see it with every trigger, make a briefing from it and send it; staff attend, and
// completion rises — by team, as counts, small figures not shown; past its learn-by date it is
// flagged overdue; L&D close it with a note and its record stays.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cardIdIn, cardText } from '../support/cards';
import { hrRecord, startTestStack, testClock, type TestStack } from '../support/stack';
import * as teams from '../support/teams';

describe('the trigger loop', () => {
  let stack: TestStack;
  const clock = testClock('2026-11-23T10:00:00Z');
  const user = (n: string) => teams.testUser(n, `${n.toLowerCase().replace(' ', '.')}@example.org`);
  const morgan = user('Morgan Ellis');
  const dana = user('Dana Whitfield');
  const pact = ['Priya Shah', 'Sam Okafor', 'Aisha Rahman', 'Owen Price'].map(user);
  const mash = ['Eve Marsh', 'Kit Lowe', 'Ana Diaz'].map(user);
  const lee = user('Lee Grant');

  beforeEach(async () => {
    clock.set('2026-11-23T10:00:00Z');
    stack = await startTestStack({ clock });
    await stack.seed([
      hrRecord(morgan, { jobTitle: 'Workforce Development Lead', profession: 'business_support', team: 'Workforce Development', roles: ['practitioner', 'ld_admin'], registrationBody: 'none' }),
      hrRecord(dana, { jobTitle: 'Team Manager', team: 'PaCT', roles: ['practitioner', 'manager'] }),
      hrRecord(lee, { jobTitle: 'Team Manager', team: 'MASH', roles: ['practitioner', 'manager'] }),
      ...pact.map((p) => hrRecord(p, { managerId: dana.aadObjectId })),
      ...mash.map((p) => hrRecord(p, { team: 'MASH', managerId: lee.aadObjectId })),
    ]);
    for (const u of [morgan, dana, lee, ...pact, ...mash]) await stack.install(u);
  });
  afterEach(async () => stack?.stop());

  const trigger = { source: 'practice_review', summary: 'Share information with schools early, and record why', codes: 'CC6', professions: '', dueDate: '2026-12-18', createNeeds: 'false' };

  it('runs from a manager recording it to L&D closing it, with completion by team along the way', async () => {
    // Dana may record one for PaCT only.
    const card = cardIdIn((await stack.message(dana, 'new trigger')).cards[0]);
    const other = await stack.act(dana, 'trigger.save', { cardId: card, ...trigger, teams: 'MASH' });
    expect(cardText(other.body?.value)).toContain('a manager records triggers for their own team (PaCT)');
    expect(await stack.rt.plans.listTriggers(stack.tenantId)).toHaveLength(0);
    const saved = cardText((await stack.act(dana, 'trigger.save', { cardId: card, ...trigger, teams: '' })).body?.value);
    expect(saved).toContain('It affects 5 people'); // PaCT: Dana and her four reports
    expect(saved).not.toContain('Create briefing');
    const [recorded] = await stack.rt.plans.listTriggers(stack.tenantId);
    expect(recorded!.teams).toEqual(['PaCT']);
    // A practitioner cannot; Dana's list shows her reports.
    expect((await stack.message(pact[0]!, 'triggers')).texts.join(' ')).toContain('is only for line managers and L&D admins');
    expect(cardText((await stack.message(dana, 'triggers')).cards[0])).toContain('0 of 4 have learned from it');
    // Lee's reports are not affected: nothing for him.
    const leeList = (await stack.message(lee, 'triggers')).cards[0];
    expect(cardText(leeList)).toContain('No open learning trigger concerns your reports');
    expect(JSON.stringify(leeList)).toContain('"value":"new trigger"'); // and he can record one from there

    // L&D see it, and make a briefing from it; Dana's card cannot.
    const list = (await stack.message(morgan, 'triggers')).cards[0];
    expect(cardText(list)).toMatch(/Learned from it\s+0 of 5/);
    const listId = cardIdIn(list);
    const danaList = cardIdIn((await stack.message(dana, 'triggers')).cards[0]);
    expect(cardText((await stack.act(dana, 'triggers.close', { cardId: danaList, triggerId: recorded!.triggerId, [`note_${recorded!.triggerId}`]: 'x' })).body?.value))
      .toContain('Only L&D admins make briefings from learning triggers and close them.');
    // L&D can change anyone's trigger; a manager cannot.
    expect(cardText((await stack.act(dana, 'triggers.edit', { cardId: danaList, triggerId: recorded!.triggerId })).body?.value)).toContain('Only L&D admins');
    await stack.act(morgan, 'triggers.edit', { cardId: listId, triggerId: recorded!.triggerId });
    const edit = stack.repliesTo(morgan).cards.find((c) => cardText(c).includes('Change a learning trigger'));
    expect(JSON.stringify(edit)).toContain('Share information with schools early');
    expect(cardText((await stack.act(morgan, 'trigger.save', { cardId: cardIdIn(edit), ...trigger, codes: 'CC6,CC5', teams: 'PaCT' })).body?.value)).toContain('Learning trigger changed');
    expect((await stack.rt.plans.getTrigger(stack.tenantId, recorded!.triggerId))).toMatchObject({ codes: ['CC6', 'CC5'], createdBy: dana.aadObjectId, teams: ['PaCT'] });
    expect(await stack.rt.plans.listTriggers(stack.tenantId)).toHaveLength(1);
    await stack.drainOutbox();
    expect(stack.repliesTo(dana).texts.join(' ')).toContain('Workforce Development changed the learning trigger you recorded');

    await stack.act(morgan, 'triggers.briefing', { cardId: listId, triggerId: recorded!.triggerId });
    const composeId = cardIdIn(stack.repliesTo(morgan).cards.find((c) => JSON.stringify(c).includes('offer.preview')));
    await stack.act(morgan, 'offer.preview', {
      cardId: composeId, title: '7-minute briefing: sharing with schools', description: 'What the review found.', format: 'briefing', date: '2026-12-10', time: '12:30',
      durationMinutes: '30', location: 'PaCT office', onlineUrl: '', capacity: '10', cpdHours: '0.5', closesOn: '2026-12-08', codes: 'CC6', professions: '', teams: 'PaCT', registration: 'any', withNeed: 'false',
    });
    await stack.act(morgan, 'offer.send', { cardId: composeId });
    await stack.drainOutbox(10_000);
    for (const u of pact.slice(0, 3)) {
      const invite = stack.repliesTo(u).cards.find((c) => JSON.stringify(c).includes('offer.book'));
      await stack.act(u, 'offer.book', { cardId: cardIdIn(invite) });
    }
    clock.set('2026-12-10T15:00:00Z');
    await stack.act(morgan, 'offer.attendance', { cardId: composeId, attended: pact.slice(0, 3).map((u) => u.aadObjectId).join(',') });

    // Each attendee is asked what it was worth; L&D see the answers only once 3 have said.
    await stack.drainOutbox(10_000);
    const asked = new Map(pact.slice(0, 3).map((u) => [u, stack.repliesTo(u).cards.find((c) => JSON.stringify(c).includes('offer.evaluate'))]));
    for (const card of asked.values()) expect(cardText(card)).toContain('What was it worth?');
    expect(stack.repliesTo(pact[3]!).cards.some((c) => JSON.stringify(c).includes('offer.evaluate'))).toBe(false);
    const [a, b, c] = pact as [teams.TestUser, teams.TestUser, teams.TestUser];
    expect((await stack.act(b, 'offer.evaluate', { cardId: cardIdIn(asked.get(a)), useful: '5', change: 'yes', line: 'x' })).body?.value).toBe('This card was sent to someone else, so only they can answer it.');
    expect(cardText((await stack.act(a, 'offer.evaluate', { cardId: cardIdIn(asked.get(a)), useful: '9', change: 'yes', line: '' })).body?.value)).toContain('How useful was it: "9" is not one of the choices.');
    expect(cardText((await stack.act(a, 'offer.evaluate', { cardId: cardIdIn(asked.get(a)), useful: '5', change: 'yes', line: 'Call the school before the strategy meeting' })).body?.value)).toContain('Thank you');
    await stack.act(b, 'offer.evaluate', { cardId: cardIdIn(asked.get(b)), useful: '4', change: 'yes', line: '' });
    expect(cardText((await stack.message(morgan, 'triggers')).cards[0])).toMatch(/What attendees said\s+fewer than 3 have answered/);
    await stack.act(c, 'offer.evaluate', { cardId: cardIdIn(asked.get(c)), useful: '4', change: 'maybe', line: 'Record why I shared' });
    expect(cardText((await stack.message(morgan, 'triggers')).cards[0])).toMatch(/What attendees said\s+3 answered · useful 4.3 of 5 · will change their practice: yes not shown, maybe not shown, no 0/);
    const progress = cardText((await stack.act(morgan, 'offer.refresh', { cardId: composeId })).body?.value);
    expect(progress).toContain('“Call the school before the strategy meeting” “Record why I shared”');
    // Answering again changes nothing.
    await stack.act(a, 'offer.evaluate', { cardId: cardIdIn(asked.get(a)), useful: '1', change: 'no', line: '' });
    expect((await stack.rt.offers.getBooking((await stack.rt.offers.list(stack.tenantId))[0]!.offerId, a.aadObjectId))?.evaluation?.useful).toBe(5);

    // 3 of the 5 learned from it: the 2 who did not are too few to show, so the figure is hidden; Dana sees her reports.
    expect(cardText((await stack.message(morgan, 'triggers')).cards[0])).toMatch(/Learned from it\s+not shown \(of 5\)/);
    expect(cardText((await stack.message(dana, 'triggers')).cards[0])).toContain('3 of 4 have learned from it');
    const digest = (await stack.message(dana, 'team plan')).cards.map(cardText).join('\n');
    expect(digest).toContain('Learning trigger "Share information with schools early, and record why": 3 of 4 of your reports it concerns have learned from it (learn by 18 December');

    // Past its learn-by date it is overdue, in the list and the org plan.
    clock.set('2026-12-21T10:00:00Z');
    const overdue = (await stack.message(morgan, 'triggers')).cards[0];
    expect(cardText(overdue)).toContain("learn by Friday 18 December 2026 · overdue");
    expect(cardText((await stack.message(morgan, 'org plan')).cards[0])).toMatch(/Share information with schools early[\s\S]*overdue/);

    // L&D close it with a note: it stays, closed, and no longer counts as overdue.
    const bare = await stack.act(morgan, 'triggers.close', { cardId: cardIdIn(overdue), triggerId: recorded!.triggerId });
    expect(cardText(bare.body?.value)).toContain('Why it is closed');
    const closed = await stack.act(morgan, 'triggers.close', { cardId: cardIdIn(overdue), triggerId: recorded!.triggerId, [`note_${recorded!.triggerId}`]: 'Briefing held; the rest covered in team meeting' });
    expect(cardText(closed.body?.value)).toContain('Closed. It no longer raises priorities');
    expect(cardText(closed.body?.value)).toMatch(/Closed (today|Monday 21 December)[^:]*: Briefing held; the rest covered in team meeting/);
    expect((await stack.rt.plans.getTrigger(stack.tenantId, recorded!.triggerId))?.closed?.note).toBe('Briefing held; the rest covered in team meeting');
    expect(cardText((await stack.act(morgan, 'triggers.close', { cardId: cardIdIn(overdue), triggerId: recorded!.triggerId, [`note_${recorded!.triggerId}`]: 'again' })).body?.value)).toContain('It is already closed.');
  });
});
