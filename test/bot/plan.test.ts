// The Learning Development Plan through the protocol: `add need`, `my plan` (status, plan an
// activity, drop with a reason), and a manager's read-and-comment view of a report's plan.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cardIdIn, cardText, pressed } from '../support/cards';
import { hrRecord, startTestStack, testClock, type TestStack } from '../support/stack';
import * as teams from '../support/teams';

const need = {
  areas: 'CC3,CC5', subHeading: 'CC3.S2', frameworkTag: 'PCF: Critical reflection and analysis',
  description: 'Writing court statements that stand up to cross-examination', priority: 'high',
  activityTypes: 'work_shadowing,mentoring', targetDate: '2027-03-31',
};

describe('Learning Development Plan', () => {
  let stack: TestStack;
  const clock = testClock('2026-11-23T10:00:00Z');
  const dana = teams.testUser('Dana Hughes', 'dana.hughes@example.org');
  const priya = teams.testUser('Priya Shah', 'priya.shah@example.org');
  const eve = teams.testUser('Eve Marsh', 'eve.marsh@example.org');
  const sam = teams.testUser('Sam Okafor', 'sam.okafor@example.org');

  beforeEach(async () => {
    clock.set('2026-11-23T10:00:00Z');
    stack = await startTestStack({ clock });
    await stack.seed([
      hrRecord(dana, { jobTitle: 'Team Manager', profession: 'manager', careerStage: 'manager', roles: ['practitioner', 'manager'] }),
      hrRecord(priya, { managerId: dana.aadObjectId }),
      hrRecord(eve, { managerId: dana.aadObjectId, profession: 'teacher', registrationBody: 'none', registrationNumber: '' }),
      hrRecord(sam, { jobTitle: 'Team Manager', profession: 'manager', careerStage: 'manager', roles: ['practitioner', 'manager'] }),
    ]);
    for (const u of [dana, priya, eve, sam]) await stack.install(u);
  });
  afterEach(async () => stack?.stop());

  async function addNeed(user: teams.TestUser, fields: Record<string, string> = need) {
    const { cards } = await stack.message(user, 'add need');
    return stack.act(user, 'need.add', { cardId: cardIdIn(cards[0]), ...fields });
  }

  it('adds a need in Common Core terms, with its sub-heading first, to the current plan year', async () => {
    const res = await addNeed(priya);
    const text = cardText(res.body?.value);
    expect(text).toContain('Added to your plan');
    expect(text).toContain('CC3.S2 Communication, recording and reporting · CC5 Multi-agency working: Writing court statements');
    const [saved] = await stack.rt.needs.listFor(stack.tenantId, priya.aadObjectId);
    expect(saved).toMatchObject({
      codes: ['CC3.S2', 'CC5'], frameworkTag: 'PCF: Critical reflection and analysis', priority: 'high', status: 'open', source: 'self',
      activityTypes: ['work_shadowing', 'mentoring'], targetDate: '2027-03-31',
    });
    expect(saved!.period <= '2026-11-23').toBe(true);
  });

  it('refuses what it cannot use, says exactly what to fix, keeps what was typed, and saves nothing', async () => {
    const { cards } = await stack.message(priya, 'add need');
    const cardId = cardIdIn(cards[0]);
    const empty = await stack.act(priya, 'need.add', { cardId, areas: '', description: '   ', priority: 'high', activityTypes: 'mentoring' });
    expect(cardText(empty.body?.value)).toContain('Areas of the Common Core: choose at least one.');
    expect(cardText(empty.body?.value)).toContain('What you want to learn is required.');

    const mismatch = await stack.act(priya, 'need.add', { cardId, ...need, areas: 'CC1' });
    expect(cardText(mismatch.body?.value)).toContain('CC3.S2 Communication, recording and reporting is part of CC3 Safeguarding: choose that area too');
    expect(JSON.stringify(mismatch.body?.value)).toContain('Writing court statements that stand up to cross-examination');

    const past = await stack.act(priya, 'need.add', { cardId, ...need, targetDate: '2026-01-01' });
    expect(cardText(past.body?.value)).toContain('By when: choose a date from today to three years ahead.');
    const bogus = await stack.act(priya, 'need.add', { cardId, ...need, activityTypes: 'mentoring,lunch', priority: 'urgent' });
    expect(cardText(bogus.body?.value)).toContain('How you would like to learn it: choose from the list.');
    expect(cardText(bogus.body?.value)).toContain('Priority: "urgent" is not one of the choices.');
    const long = await stack.act(priya, 'need.add', { cardId, ...need, description: 'x'.repeat(501) });
    expect(cardText(long.body?.value)).toContain('What you want to learn can be at most 500 characters.');
    expect(await stack.rt.needs.listFor(stack.tenantId, priya.aadObjectId)).toEqual([]);

    // Once it is added, the same card cannot add it twice.
    await stack.act(priya, 'need.add', { cardId, ...need });
    expect((await stack.act(priya, 'need.add', { cardId, ...need })).body?.value).toBe("You've already answered this card.");
    expect(await stack.rt.needs.listFor(stack.tenantId, priya.aadObjectId)).toHaveLength(1);
  });

  it('shows the plan grouped by status, and lets its owner plan an activity, move it on, or drop it with a reason', async () => {
    await addNeed(priya);
    await addNeed(priya, { ...need, areas: 'CC2', subHeading: '', frameworkTag: '', description: 'Attachment in adolescence', priority: 'low', targetDate: '' });
    const { cards } = await stack.message(priya, 'my plan');
    const plan = cardText(cards[0]);
    expect(plan).toContain('Your Learning Development Plan');
    expect(plan).toContain('Only you and Dana Hughes can see it.');
    expect(plan).toContain('Open (2)');
    expect(plan).toContain('High priority · added by you · by 31 March 2027');
    expect(plan).toContain('Would like: Work shadowing, Mentoring');

    const [court] = (await stack.rt.needs.listFor(stack.tenantId, priya.aadObjectId)).filter((n) => n.description.startsWith('Writing'));
    const id = court!.needId;
    const cardId = cardIdIn(cards[0]);
    const planned = await stack.act(priya, 'plan.update', {
      ...pressed(cards[0], 'plan.update', id), [`status_${id}`]: 'open', [`planActivity_${id}`]: 'work_shadowing', [`planNote_${id}`]: 'A day with the youth justice court team', [`planDate_${id}`]: '2027-01-14',
    });
    expect(cardText(planned.body?.value)).toContain('is planned.');
    expect(cardText(planned.body?.value)).toContain('Planned: Work shadowing, A day with the youth justice court team (14 January 2027)');
    expect(await stack.rt.needs.get(stack.tenantId, priya.aadObjectId, id)).toMatchObject({ status: 'planned', plan: { activityType: 'work_shadowing', date: '2027-01-14' } });

    const noReason = await stack.act(priya, 'plan.update', { cardId, needId: id, [`status_${id}`]: 'dropped', [`planActivity_${id}`]: '' });
    const tooLongReason = await stack.act(priya, 'plan.update', { cardId, needId: id, [`status_${id}`]: 'dropped', [`dropReason_${id}`]: 'r'.repeat(301) });
    expect(cardText(tooLongReason.body?.value)).toContain('Why you are dropping it can be at most 300 characters.');
    expect(JSON.stringify(tooLongReason.body?.value)).toContain('r'.repeat(301));
    expect(cardText(noReason.body?.value)).toContain('Say why you are dropping it');
    const noActivity = await stack.act(priya, 'plan.update', { cardId, needId: id, [`status_${id}`]: 'open', [`planNote_${id}`]: 'Something' });
    expect(cardText(noActivity.body?.value)).toContain('To plan an activity, choose the way of learning too.');
    expect((await stack.rt.needs.get(stack.tenantId, priya.aadObjectId, id))?.status).toBe('planned');

    const dropped = await stack.act(priya, 'plan.update', { cardId, needId: id, [`status_${id}`]: 'dropped', [`planActivity_${id}`]: '', [`dropReason_${id}`]: 'Moving to the MASH team' });
    expect(cardText(dropped.body?.value)).toContain('Dropped (1)');
    expect(cardText(dropped.body?.value)).toContain('Dropped: Moving to the MASH team');
  });

  it("cannot change anyone else's need, even with its id", async () => {
    await addNeed(eve, { ...need, description: "Eve's need" });
    const [evesNeed] = await stack.rt.needs.listFor(stack.tenantId, eve.aadObjectId);
    await addNeed(priya);
    const { cards } = await stack.message(priya, 'my plan');
    const id = evesNeed!.needId;
    const res = await stack.act(priya, 'plan.update', { cardId: cardIdIn(cards[0]), needId: id, [`status_${id}`]: 'dropped', [`dropReason_${id}`]: 'gone' });
    expect(cardText(res.body?.value)).toContain('That need is no longer in your plan.');
    expect((await stack.rt.needs.get(stack.tenantId, eve.aadObjectId, id))?.status).toBe('open');
    // And Eve's plan card is Eve's alone.
    const evesCard = (await stack.message(eve, 'my plan')).cards[0];
    expect((await stack.act(priya, 'plan.update', { cardId: cardIdIn(evesCard), needId: id, [`status_${id}`]: 'met' })).body?.value)
      .toBe('This card was sent to someone else, so only they can answer it.');
  });

  it("lets a line manager read and comment on a report's plan, never edit it, and tells the report", async () => {
    await addNeed(priya);
    const { cards } = await stack.message(dana, 'view plan');
    expect(cardText(cards[0])).toContain('Choose whose plan to see.');
    const cardId = cardIdIn(cards[0]);
    const shown = await stack.act(dana, 'reportPlan.show', { cardId, personId: priya.aadObjectId });
    const text = cardText(shown.body?.value);
    expect(text).toContain("Priya Shah's Learning Development Plan");
    expect(text).toContain('Writing court statements that stand up to cross-examination');
    expect(text).toContain('added by Priya');
    expect(text).not.toContain('added by you');
    expect(JSON.stringify(shown.body?.value)).not.toContain('plan.update');

    const [n] = await stack.rt.needs.listFor(stack.tenantId, priya.aadObjectId);
    stack.repliesTo(priya);
    const refused = await stack.act(dana, 'reportPlan.comment', { ...pressed(shown.body?.value, 'reportPlan.comment', n!.needId), [`comment_${n!.needId}`]: 'x'.repeat(480) + ' and more '.repeat(5) });
    expect(cardText(refused.body?.value)).toContain('Your comment can be at most 500 characters.');
    expect(JSON.stringify(refused.body?.value)).toContain('x'.repeat(480));
    const commented = await stack.act(dana, 'reportPlan.comment', { ...pressed(shown.body?.value, 'reportPlan.comment', n!.needId), [`comment_${n!.needId}`]: 'Ask Jo in the YOT court team about shadowing.' });
    expect(cardText(commented.body?.value)).toContain('Comment added. Priya will see it in their plan.');
    expect(cardText(commented.body?.value)).toContain('Dana Hughes, 23 November 2026: Ask Jo in the YOT court team about shadowing.');
    await stack.drainOutbox();
    expect(stack.repliesTo(priya).texts.join(' ')).toContain('Dana Hughes commented on your Learning Development Plan.');
    expect(cardText((await stack.message(priya, 'my plan')).cards[0])).toContain('Ask Jo in the YOT court team about shadowing.');

    // A manager cannot edit: the owner's verb on the manager's card is refused as a different card.
    expect((await stack.act(dana, 'plan.update', { cardId, needId: n!.needId })).body?.value).toBe('This card is no longer valid. Type help to start again.');
  });

  it("keeps plans from anyone who is not the person's manager", async () => {
    await addNeed(priya);
    const [n] = await stack.rt.needs.listFor(stack.tenantId, priya.aadObjectId);
    const { cards } = await stack.message(sam, 'view plan');
    expect(cards).toHaveLength(0);
    expect((await stack.message(sam, 'view plan')).texts.join(' ')).toContain("Weave doesn't know anyone who reports to you yet.");

    // Sam forges a show and a comment on Dana's card, and on his own: both refused.
    const danas = (await stack.message(dana, 'view plan')).cards[0];
    expect((await stack.act(sam, 'reportPlan.show', { cardId: cardIdIn(danas), personId: priya.aadObjectId })).body?.value)
      .toBe('This card was sent to someone else, so only they can answer it.');
    const res = await stack.act(dana, 'reportPlan.show', { cardId: cardIdIn(danas), personId: sam.aadObjectId });
    expect(cardText(res.body?.value)).toContain('Choose someone from the list');
    expect(cardText(res.body?.value)).not.toContain('Writing court statements');

    // Eve is a practitioner: the command is not hers.
    expect((await stack.message(eve, 'view plan')).texts.join(' ')).toContain('only for people with the');
    // If Priya moves to Sam's team, Dana's open card stops working for her plan.
    const shown = await stack.act(dana, 'reportPlan.show', { cardId: cardIdIn(danas), personId: priya.aadObjectId });
    expect(cardText(shown.body?.value)).toContain('Writing court statements');
    const p = (await stack.rt.people.get(stack.tenantId, priya.aadObjectId))!;
    await stack.rt.people.update(stack.tenantId, priya.aadObjectId, { managerId: sam.aadObjectId }, p.etag);
    const late = await stack.act(dana, 'reportPlan.comment', { cardId: cardIdIn(danas), needId: n!.needId, [`comment_${n!.needId}`]: 'Still here?' });
    expect(cardText(late.body?.value)).toContain("This person no longer reports to you, so you can't comment on their plan.");
    expect((await stack.rt.needs.get(stack.tenantId, priya.aadObjectId, n!.needId))?.comments).toEqual([]);
  });
});
