// Plans that decide, through the protocol: a manager agrees the team's priorities (over the version
// they saw), members find them in their plan and the channel's digest leads with them, an unagreed
// team's manager is reminded once; L&D commission a line from a priority of the org plan, make an
// offer of it that counts on the line as it is booked and attended, record it delivered at cost and
// set the year's budget on the card. Only the people allowed press any of it.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runDigests } from '../../jobs/digests';
import { cardIdIn, cardText } from '../support/cards';
import { activityOptions, hrRecord, startTestStack, testClock, type TestStack } from '../support/stack';
import * as teams from '../support/teams';

describe('plans that decide', () => {
  let stack: TestStack;
  const clock = testClock('2026-11-23T10:00:00Z');
  const dana = teams.testUser('Dana Hughes', 'dana.hughes@example.org');
  const lee = teams.testUser('Lee Carter', 'lee.carter@example.org');
  const morgan = teams.testUser('Morgan Ellis', 'morgan.ellis@example.org');
  const team = teams.testTeam('Protection and Court');
  const members = ['Priya Shah', 'Sam Okafor', 'Aisha Rahman', 'Owen Price'].map((name) => teams.testUser(name, `${name.toLowerCase().replace(' ', '.')}@example.org`));
  const [priya, sam, aisha] = members as [teams.TestUser, teams.TestUser, teams.TestUser, teams.TestUser];
  const mash = ['Eve Marsh', 'Jo Reed', 'Kit Lowe'].map((name) => teams.testUser(name, `${name.toLowerCase().replace(' ', '.')}@example.org`));

  beforeEach(async () => {
    clock.set('2026-11-23T10:00:00Z');
    stack = await startTestStack({ clock });
    await stack.seed([
      hrRecord(dana, { jobTitle: 'Team Manager', profession: 'manager', careerStage: 'manager', roles: ['practitioner', 'manager'] }),
      hrRecord(lee, { jobTitle: 'Team Manager', profession: 'manager', careerStage: 'manager', team: 'MASH', roles: ['practitioner', 'manager'] }),
      hrRecord(morgan, { jobTitle: 'Workforce Development Lead', profession: 'business_support', team: 'Workforce Development', roles: ['practitioner', 'ld_admin'], registrationBody: 'none' }),
      ...members.map((m) => hrRecord(m, { managerId: dana.aadObjectId })),
      ...mash.map((m) => hrRecord(m, { managerId: lee.aadObjectId, team: 'MASH' })),
    ]);
    for (const u of [dana, lee, morgan, ...members, ...mash]) await stack.install(u);
  });
  afterEach(async () => stack?.stop());

  async function need(user: teams.TestUser, areas: string, description: string) {
    const { cards } = await stack.message(user, 'add need');
    await stack.act(user, 'need.add', { cardId: cardIdIn(cards[0]), areas, description, priority: 'high', activityTypes: 'bite_size_workshop' });
  }

  const agreement = (why: string) => ({ code_1: 'CC3', why_1: why, term_1: 'Spring 2027', code_2: 'CC6', why_2: 'Sharing with schools came up at the last review.', term_2: 'Summer 2027' });
  const cardWith = (user: teams.TestUser, verb: string) => stack.repliesTo(user).cards.find((c) => JSON.stringify(c).includes(`"${verb}"`));

  it("agrees a team's priorities over the version seen; members and the channel see them; an unagreed team's manager is reminded once", async () => {
    await need(priya, 'CC3', 'Court statements that hold up');
    const first = cardIdIn((await stack.message(dana, 'team priorities')).cards[0]);
    const second = cardIdIn((await stack.message(dana, 'team priorities')).cards[0]);

    // Someone who is not the card's recipient (nor a manager) cannot agree on it.
    expect((await stack.act(priya, 'team.agree', { cardId: first, ...agreement('x') })).body?.value).toBe('This card was sent to someone else, so only they can answer it.');
    const bad = await stack.act(dana, 'team.agree', { cardId: first, code_1: 'CC3', why_1: '', term_1: 'Spring 2027' });
    expect(cardText(bad.body?.value)).toContain('say why, in a line');
    expect(await stack.rt.agreements.listForYear(stack.tenantId, '2026-04-01')).toEqual([]);

    expect(cardText((await stack.act(dana, 'team.agree', { cardId: second, ...agreement('Two case reviews named court work.') })).body?.value)).toContain('Agreed: version 1, 2 priorities.');
    // The first card saw no agreement: agreeing on it is refused and shows version 1; agreeing again is over it.
    const stale = await stack.act(dana, 'team.agree', { cardId: first, ...agreement('Court work, again.') });
    expect(cardText(stale.body?.value)).toContain('changed the team\'s priorities at the same time (version 1)');
    expect(cardText((await stack.act(dana, 'team.agree', { cardId: first, ...agreement('Court work, again.') })).body?.value)).toContain('Agreed: version 2');

    const priyaPlan = cardText((await stack.message(priya, 'my plan')).cards[0]);
    expect(priyaPlan).toContain("PaCT's priorities for 2026–27");
    expect(priyaPlan).toContain('Touches your learning: CC3');
    const samPlan = cardText((await stack.message(sam, 'my plan')).cards[0]);
    expect(samPlan).toContain('CC6');
    expect(samPlan).not.toContain('Touches your learning');

    await stack.post(teams.channelMessage(dana, team, 'digest here', activityOptions(stack)));
    await runDigests(stack.rt);
    await runDigests(stack.rt);
    await stack.drainOutbox();
    const digest = stack.connector.to(team.id).map((r) => JSON.stringify(r.activity.attachments ?? '')).join(' ');
    expect(digest).toContain('Agreed priorities for 2026–27');
    expect(digest).toContain('Court work, again.');
    // MASH agreed nothing and 12 July has passed: Lee is told once, Dana not at all.
    expect(stack.repliesTo(lee).texts.filter((t) => t.includes('team priorities'))).toHaveLength(1);
    expect(stack.repliesTo(dana).texts.filter((t) => t.includes('no agreed training priorities'))).toEqual([]);
  });

  it('commissions a line from a priority, makes an offer of it that counts on the line, records it delivered and sets the budget', async () => {
    for (const [i, m] of members.entries()) await need(m, 'CC3', `Court skills ${i}`);
    const orgCard = cardIdIn((await stack.message(morgan, 'org plan')).cards[0]);
    expect((await stack.act(priya, 'orgPlan.commission', { cardId: orgCard, code: 'CC3' })).body?.value).toBe('This card was sent to someone else, so only they can answer it.');
    expect(cardText((await stack.act(morgan, 'orgPlan.commission', { cardId: orgCard, code: 'CC99' })).body?.value)).toContain('Priority');

    const commissioned = await stack.act(morgan, 'orgPlan.commission', { cardId: orgCard, code: 'CC3' });
    expect(cardText(commissioned.body?.value)).toContain('A new commissioning line for this priority is below');
    const lineCard = cardWith(morgan, 'line.save');
    expect(JSON.stringify(lineCard)).toContain('"value":"CC3"');
    const lineId = cardIdIn(lineCard);
    const line = {
      cardId: lineId, title: 'Court skills for every profession', code: 'CC3', format: 'bite_size_workshop', professions: '', services: '', teams: '', registration: 'any',
      providerKind: 'external', providerName: 'Court Skills Ltd', providerPeople: '', places: '12', estimated: '1200', budgetLine: 'Training',
    };
    expect(cardText((await stack.act(morgan, 'line.save', { ...line, estimated: 'a lot' })).body?.value)).toContain('Estimated cost');
    expect(cardText((await stack.act(morgan, 'line.save', line)).body?.value)).toContain("Added to the year's plan as proposed.");

    await stack.act(morgan, 'line.offer', { cardId: lineId });
    const compose = cardWith(morgan, 'offer.preview');
    expect(cardText(compose)).toContain('from the plan\'s line "Court skills for every profession"');
    const composeId = cardIdIn(compose);
    await stack.act(morgan, 'offer.preview', {
      cardId: composeId, title: 'Court skills for every profession', description: 'Giving evidence that holds up.', format: 'bite_size_workshop', date: '2026-12-10', time: '10:00',
      durationMinutes: '90', location: 'Civic Centre, Room 3', onlineUrl: '', capacity: '12', cpdHours: '1.5', closesOn: '2026-12-08', codes: 'CC3', professions: '', teams: '', registration: 'any', withNeed: 'false',
    });
    await stack.act(morgan, 'offer.send', { cardId: composeId });
    await stack.drainOutbox(10_000);
    for (const m of [priya, sam, aisha]) await stack.act(m, 'offer.book', { cardId: cardIdIn(cardWith(m, 'offer.book')) });

    clock.set('2026-12-11T10:00:00Z');
    await stack.act(morgan, 'offer.attendance', { cardId: composeId, attended: `${priya.aadObjectId},${sam.aadObjectId}` });
    const delivered = await stack.act(morgan, 'line.move', { cardId: lineId, to: 'delivered', actual: '1100' });
    expect(cardText(delivered.body?.value)).toContain('Moved to delivered.');
    expect(cardText(delivered.body?.value)).toContain('12 planned · 12 offered · 3 booked · 2 attended');
    expect(cardText(delivered.body?.value)).toContain('£1,200 estimated · £1,100 actual');

    const yearCard = cardIdIn((await stack.message(morgan, 'year plan')).cards[0]);
    expect(cardText((await stack.act(morgan, 'budget.save', { cardId: yearCard, name_1: 'Training', pounds_1: '' })).body?.value)).toContain('needs both a name and an amount');
    expect(await stack.rt.commissioning.getBudget(stack.tenantId, '2026-04-01')).toBeUndefined();
    const budget = await stack.act(morgan, 'budget.save', { cardId: yearCard, name_1: 'Training', pounds_1: '40000' });
    expect(cardText(budget.body?.value)).toContain('Budget saved: £40,000 in all.');
    expect(cardText(budget.body?.value)).toContain('£1,100 (lines delivered)');
    expect((await stack.act(dana, 'budget.save', { cardId: yearCard, name_1: 'Training', pounds_1: '1' })).body?.value).toBe('This card was sent to someone else, so only they can answer it.');

    // The org plan, asked again, carries this year's figures and links to the workbook.
    const org = cardText((await stack.message(morgan, 'org plan')).cards[0]);
    expect(org).toContain('Budget: £40,000; £1,100 committed, £1,100 spent.');
    expect(org).toContain('Commissioning lines: 1 delivered.');
    expect(org).toContain('Teams: 0 of 3 teams have agreed their priorities');
  });
});
