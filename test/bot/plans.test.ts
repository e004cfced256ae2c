// Team and organisation plans through the protocol: L&D records a learning trigger that reaches
// everyone it affects; a manager links a channel and the weekly digest posts there with totals
// only; the manager's own digest names names; a post Teams refuses is reported; L&D's plan.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runDigests } from '../../jobs/digests';
import { addTriggerNeeds } from '../../jobs/triggerNeeds';
import { cardIdIn, cardText } from '../support/cards';
import { activityOptions, hrRecord, startTestStack, testClock, type TestStack } from '../support/stack';
import * as teams from '../support/teams';

describe('team and organisation plans', () => {
  let stack: TestStack;
  const clock = testClock('2026-11-23T10:00:00Z');
  const dana = teams.testUser('Dana Hughes', 'dana.hughes@example.org');
  const morgan = teams.testUser('Morgan Ellis', 'morgan.ellis@example.org');
  const team = teams.testTeam('Protection and Court');
  const members = ['Priya Shah', 'Sam Okafor', 'Aisha Rahman', 'Owen Price', 'Kelly Nash'].map((name) => teams.testUser(name, `${name.toLowerCase().replace(' ', '.')}@example.org`));
  const [priya, sam, aisha, owen, kelly] = members as [teams.TestUser, teams.TestUser, teams.TestUser, teams.TestUser, teams.TestUser];
  const eve = teams.testUser('Eve Marsh', 'eve.marsh@example.org');

  beforeEach(async () => {
    clock.set('2026-11-23T10:00:00Z');
    stack = await startTestStack({ clock });
    await stack.seed([
      hrRecord(dana, { jobTitle: 'Team Manager', profession: 'manager', careerStage: 'manager', roles: ['practitioner', 'manager'] }),
      hrRecord(morgan, { jobTitle: 'Workforce Development Lead', profession: 'business_support', team: 'Workforce Development', roles: ['practitioner', 'ld_admin'], registrationBody: 'none' }),
      ...members.map((m, i) => hrRecord(m, { managerId: dana.aadObjectId, profession: i === 4 ? 'social_care_practitioner' : 'social_worker', registrationBody: i === 4 ? 'none' : 'swe' })),
      hrRecord(eve, { team: 'MASH' }),
    ]);
    for (const u of [dana, morgan, ...members, eve]) await stack.install(u);
  });
  afterEach(async () => stack?.stop());

  async function need(user: teams.TestUser, areas: string, description: string, activityTypes = 'bite_size_workshop') {
    const { cards } = await stack.message(user, 'add need');
    await stack.act(user, 'need.add', { cardId: cardIdIn(cards[0]), areas, description, priority: 'medium', activityTypes });
  }

  async function linkChannel() {
    await stack.post(teams.channelMessage(dana, team, 'digest here', activityOptions(stack)));
    return stack.connector.to(team.id).map((r) => (typeof r.activity.text === 'string' ? r.activity.text : '')).join(' ');
  }

  const channelCards = () => stack.connector.to(team.id).flatMap((r) => ((r.activity.attachments as { content: unknown }[] | undefined) ?? []).map((a) => a.content));

  it('records a learning trigger that adds a need to everyone it affects, once each, and tells them', async () => {
    const { cards } = await stack.message(morgan, 'new trigger');
    const cardId = cardIdIn(cards[0]);
    const link = await stack.act(morgan, 'trigger.save', { cardId, source: 'practice_review', summary: 'See [the review](https://evil.example)', codes: 'CC6.K2', teams: 'PaCT', professions: '', dueDate: '', createNeeds: 'true' });
    expect(cardText(link.body?.value)).toContain("What people should learn from it can't contain a web address.");
    const unknown = await stack.act(morgan, 'trigger.save', { cardId, source: 'practice_review', summary: 'Share information early', codes: 'CC6.K2', teams: 'Nowhere', professions: '', dueDate: '', createNeeds: 'true' });
    expect(cardText(unknown.body?.value)).toContain('Teams it affects: choose from the list.');

    const saved = await stack.act(morgan, 'trigger.save', {
      cardId, source: 'practice_review', summary: 'Share information with schools early, and record why', codes: 'CC6.K2,CC5', teams: 'PaCT', professions: '', dueDate: '2027-03-31', createNeeds: 'true',
    });
    expect(cardText(saved.body?.value)).toContain('It affects 6 people');
    await stack.drainOutbox();
    for (const m of [dana, ...members]) {
      const [n] = await stack.rt.needs.listFor(stack.tenantId, m.aadObjectId);
      expect(n).toMatchObject({ source: 'trigger', codes: ['CC6.K2', 'CC5'], priority: 'high', targetDate: '2027-03-31' });
      expect(stack.repliesTo(m).texts.join(' ')).toContain('Workforce Development added a learning need to your plan, from practice review');
    }
    expect(await stack.rt.needs.listFor(stack.tenantId, eve.aadObjectId)).toEqual([]);

    // A page done again (a retried queue message) adds and sends nothing twice.
    const [trigger] = await stack.rt.plans.listTriggers(stack.tenantId);
    await addTriggerNeeds(stack.rt, { kind: 'trigger-needs', tenantId: stack.tenantId, triggerId: trigger!.triggerId, after: null });
    await stack.drainOutbox();
    expect(await stack.rt.needs.listFor(stack.tenantId, priya.aadObjectId)).toHaveLength(1);
    expect(stack.repliesTo(priya).texts).toEqual([]);
  });

  it("posts the team's digest in the linked channel with totals only, once a week, and shows the trend", async () => {
    expect(await linkChannel()).toContain("This channel will get PaCT's training plan digest every week");
    await need(priya, 'CC3', 'Court statements for Priya');
    await need(sam, 'CC3', 'Court statements for Sam');
    await need(aisha, 'CC3', 'Court statements for Aisha');
    await need(owen, 'CC6', 'Information sharing for Owen');

    // PaCT has agreed no priorities and 12 July has passed: its manager is reminded, once.
    expect(await runDigests(stack.rt)).toContain('1 team channel, 1 manager digest, 1 team reminded to agree priorities for the week of 2026-11-23');
    await stack.drainOutbox();
    const [digest] = channelCards();
    const text = cardText(digest);
    expect(text).toContain('PaCT: team training plan');
    expect(text).toContain('CC3 Safeguarding');
    expect(text).toMatch(/CC6 Information sharing\s+fewer than 3/);
    expect(JSON.stringify(digest)).toContain('"type":"Chart.HorizontalBar"');
    for (const secret of ['Priya', 'Sam', 'Aisha', 'Owen', 'Kelly', 'Court statements', 'Information sharing for']) expect(text).not.toContain(secret);

    // Again the same week: nothing new.
    await runDigests(stack.rt);
    await stack.drainOutbox();
    expect(channelCards()).toHaveLength(1);

    // Next week two more people have needs: fewer than the threshold, so no trend anyone could trace.
    await need(kelly, 'CC1', 'Listening');
    await need(dana, 'CC1', 'Listening');
    clock.set('2026-11-30T10:00:00Z');
    await need(owen, 'CC1', 'Listening more');
    await runDigests(stack.rt);
    await stack.drainOutbox();
    expect(cardText(channelCards()[1])).toContain('No change to report since last week.');
  });

  it("gives the manager their own digest with names and needs, and L&D the organisation's plan on the first Monday", async () => {
    await need(priya, 'CC3', 'Court statements that hold up');
    clock.set('2026-12-07T10:00:00Z'); // the first Monday of December
    expect(await runDigests(stack.rt)).toContain('organisation plan to 1 L&D');
    await stack.drainOutbox();
    const mine = cardText(stack.repliesTo(dana).cards[0]);
    expect(mine).toContain("Your team's learning, privately");
    expect(mine).toContain('Priya Shah');
    expect(mine).toContain('Need: CC3 Safeguarding: Court statements that hold up');
    const org = cardText(stack.repliesTo(morgan).cards[0]);
    expect(org).toContain('Learning and development plan');
    // One person's need is a priority, but its count is not shown: fewer than 3 is all L&D learn.
    expect(org).toContain('CC3 Safeguarding');
    expect(org).toContain('fewer than 3 people need it');
    expect(org).not.toContain('priority 1');
    expect(org).toContain('Who CPD is reaching');
    expect(org).not.toContain('Priya');
    expect(cardText((await stack.message(morgan, 'org plan')).cards[0])).toContain('8 staff; 1 with open learning needs');
    expect(cardText((await stack.message(dana, 'team plan')).cards[0])).toContain('Priya Shah');
    expect((await stack.message(priya, 'org plan')).texts.join(' ')).toContain('only for people with the');
  });

  it('tells the manager when Teams will not take the digest, and never posts it twice', async () => {
    await linkChannel();
    stack.connector.blocked.add(team.id);
    stack.repliesTo(dana);
    await runDigests(stack.rt);
    await stack.drainOutbox();
    await stack.drainOutbox();
    expect(stack.repliesTo(dana).texts.join(' ')).toContain("This week's PaCT training plan digest couldn't be posted to its channel");
    await runDigests(stack.rt);
    await stack.drainOutbox();
    expect(stack.repliesTo(dana).texts).toEqual([]);
  });

  it("lets only a team's lead choose where its digest goes, and keeps a supervisor out of the named digest", async () => {
    const lee = teams.testUser('Lee Harper', 'lee.harper@example.org');
    const sue = teams.testUser('Sue Brown', 'sue.brown@example.org');
    await stack.seed([
      hrRecord(lee, { jobTitle: 'Senior Practitioner', profession: 'manager', careerStage: 'manager', team: 'MASH', roles: ['practitioner', 'manager'] }),
      hrRecord(sue, { jobTitle: 'Principal Social Worker', careerStage: 'manager', team: 'Quality', roles: ['practitioner', 'manager'] }),
      hrRecord(kelly, { managerId: lee.aadObjectId, profession: 'social_care_practitioner', registrationBody: 'none' }),
    ]);
    for (const u of [lee, sue]) await stack.install(u);
    const other = teams.testTeam('MASH');
    await stack.post(teams.channelMessage(lee, other, 'digest here', activityOptions(stack)));
    expect(stack.connector.to(other.id).map((r) => String(r.activity.text)).join(' ')).toContain("Only PaCT's team manager");
    expect(await stack.rt.plans.getDigestLink(stack.tenantId, 'PaCT')).toBeUndefined();

    // Sue supervises Priya professionally: she gets no digest naming Priya's needs.
    const p = (await stack.rt.people.get(stack.tenantId, priya.aadObjectId))!;
    await stack.rt.people.update(stack.tenantId, priya.aadObjectId, { supervisorId: sue.aadObjectId }, p.etag);
    await need(priya, 'CC3', 'Anxious about court statements');
    stack.repliesTo(sue);
    await runDigests(stack.rt);
    await stack.drainOutbox();
    expect(stack.repliesTo(sue).cards).toHaveLength(0);
    expect(cardText(stack.repliesTo(dana).cards[0])).toContain('Anxious about court statements');
  });

  it('offers the digest to a manager who adds Weave to a team; only they can say yes', async () => {
    await stack.post(teams.botAddedToTeam(dana, team, activityOptions(stack)));
    const offer = channelCards()[0];
    expect(cardText(offer)).toContain("Post your team's training plan here?");
    const channel = { id: team.id, conversationType: 'channel', isGroup: true };
    const refused = await stack.post(teams.cardAction(priya, 'digest.link', { cardId: cardIdIn(offer) }, activityOptions(stack), channel));
    expect(JSON.stringify(refused.body)).toContain('This card was sent to someone else');
    const linked = await stack.post(teams.cardAction(dana, 'digest.link', { cardId: cardIdIn(offer) }, activityOptions(stack), channel));
    expect(JSON.stringify(linked.body)).toContain("This channel will get PaCT's training plan digest every week");
    expect(await stack.rt.plans.getDigestLink(stack.tenantId, 'PaCT')).toMatchObject({ linkedBy: dana.aadObjectId });
  });
});
