// At appraisal: feedback from people who use services (checked for anything that identifies
// someone) and what got in the way of learning; then next year's plan, agreed by both — the
// appraiser agrees or comments on each need, the appraisee agrees the whole — dated, visible to
// both, with later changes marked. Barriers roll up for the organisation, totals only.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { barrierCounts } from '../../app/plans/barriers';
import { runSessionPrompts } from '../../jobs/sessionPrompts';
import { cardText } from '../support/cards';
import { hrRecord, startTestStack, testClock, type TestStack } from '../support/stack';
import * as teams from '../support/teams';

const cardIdOf = (card: unknown) => /"cardId":"([0-9a-f-]{36})"/.exec(JSON.stringify(card))![1]!;
const ratings = Object.fromEntries(['CC1', 'CC2', 'CC3', 'CC4', 'CC5', 'CC6'].map((c) => [`sa_${c}`, '3']));

describe('appraisal: the plan agreed by both', () => {
  let stack: TestStack;
  const clock = testClock('2027-04-12T08:30:00Z');
  const dana = teams.testUser('Dana Hughes', 'dana.hughes@example.org');
  const priya = teams.testUser('Priya Shah', 'priya.shah@example.org');
  const eve = teams.testUser('Eve Marsh', 'eve.marsh@example.org');
  const job = async (at: string) => {
    clock.set(at);
    await runSessionPrompts(stack.rt);
    await stack.drainOutbox();
  };

  beforeEach(async () => {
    clock.set('2027-04-01T09:00:00Z');
    stack = await startTestStack({ clock });
    await stack.seed([
      hrRecord(dana, { profession: 'manager', careerStage: 'manager', roles: ['practitioner', 'manager'] }),
      hrRecord(priya, { managerId: dana.aadObjectId }), hrRecord(eve, { managerId: dana.aadObjectId }),
    ], '2026-06-01');
    for (const u of [dana, priya, eve]) await stack.install(u);
    await stack.rt.needs.save({
      tenantId: stack.tenantId, personId: priya.aadObjectId, needId: '0e000000-0000-4000-8000-000000000001', codes: ['CC5'], description: 'Chairing multi-agency meetings',
      activityTypes: [], priority: 'medium', status: 'open', source: 'self', sourceRef: 'earlier', targetDate: null, frameworkTag: null, period: '2026-04-15',
      plan: null, dropReason: null, comments: [], history: [], createdAt: '2026-05-01T00:00:00Z', updatedAt: '2026-05-01T00:00:00Z',
    });
  });
  afterEach(async () => stack?.stop());

  it('asks about feedback and barriers, then the appraiser and the appraisee agree the plan, dated for both', async () => {
    await job('2027-04-12T07:30:00Z'); // 08:30 BST, three working days before Thursday 15 April
    const prompt = stack.repliesTo(priya).cards.find((c) => cardText(c).includes('Preparing for your appraisal'))!;
    const text = cardText(prompt);
    expect(text).toContain('What people who use services said (optional)');
    expect(text).toContain('What got in the way of your learning this year? (optional)');
    const cardId = cardIdOf(prompt);
    const base = { cardId, ...ratings, 'review_0e000000-0000-4000-8000-000000000001': 'continue', need1Area: 'CC6', need1Text: 'Information sharing with schools', need1Activity: 'work_shadowing', barriers: 'time,cover', barrierNote: 'Court weeks ate my study days' };

    // Feedback that seems to name a child is shown back first, nothing sent.
    const named = await stack.act(priya, 'appraisal.submit', { ...base, feedback: 'Jake (12) said I was the first social worker who listened.' });
    expect(cardText(named.body?.value)).toContain('"Jake (12)" looks like a name and an age.');
    expect(cardText(named.body?.value)).toContain("I'm sure this identifies nobody: send it anyway");
    expect((await stack.rt.sessions.listBetween(stack.tenantId, '2027-04-15', '2027-04-15')).find((s) => s.kind === 'appraisal')?.answeredAt).toBeNull();
    const contradictory = await stack.act(priya, 'appraisal.submit', { ...base, barriers: 'none,time', feedback: '' });
    expect(cardText(contradictory.body?.value)).toContain('choose "Nothing got in the way" on its own');
    const sent = await stack.act(priya, 'appraisal.submit', { ...base, feedback: 'A young person said I was the first social worker who listened.' });
    expect(cardText(sent.body?.value)).toMatch(/What got in the way of your learning\nTime, Cover for my work: Court weeks ate my study days/);
    expect(cardText(sent.body?.value)).toContain('A young person said I was the first social worker who listened.');

    // The working day after the appraisal, Dana is asked to agree the plan.
    await job('2027-04-15T07:30:00Z');
    stack.repliesTo(dana);
    await job('2027-04-16T07:30:00Z');
    const agreement = stack.repliesTo(dana).cards.find((c) => cardText(c).includes('After the appraisal'))!;
    expect(cardText(agreement)).toContain("Priya Shah's plan for the year from 15 April 2027");
    expect(cardText(agreement)).toContain('Chairing multi-agency meetings');
    expect(cardText(agreement)).toContain('Information sharing with schools');
    const newNeed = (await stack.rt.needs.listFor(stack.tenantId, priya.aadObjectId)).find((n) => n.source === 'appraisal')!;
    const carried = '0e000000-0000-4000-8000-000000000001';

    // Only Dana may answer; every need needs a view.
    expect((await stack.act(priya, 'agreement.review', { cardId: cardIdOf(agreement) })).body?.value).toBe('This card was sent to someone else, so only they can answer it.');
    const incomplete = await stack.act(dana, 'agreement.review', { cardId: cardIdOf(agreement), [`decision_${carried}`]: 'agreed', [`decision_${newNeed.needId}`]: 'commented' });
    expect(cardText(incomplete.body?.value)).toContain('Need 2: write your comment, or agree it.');
    const reviewed = await stack.act(dana, 'agreement.review', {
      cardId: cardIdOf(agreement), [`decision_${carried}`]: 'agreed', [`decision_${newNeed.needId}`]: 'commented', [`comment_${newNeed.needId}`]: 'Shadow the virtual school first.',
    });
    expect(cardText(reviewed.body?.value)).toContain('Sent to Priya to agree');
    await stack.drainOutbox();

    // Priya sees Dana's view, and agrees.
    const confirm = stack.repliesTo(priya).cards.find((c) => cardText(c).includes('Your plan for next year'))!;
    expect(cardText(confirm)).toContain('Dana agreed 1 and commented on 1.');
    expect(cardText(confirm)).toContain('Dana: Shadow the virtual school first.');
    const agreed = await stack.act(priya, 'agreement.confirm', { cardId: cardIdOf(confirm) });
    expect(cardText(agreed.body?.value)).toContain('Agreed. Your plan is dated Friday 16 April 2027.');
    expect((await stack.act(priya, 'agreement.confirm', { cardId: cardIdOf(confirm) })).body?.value).toBe("You've already answered this card.");
    await stack.drainOutbox();
    expect(stack.repliesTo(dana).texts[0]).toContain('Priya Shah agreed their Learning Development Plan for the year from 15 April 2027, as you reviewed it (Friday 16 April 2027).');

    // Both see it dated; what changes after is marked.
    expect(cardText((await stack.message(priya, 'my plan')).cards[0])).toContain('Plan year from Thursday 15 April 2027: agreed by you and Dana Hughes on Friday 16 April 2027.');
    const need = (await stack.rt.needs.get(stack.tenantId, priya.aadObjectId, carried))!;
    await stack.rt.needs.update(need, { status: 'met', updatedAt: '2027-04-20T09:00:00Z' });
    const { cards } = await stack.message(dana, 'view plan');
    const view = cardText((await stack.act(dana, 'reportPlan.show', { cardId: cardIdOf(cards[0]), personId: priya.aadObjectId })).body?.value);
    expect(view).toContain('agreed by Priya Shah and you on Friday 16 April 2027');
    expect(view).toMatch(/Changed since the plan was agreed[\s\S]*Chairing multi-agency meetings|Chairing multi-agency meetings[\s\S]*Changed since the plan was agreed/);
    expect(view).toContain('Shadow the virtual school first.');

    // What got in the way is counted for the organisation only once a group clears the threshold.
    expect((await barrierCounts(stack.rt, '2027-04-16', 'profession')).rows).toEqual([]);
  });
});

describe('what got in the way, counted for the organisation', () => {
  let stack: TestStack;
  afterEach(async () => stack?.stop());

  it('shows counts by group only when they and the rest of the group clear the threshold, pooling small groups', async () => {
    stack = await startTestStack({ clock: testClock('2027-05-03T09:00:00Z') });
    const people = Array.from({ length: 7 }, (_, i) => teams.testUser(`Person ${i}`, `p${i}@example.org`));
    await stack.seed(people.map((u, i) => hrRecord(u, { profession: i < 4 ? 'social_worker' : i < 6 ? 'teacher' : 'school_nurse', registrationBody: 'none' })));
    const said: string[][] = [['time', 'cover'], ['time'], ['time', 'cost'], ['time'], ['permission'], ['none'], ['time']];
    for (const [i, u] of people.entries()) {
      await stack.rt.appraisals.save({
        tenantId: stack.tenantId, personId: u.aadObjectId, period: '2027-04-15', sessionKey: `2027-04-15|${u.aadObjectId}|appraisal`, date: '2027-04-15', appraiserId: null,
        ratings: { CC1: 3 }, barriers: said[i] as never, barrierNote: 'private words', feedback: 'private words', status: 'proposed', items: [], reviewedAt: null, agreedAt: null,
      });
    }
    const facts = await stack.rt.appraisals.listFacts(stack.tenantId);
    expect(JSON.stringify(facts)).not.toContain('private words');
    const byProfession = await barrierCounts(stack.rt, '2027-05-03', 'profession');
    expect(byProfession.rows.map((r) => [r.group, r.respondents])).toEqual([['Social worker', 4], ['Other (groups under 3)', 3]]);
    const sw = byProfession.rows[0]!.barriers;
    expect(sw.find((b) => b.code === 'time')).toMatchObject({ people: 4, shown: 'all 4' });
    expect(sw.find((b) => b.code === 'cover')).toMatchObject({ people: null, shown: 'fewer than 3 of 4' });
    expect(sw.find((b) => b.code === 'permission')).toMatchObject({ people: 0, shown: 'none' });
    const whole = await barrierCounts(stack.rt, '2027-05-03');
    expect(whole.rows[0]).toMatchObject({ group: 'Everyone', respondents: 7 });
    expect(whole.rows[0]!.barriers.find((b) => b.code === 'time')).toMatchObject({ people: null, shown: 'all but fewer than 3 of 7' });
  });
});
