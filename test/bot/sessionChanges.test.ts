// When things change around a session: a manager changes their mind, the cadence grid moves, a
// session moves after it was answered, the supervisor changes, the person can't be reached, or
// nobody supervises them. Each is a way a prompt could be lost, doubled or sent to the wrong person.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runSessionPrompts } from '../../jobs/sessionPrompts';
import { cardText } from '../support/cards';
import { hrRecord, startTestStack, testClock, type TestStack } from '../support/stack';
import * as teams from '../support/teams';

const cardIdOf = (card: unknown) => /"cardId":"([0-9a-f-]{36})"/.exec(JSON.stringify(card))![1]!;

const answers = {
  wentWell: 'The family meeting went well.', what: 'Court deadlines.', soWhat: 'I rushed.', nowWhat: 'Plan my week.',
  need1Area: 'CC3', need1Text: 'Court statements', need1Activity: 'mentoring', need2Area: '', need2Text: '', need2Activity: '',
  wellbeing: 'ok', wellbeingNote: '',
};

describe('sessions when things change', () => {
  let stack: TestStack;
  const clock = testClock('2026-11-23T09:00:00Z');
  const dana = teams.testUser('Dana Hughes', 'dana.hughes@example.org');
  const sam = teams.testUser('Sam Okafor', 'sam.okafor@example.org');
  const priya = teams.testUser('Priya Shah', 'priya.shah@example.org');
  const jo = teams.testUser('Jo Reed', 'jo.reed@example.org');

  const job = async (at: string) => {
    clock.set(at);
    const summary = await runSessionPrompts(stack.rt);
    await stack.drainOutbox();
    return summary;
  };
  const record = async (manager: teams.TestUser, person: teams.TestUser, date: string, extra: Record<string, string> = {}) => {
    const { cards } = await stack.message(manager, 'supervision');
    const res = await stack.act(manager, 'schedule.save', { cardId: cardIdOf(cards[0]), personId: person.aadObjectId, kind: 'supervision', date, time: '10:00', repeat: 'none', ...extra });
    return cardText(res.body?.value);
  };
  const upcoming = async (person: teams.TestUser, from = '2026-11-01', to = '2027-02-01') =>
    (await stack.rt.sessions.listBetween(stack.tenantId, from, to)).filter((s) => s.personId === person.aadObjectId && s.status === 'upcoming');

  beforeEach(async () => {
    clock.set('2026-11-23T09:00:00Z');
    stack = await startTestStack({ clock });
    const manager = { jobTitle: 'Team Manager', profession: 'manager' as const, careerStage: 'manager' as const, roles: ['practitioner' as const, 'manager' as const] };
    await stack.seed([
      hrRecord(dana, manager),
      hrRecord(sam, manager),
      hrRecord(priya, { managerId: dana.aadObjectId, startDate: '2025-01-31' }),
      hrRecord(jo, { managerId: null, startDate: '2025-01-31' }),
    ]);
    for (const u of [dana, sam, priya, jo]) await stack.install(u);
  });
  afterEach(async () => stack?.stop());

  it('prompts for a date the manager recorded, changed, then recorded again', async () => {
    await record(dana, priya, '2026-12-04');
    await record(dana, priya, '2026-12-11');
    expect(await record(dana, priya, '2026-12-04')).toContain('Saved: supervision with Priya Shah on Friday 4 December');
    await job('2026-12-01T08:30:00Z');
    expect(cardText(stack.repliesTo(priya).cards[0])).toContain('Friday 4 December');
    expect((await upcoming(priya)).map((s) => s.date)).toEqual(['2026-12-04']);
    const status = cardText((await stack.message(dana, 'team status')).cards[0]);
    expect(status).toContain('Friday 4 December (recorded)');
  });

  it('keeps one expected supervision when the cadence grid moves (a corrected start date)', async () => {
    await job('2026-11-23T09:00:00Z');
    const before = await upcoming(priya);
    expect(before).toHaveLength(1);
    const p = (await stack.rt.people.get(stack.tenantId, priya.aadObjectId))!;
    await stack.rt.people.applyRoster(stack.tenantId, { joiners: [], leavers: [], updates: [{ ...hrRecord(priya, { managerId: dana.aadObjectId, startDate: '2025-02-14' }) }], unchanged: 0 } as never, '2026-11-23');
    expect((await stack.rt.people.get(stack.tenantId, priya.aadObjectId))!.startDate).toBe('2025-02-14');
    expect(p.startDate).toBe('2025-01-31');
    await job('2026-11-23T10:00:00Z');
    const after = await upcoming(priya);
    expect(after).toHaveLength(1);
    expect(after[0]!.date).not.toBe(before[0]!.date);
  });

  it('counts supervision from the month end without drifting to the 28th', async () => {
    // Started 31 January: monthly supervision on the last day of each month (or the working day after).
    await job('2026-11-23T09:00:00Z');
    expect((await upcoming(priya)).map((s) => s.date)).toEqual(['2026-11-30']);
  });

  it('makes an expected session on the same day the recorded one, with its time', async () => {
    await job('2026-11-23T09:00:00Z');
    const [expected] = await upcoming(priya);
    expect(expected).toMatchObject({ source: 'cadence', time: null, date: '2026-11-30' });
    await record(dana, priya, '2026-11-30', { time: '14:00' });
    expect(await upcoming(priya)).toMatchObject([{ date: '2026-11-30', source: 'recorded', time: '14:00' }]);
  });

  it('carries answers to the new date when a session moves, and re-answering does not duplicate the plan', async () => {
    await record(dana, priya, '2026-12-04');
    await job('2026-12-01T08:30:00Z');
    const cardId = cardIdOf(stack.repliesTo(priya).cards[0]);
    await stack.act(priya, 'supervision.submit', { cardId, ...answers });
    const edit = await stack.act(priya, 'supervision.edit', { cardId });
    expect(JSON.stringify(edit.body?.value)).not.toContain('Snooze');
    await stack.act(priya, 'supervision.moved', { cardId, change: 'moved', newDate: '2026-12-15' });

    await job('2026-12-10T08:30:00Z');
    const next = stack.repliesTo(priya).cards[0];
    expect(cardText(next)).toContain('Tuesday 15 December');
    expect(JSON.stringify(next)).toContain('Court deadlines.');
    await stack.act(priya, 'supervision.submit', { cardId: cardIdOf(next), ...answers, need1Text: 'Court statements, better' });
    expect((await stack.rt.needs.listFor(stack.tenantId, priya.aadObjectId)).map((n) => n.description)).toEqual(['Court statements, better']);
  });

  it('sends the answers to whoever supervises the person now, never to the one before', async () => {
    await record(dana, priya, '2026-12-04');
    await job('2026-12-01T08:30:00Z');
    const cardId = cardIdOf(stack.repliesTo(priya).cards[0]);
    // Sam becomes Priya's professional supervisor before she answers.
    const p = (await stack.rt.people.get(stack.tenantId, priya.aadObjectId))!;
    await stack.rt.people.update(stack.tenantId, priya.aadObjectId, { supervisorId: sam.aadObjectId }, p.etag);
    const sent = await stack.act(priya, 'supervision.submit', { cardId, ...answers });
    expect(cardText(sent.body?.value)).toContain('Sent to Sam Okafor');
    await job('2026-12-03T08:45:00Z');
    expect(cardText(stack.repliesTo(sam).cards[0])).toContain('Court deadlines.');
    expect(stack.repliesTo(dana).cards).toHaveLength(0);
    // And Dana, no longer her supervisor, cannot record her supervision.
    expect(await record(dana, priya, '2026-12-18')).toContain("Priya's supervision is with their professional supervisor, who records it.");
  });

  it('tells the supervisor when the person could not be reached, rather than that they were asked', async () => {
    stack.connector.blocked.add(teams.personalConversationId(priya));
    await record(dana, priya, '2026-12-04');
    await job('2026-12-01T08:30:00Z');
    await job('2026-12-03T08:45:00Z');
    expect(cardText(stack.repliesTo(dana).cards[0])).toContain('Weave could not reach Priya in Teams');
  });

  it('says so when there is nobody to send answers to', async () => {
    await job('2026-11-23T09:00:00Z');
    const [session] = await upcoming(jo);
    expect(session!.supervisorId).toBeNull();
    await job('2026-11-25T08:30:00Z');
    const prompt = stack.repliesTo(jo).cards[0];
    const sent = await stack.act(jo, 'supervision.submit', { cardId: cardIdOf(prompt), ...answers });
    expect(cardText(sent.body?.value)).toContain("Weave doesn't know your supervisor or line manager yet, so nobody else has seen it");
  });

  it('counts an expected supervision as held once its supervisor confirms it, so the person is not shown overdue for ever', async () => {
    await job('2026-11-25T08:30:00Z');
    const prompt = stack.repliesTo(priya).cards[0];
    await stack.act(priya, 'supervision.submit', { cardId: cardIdOf(prompt), ...answers });
    // The day after: preparing is not holding it. Dana is asked what happened.
    await job('2026-12-01T09:00:00Z');
    expect((await stack.rt.schedules.get(stack.tenantId, priya.aadObjectId, 'supervision'))?.lastHeld ?? null).toBeNull();
    const asked = stack.repliesTo(dana).cards.find((c) => cardText(c).includes('After supervision'))!;
    expect(cardText(asked)).toContain('Priya Shah: supervision on Monday 30 November');
    await stack.act(dana, 'outcome.held', { cardId: cardIdOf(asked) });
    expect((await stack.rt.schedules.get(stack.tenantId, priya.aadObjectId, 'supervision'))?.lastHeld).toBe('2026-11-30');
    expect(cardText((await stack.message(dana, 'team status')).cards[0])).not.toContain('none held yet');
  });

  it('does not prompt someone whose manager has not confirmed them, nor anyone who has left', async () => {
    const newcomer = teams.testUser('Nia Cole', 'nia.cole@example.org');
    await stack.rt.people.addSelfIntroduced({
      ...hrRecord(newcomer, { managerId: dana.aadObjectId }), tenantId: stack.tenantId, status: 'pending', source: 'self', leftOn: null, confirmedBy: null,
      preferredName: null, supervisorId: null, workingDays: [1, 2, 3, 4, 5], revalidationDate: null,
    });
    await stack.install(newcomer);
    await job('2026-11-25T08:30:00Z');
    expect(stack.repliesTo(newcomer).cards).toHaveLength(0);
    expect(await upcoming(newcomer)).toEqual([]);
  });

  it("refuses a recording from someone who is no longer a manager, on a card they were sent before", async () => {
    const { cards } = await stack.message(dana, 'supervision');
    await stack.seed([hrRecord(dana, { jobTitle: 'Social Worker', roles: ['practitioner'] })]);
    const res = await stack.act(dana, 'schedule.save', { cardId: cardIdOf(cards[0]), personId: priya.aadObjectId, kind: 'supervision', date: '2026-12-04', time: '', repeat: 'none' });
    expect(cardText(res.body?.value)).toContain('Only line managers can record sessions.');
    expect(await stack.rt.schedules.get(stack.tenantId, priya.aadObjectId, 'supervision')).toBeUndefined();
  });
});
