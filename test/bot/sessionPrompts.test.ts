// Supervision prompts end to end: a manager records a session, the job prompts the practitioner in
// their working hours, they answer (or snooze, or say it moved), their supervisor gets a summary
// the day before, and nothing is ever sent twice.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runSessionPrompts } from '../../jobs/sessionPrompts';
import { cardText } from '../support/cards';
import { hrRecord, startTestStack, testClock, type TestStack } from '../support/stack';
import { activityOptions } from '../support/stack';
import * as teams from '../support/teams';

const cardIdOf = (card: Record<string, unknown>) => (card.actions as { data?: { cardId?: string } }[]).find((a) => a.data?.cardId)!.data!.cardId!;

const answers = {
  wentWell: 'The family meeting went better than I feared.',
  what: 'Court deadlines stacked up this month.',
  soWhat: 'I rushed two assessments.',
  nowWhat: 'Plan my week around statements.',
  need1Area: 'CC3', need1Text: 'Writing court statements that stand up', need1Activity: 'mentoring',
  need2Area: '', need2Text: '', need2Activity: '',
  wellbeing: 'ok', wellbeingNote: '',
};

describe('supervision prompts', () => {
  let stack: TestStack;
  const clock = testClock('2026-11-23T09:00:00Z'); // Monday 23 November 2026, 09:00 in London
  const dana = teams.testUser('Dana Hughes', 'dana.hughes@example.org');
  const priya = teams.testUser('Priya Shah', 'priya.shah@example.org');
  const eve = teams.testUser('Eve Marsh', 'eve.marsh@example.org');

  async function job(at: string) {
    clock.set(at);
    const summary = await runSessionPrompts(stack.rt);
    await stack.drainOutbox();
    return summary;
  }

  /** Dana records Priya's supervision through the `supervision` card. */
  async function danaRecords(date: string, extra: Record<string, string> = {}) {
    const { cards } = await stack.message(dana, 'supervision');
    const res = await stack.act(dana, 'schedule.save', { cardId: cardIdOf(cards[0]!), personId: priya.aadObjectId, kind: 'supervision', date, time: '10:00', repeat: 'none', ...extra });
    return cardText(res.body?.value);
  }

  beforeEach(async () => {
    clock.set('2026-11-23T09:00:00Z');
    stack = await startTestStack({ clock });
    await stack.seed([
      hrRecord(dana, { jobTitle: 'Team Manager', profession: 'manager', careerStage: 'manager', roles: ['practitioner', 'manager'] }),
      hrRecord(priya, { managerId: dana.aadObjectId, careerStage: 'experienced' }),
      hrRecord(eve, { managerId: dana.aadObjectId }),
    ], '2026-06-01'); // on the roster since June: long enough for supervision to be overdue
    for (const u of [dana, priya, eve]) await stack.install(u);
  });
  afterEach(async () => stack?.stop());

  it('prompts three working days before, in working hours only, and gives the supervisor a summary the day before', async () => {
    expect(await danaRecords('2026-12-04')).toContain('Saved: supervision with Priya Shah on Friday 4 December at 10:00');

    // Monday: too early (the prompt goes three working days before: Tuesday 1 December).
    await job('2026-11-30T09:30:00Z');
    expect(stack.repliesTo(priya).cards).toHaveLength(0);
    // Tuesday at 07:00 in London: before working hours.
    await job('2026-12-01T07:00:00Z');
    expect(stack.repliesTo(priya).cards).toHaveLength(0);
    // Tuesday 08:30.
    await job('2026-12-01T08:30:00Z');
    const [prompt] = stack.repliesTo(priya).cards;
    expect(cardText(prompt)).toContain('Supervision with Dana Hughes on Friday 4 December at 10:00');
    expect(cardText(prompt)).toContain('At least 90 minutes, uninterrupted');

    // Running again, even twice at once, sends nothing new.
    clock.set('2026-12-01T09:30:00Z');
    await Promise.all([runSessionPrompts(stack.rt), runSessionPrompts(stack.rt)]);
    await stack.drainOutbox();
    expect(stack.repliesTo(priya).cards).toHaveLength(0);

    // Priya answers.
    const cardId = cardIdOf(prompt!);
    const sent = await stack.act(priya, 'supervision.submit', { cardId, ...answers });
    const view = cardText(sent.body?.value);
    expect(view).toContain('Sent to Dana Hughes');
    expect(view).toContain('Court deadlines stacked up this month.');
    expect(JSON.stringify(sent.body?.value)).toContain('supervision.edit');
    const needs = await stack.rt.needs.listFor(stack.tenantId, priya.aadObjectId);
    expect(needs).toMatchObject([{ codes: ['CC3'], description: 'Writing court statements that stand up', activityTypes: ['mentoring'], source: 'supervision', status: 'open', period: '2026-04-15' }]);

    // A second submit of the same card is refused politely; nothing changes.
    const again = await stack.act(priya, 'supervision.submit', { cardId, ...answers, what: 'changed' });
    expect(again.body?.value).toBe("You've already answered this card.");

    // The working day before (Thursday), Dana gets the summary; nobody else does.
    await job('2026-12-03T08:45:00Z');
    const [summary] = stack.repliesTo(dana).cards;
    expect(cardText(summary)).toContain('Priya Shah: supervision on Friday 4 December at 10:00');
    expect(cardText(summary)).toContain('Court deadlines stacked up this month.');
    expect(cardText(summary)).toContain('CC3 Safeguarding: Writing court statements that stand up (would like: Mentoring)');
    expect(stack.repliesTo(eve).cards).toHaveLength(0);
    expect(stack.repliesTo(priya).cards).toHaveLength(0);
  });

  it('refuses an answer from anyone else and changes nothing', async () => {
    await danaRecords('2026-12-04');
    await job('2026-12-01T08:30:00Z');
    const cardId = cardIdOf(stack.repliesTo(priya).cards[0]!);
    const forged = await stack.act(eve, 'supervision.submit', { cardId, ...answers });
    expect(forged.body?.value).toBe('This card was sent to someone else, so only they can answer it.');
    const session = (await stack.rt.sessions.listBetween(stack.tenantId, '2026-12-04', '2026-12-04'))[0]!;
    expect(session.answeredAt).toBeNull();
    expect(await stack.rt.needs.listFor(stack.tenantId, priya.aadObjectId)).toEqual([]);
  });

  it('says exactly what to fix, keeping what was typed', async () => {
    await danaRecords('2026-12-04');
    await job('2026-12-01T08:30:00Z');
    const cardId = cardIdOf(stack.repliesTo(priya).cards[0]!);
    const bad = await stack.act(priya, 'supervision.submit', { cardId, ...answers, need1Area: '', need2Area: 'CC9', what: 'x'.repeat(2001) });
    const text = cardText(bad.body?.value);
    expect(text).toContain('What? can be at most 2000 characters.');
    expect(text).toContain('Area of the Common Core for learning need 2: "CC9" is not one of the choices.');
    expect(text).toContain('Choose an area of the Common Core for learning need 1.');
    expect(JSON.stringify(bad.body?.value)).toContain('The family meeting went better than I feared.');
    const empty = await stack.act(priya, 'supervision.submit', { cardId });
    expect(cardText(empty.body?.value)).toContain('Write something in at least one box, or use Snooze');
  });

  it('sends one reminder two working days after the prompt, and only one', async () => {
    await danaRecords('2026-12-07'); // Monday: prompted Wednesday 2nd
    await job('2026-12-02T08:30:00Z');
    expect(stack.repliesTo(priya).cards).toHaveLength(1);
    await job('2026-12-03T08:30:00Z');
    expect(stack.repliesTo(priya).cards).toHaveLength(0);
    await job('2026-12-04T08:30:00Z');
    const [reminder] = stack.repliesTo(priya).cards;
    expect(cardText(reminder)).toContain('Reminder');
    expect(cardText(reminder)).toContain('Your supervision is on Monday 7 December.');
    await job('2026-12-04T10:30:00Z');
    await job('2026-12-05T10:30:00Z'); // Saturday
    expect(stack.repliesTo(priya).cards).toHaveLength(0);
  });

  it('snoozes for working days with a reason, then asks again; the supervisor sees the deferral', async () => {
    await danaRecords('2026-12-08'); // Tuesday: prompted Thursday 3rd
    await job('2026-12-03T08:30:00Z');
    const cardId = cardIdOf(stack.repliesTo(priya).cards[0]!);
    const snoozed = await stack.act(priya, 'supervision.snooze', { cardId, snoozeDays: '1', snoozeReason: 'court week' });
    expect(cardText(snoozed.body?.value)).toContain('Snoozed until Friday 4 December');
    await job('2026-12-03T15:30:00Z');
    expect(stack.repliesTo(priya).cards).toHaveLength(0);
    await job('2026-12-04T08:30:00Z');
    const [again] = stack.repliesTo(priya).cards;
    expect(cardText(again)).toContain('As you asked');
    expect(cardIdOf(again!)).toBe(cardId); // the same card, still answerable
    // Not answered by Monday: Dana's summary says so, with the snooze.
    await job('2026-12-07T08:30:00Z');
    const [summary] = stack.repliesTo(dana).cards;
    expect(cardText(summary)).toContain('Not yet prepared. Snoozed once (court week).');
  });

  it('snoozes at most until the working day before the session, and not at all on that day', async () => {
    await danaRecords('2026-12-04');
    await job('2026-12-01T08:30:00Z');
    const cardId = cardIdOf(stack.repliesTo(priya).cards[0]!);
    const res = await stack.act(priya, 'supervision.snooze', { cardId, snoozeDays: '3', snoozeReason: '' });
    expect(cardText(res.body?.value)).toContain('Snoozed until Thursday 3 December');
    clock.set('2026-12-03T09:00:00Z');
    const late = await stack.act(priya, 'supervision.snooze', { cardId, snoozeDays: '1', snoozeReason: '' });
    expect(cardText(late.body?.value)).toContain('there is no time left to snooze');
  });

  it("handles 'not happening': a move tells the supervisor and prompts again before the new date", async () => {
    await danaRecords('2026-12-04');
    await job('2026-12-01T08:30:00Z');
    const cardId = cardIdOf(stack.repliesTo(priya).cards[0]!);
    const moved = await stack.act(priya, 'supervision.moved', { cardId, change: 'moved', newDate: '2026-12-15' });
    expect(cardText(moved.body?.value)).toContain('Noted: moved to Tuesday 15 December');
    await stack.drainOutbox();
    expect(stack.repliesTo(dana).texts).toEqual(['Priya Shah says your supervision on Friday 4 December has moved to Tuesday 15 December.']);
    // No summary for the old date; a new prompt three working days before the new one.
    await job('2026-12-03T09:00:00Z');
    expect(stack.repliesTo(dana).cards).toHaveLength(0);
    await job('2026-12-10T08:30:00Z');
    expect(cardText(stack.repliesTo(priya).cards[0])).toContain('on Tuesday 15 December');
  });

  it('can be edited until the day, and the supervisor gets the update', async () => {
    await danaRecords('2026-12-04');
    await job('2026-12-01T08:30:00Z');
    const cardId = cardIdOf(stack.repliesTo(priya).cards[0]!);
    await stack.act(priya, 'supervision.submit', { cardId, ...answers });
    await job('2026-12-03T08:45:00Z');
    expect(stack.repliesTo(dana).cards).toHaveLength(1);
    const editable = await stack.act(priya, 'supervision.edit', { cardId });
    expect(JSON.stringify(editable.body?.value)).toContain('"id":"wentWell"');
    await stack.act(priya, 'supervision.submit', { cardId, ...answers, need1Text: 'Giving evidence in court', nowWhat: 'Ask for a mentor' });
    await stack.drainOutbox();
    const [update] = stack.repliesTo(dana).cards;
    expect(cardText(update)).toContain('Ask for a mentor');
    expect((await stack.rt.needs.listFor(stack.tenantId, priya.aadObjectId)).map((n) => n.description)).toEqual(['Giving evidence in court']);
  });

  it('prompts someone in another time zone at the start of their working day', async () => {
    await stack.post(teams.personalMessage(priya, 'help', { ...activityOptions(stack), timeZone: 'America/New_York' }));
    stack.repliesTo(priya);
    await danaRecords('2026-12-04');
    await job('2026-12-01T08:30:00Z'); // 03:30 in New York
    expect(stack.repliesTo(priya).cards).toHaveLength(0);
    await job('2026-12-01T13:30:00Z'); // 08:30 in New York
    expect(stack.repliesTo(priya).cards).toHaveLength(1);
  });

  it('shows the manager where each report stands', async () => {
    await danaRecords('2026-12-04');
    await job('2026-12-01T08:30:00Z');
    const cardId = cardIdOf(stack.repliesTo(priya).cards[0]!);
    await stack.act(priya, 'supervision.submit', { cardId, ...answers });
    // Eve blocked the app: the next message to her comes back 403.
    stack.connector.blocked.add(teams.personalConversationId(eve));
    await stack.rt.outbox.sendText(stack.tenantId, 'any', eve.aadObjectId, 'hello');
    await stack.drainOutbox();
    // Ola is on the roster but has never opened Weave.
    const ola = teams.testUser('Ola Berg', 'ola.berg@example.org');
    await stack.seed([hrRecord(ola, { managerId: dana.aadObjectId })], '2026-06-01');
    const { cards } = await stack.message(dana, 'team status');
    const text = cardText(cards[0]);
    expect(text).toContain('Priya Shah');
    expect(text).toContain('Friday 4 December (recorded)');
    expect(text).toContain('prepared');
    expect(text).toContain('Eve Marsh');
    expect(text).toMatch(/Overdue[\s\S]*none held yet/);
    expect(text).toContain('not reachable in Teams: cannot be prompted');
    expect(text).toContain('has not opened Weave yet: cannot be prompted');
    expect(text).toContain('3 people · 1 prepared for their next supervision · 2 overdue · 2 not reachable in Teams');
    // Only managers may ask.
    const refused = await stack.message(priya, 'team status');
    expect(refused.texts[0]).toContain('only for people with the Line manager role');
  });

  it('never prompts on a bank holiday, and keeps 08:30 local through British Summer Time', async () => {
    await danaRecords('2026-12-31'); // due Monday 28 December, the Boxing Day substitute: so Tuesday 29th
    await job('2026-12-28T09:00:00Z');
    expect(stack.repliesTo(priya).cards).toHaveLength(0);
    await job('2026-12-29T08:30:00Z');
    expect(stack.repliesTo(priya).cards).toHaveLength(1);

    await danaRecords('2027-06-18'); // a Friday in summer: due Tuesday 15 June
    await job('2027-06-15T07:00:00Z'); // 08:00 BST
    expect(stack.repliesTo(priya).cards).toHaveLength(0);
    await job('2027-06-15T07:30:00Z'); // 08:30 BST
    expect(cardText(stack.repliesTo(priya).cards[0])).toContain('Friday 18 June');
  });

  it('picks up where it left off after a crash between queueing a prompt and recording it', async () => {
    await danaRecords('2026-12-04');
    clock.set('2026-12-01T08:30:00Z');
    await runSessionPrompts(stack.rt); // plans the session and sends
    const [session] = await stack.rt.sessions.listBetween(stack.tenantId, '2026-12-04', '2026-12-04');
    // As if the job had died after queueing: forget that the prompt was recorded.
    await stack.rt.sessions.update(session!, { promptSentAt: null, promptCardId: null });
    await runSessionPrompts(stack.rt);
    await stack.drainOutbox();
    expect(stack.repliesTo(priya).cards).toHaveLength(1);
    expect((await stack.rt.sessions.listBetween(stack.tenantId, '2026-12-04', '2026-12-04'))[0]!.promptSentAt).not.toBeNull();
  });
});

describe('appraisal prompts', () => {
  let stack: TestStack;
  const clock = testClock('2027-04-01T09:00:00Z');
  const dana = teams.testUser('Dana Hughes', 'dana.hughes@example.org');
  const priya = teams.testUser('Priya Shah', 'priya.shah@example.org');

  beforeEach(async () => {
    stack = await startTestStack({ clock });
    await stack.seed([
      hrRecord(dana, { profession: 'manager', careerStage: 'manager', roles: ['practitioner', 'manager'] }),
      hrRecord(priya, { managerId: dana.aadObjectId, careerStage: 'experienced' }),
    ]);
    await stack.install(dana);
    await stack.install(priya);
    for (const [i, text] of ['Chairing multi-agency meetings', 'Life story work'].entries()) {
      await stack.rt.needs.save({
        tenantId: stack.tenantId, personId: priya.aadObjectId, needId: `need-${i}`, codes: [i ? 'CC4' : 'CC5'], description: text,
        activityTypes: [], priority: 'medium', status: 'open', source: 'supervision', sourceRef: 'earlier', targetDate: null,
        frameworkTag: null, period: '2026-04-15', plan: null, dropReason: null, comments: [], history: [],
        createdAt: `2026-0${i + 5}-01T00:00:00Z`, updatedAt: `2026-0${i + 5}-01T00:00:00Z`,
      });
    }
  });
  afterEach(async () => stack?.stop());

  it('asks for a self-assessment against the Common Core and a review of the plan, and updates the plan', async () => {
    clock.set('2027-04-12T08:30:00Z'); // the policy's appraisal is Thursday 15 April: due Monday 12th
    await runSessionPrompts(stack.rt);
    await stack.drainOutbox();
    // Her monthly supervision falls on the 15th too: two cards; this test is about the appraisal one.
    const prompt = stack.repliesTo(priya).cards.find((c) => cardText(c).includes('Preparing for your appraisal'));
    const text = cardText(prompt);
    expect(text).toContain('Appraisal with Dana Hughes on Thursday 15 April');
    expect(text).toContain('CC3 Safeguarding and promoting the welfare of the child or young person');
    expect(text).toContain('CC5 Multi-agency working: Chairing multi-agency meetings');
    const cardId = cardIdOf(prompt!);

    const incomplete = await stack.act(priya, 'appraisal.submit', { cardId, sa_CC1: '3' });
    expect(cardText(incomplete.body?.value)).toContain('Rate yourself from 1 to 4 for every area of the Common Core (missing: CC2, CC3, CC4, CC5, CC6).');

    const ratings = Object.fromEntries(['CC1', 'CC2', 'CC3', 'CC4', 'CC5', 'CC6'].map((c, i) => [`sa_${c}`, String((i % 4) + 1)]));
    const done = await stack.act(priya, 'appraisal.submit', {
      cardId, ...ratings, ev_CC5: 'Chaired two strategy meetings', 'review_need-0': 'met', 'review_need-1': 'continue', review_forged: 'drop',
      need1Area: 'CC6', need1Text: 'Information sharing with schools', need1Activity: 'work_shadowing',
    });
    expect(cardText(done.body?.value)).toContain('CC5 Multi-agency working: 1, not yet. Chaired two strategy meetings');
    const needs = await stack.rt.needs.listFor(stack.tenantId, priya.aadObjectId);
    expect(needs.find((n) => n.needId === 'need-0')?.status).toBe('met');
    // Carried into the plan year that starts with the appraisal, keeping where it stood before.
    expect(needs.find((n) => n.needId === 'need-1')).toMatchObject({ status: 'in_progress', period: '2027-04-15', history: [{ period: '2026-04-15', status: 'open' }] });
    expect(needs.find((n) => n.source === 'appraisal')).toMatchObject({ codes: ['CC6'], activityTypes: ['work_shadowing'], period: '2027-04-15' });
    // Until the new plan year starts, what she named for it shows in her plan as next year's.
    const plan = cardText((await stack.message(priya, 'my plan')).cards[0]);
    expect(plan).toMatch(/For your next plan year \(2\)[\s\S]*Information sharing with schools/);
  });
});
