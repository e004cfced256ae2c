// After a supervision: the working day after, its supervisor is asked what happened — held (with
// what was agreed: learning joins the person's plan), moved, or didn't happen — and reminded once.
// The person sees what was agreed in their chat and plan, and logs it as CPD in one tap; nobody
// else sees it. Presses from anyone else, too late, or from someone who no longer supervises them
// are refused. And two runs of the job at once report exactly what was sent.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runSessionPrompts } from '../../jobs/sessionPrompts';
import { cardText } from '../support/cards';
import { hrRecord, startTestStack, testClock, type TestStack } from '../support/stack';
import * as teams from '../support/teams';

const cardIdOf = (card: unknown) => /"cardId":"([0-9a-f-]{36})"/.exec(JSON.stringify(card))![1]!;
const answers = {
  wentWell: 'The family meeting went well.', what: 'Court deadlines stacked up.', soWhat: 'I rushed two assessments.', nowWhat: 'Plan my week around statements.',
  need1Area: 'CC3', need1Text: 'Court statements', need1Activity: 'mentoring',
};

describe('after a supervision', () => {
  let stack: TestStack;
  const clock = testClock('2026-11-23T09:00:00Z');
  const dana = teams.testUser('Dana Hughes', 'dana.hughes@example.org');
  const sam = teams.testUser('Sam Okafor', 'sam.okafor@example.org');
  const priya = teams.testUser('Priya Shah', 'priya.shah@example.org');
  const eve = teams.testUser('Eve Marsh', 'eve.marsh@example.org');

  const job = async (at: string) => {
    clock.set(at);
    const summary = await runSessionPrompts(stack.rt);
    await stack.drainOutbox();
    return summary;
  };
  /** Dana records Priya's supervision on Friday 4 December; Priya prepares; the day passes; Monday morning Dana is asked. */
  async function heldFriday(): Promise<string> {
    const { cards } = await stack.message(dana, 'supervision');
    await stack.act(dana, 'schedule.save', { cardId: cardIdOf(cards[0]), personId: priya.aadObjectId, kind: 'supervision', date: '2026-12-04', time: '10:00', repeat: 'none' });
    await job('2026-12-01T08:30:00Z');
    await stack.act(priya, 'supervision.submit', { cardId: cardIdOf(stack.repliesTo(priya).cards[0]), ...answers });
    await job('2026-12-03T08:30:00Z');
    stack.repliesTo(dana);
    await job('2026-12-07T08:30:00Z');
    const asked = stack.repliesTo(dana).cards;
    expect(asked).toHaveLength(1);
    return cardIdOf(asked[0]);
  }
  const session = async () => (await stack.rt.sessions.listBetween(stack.tenantId, '2026-12-04', '2026-12-04')).find((s) => s.personId === priya.aadObjectId)!;

  beforeEach(async () => {
    clock.set('2026-11-23T09:00:00Z');
    stack = await startTestStack({ clock });
    const manager = { jobTitle: 'Team Manager', profession: 'manager' as const, careerStage: 'manager' as const, roles: ['practitioner' as const, 'manager' as const] };
    await stack.seed([
      hrRecord(dana, manager), hrRecord(sam, { ...manager, profession: 'social_worker', registrationBody: 'swe' }),
      hrRecord(priya, { managerId: dana.aadObjectId }), hrRecord(eve, { managerId: dana.aadObjectId }),
    ], '2026-06-01');
    for (const u of [dana, sam, priya, eve]) await stack.install(u);
  });
  afterEach(async () => stack?.stop());

  it('asks the supervisor the working day after; held with actions puts the learning in the plan and tells the person alone', async () => {
    const cardId = await heldFriday();
    expect((await session()).status).toBe('unconfirmed');
    // Until Dana says, it is not held: Priya shows overdue, with none held.
    expect(cardText((await stack.message(dana, 'team status')).cards[0])).toMatch(/Priya Shah[\s\S]*none held yet/);

    const held = await stack.act(dana, 'outcome.held', {
      cardId,
      action1Text: 'Read the court skills guide and bring questions', action1Owner: 'person', action1Due: '2027-01-15', action1Area: 'CC3',
      action2Text: 'Book a court observation day', action2Owner: 'supervisor', action2Due: '2026-12-18', action2Area: '',
    });
    const done = cardText(held.body?.value);
    expect(done).toContain("Recorded: Priya Shah's supervision on Friday 4 December 2026 was held");
    expect(done).toContain('Book a court observation day (you, by Friday 18 December)');
    await stack.drainOutbox();

    // The learning joins her plan, sourced from supervision, due when agreed; the other action does not.
    const needs = await stack.rt.needs.listFor(stack.tenantId, priya.aadObjectId);
    expect(needs.find((n) => n.description === 'Read the court skills guide and bring questions')).toMatchObject({ source: 'supervision', codes: ['CC3'], targetDate: '2027-01-15', status: 'open' });
    expect(needs.some((n) => n.description === 'Book a court observation day')).toBe(false);
    expect((await stack.rt.schedules.get(stack.tenantId, priya.aadObjectId, 'supervision'))?.lastHeld).toBe('2026-12-04');

    // Priya has it in her chat, and in her plan.
    const record = stack.repliesTo(priya).cards.find((c) => cardText(c).includes('Supervision held'))!;
    expect(cardText(record)).toContain('Read the court skills guide and bring questions (you, by Friday 15 January) · learning: CC3 Safeguarding, in your plan');
    expect(cardText(record)).toContain('Book a court observation day (your supervisor, by Friday 18 December)');
    const plan = cardText((await stack.message(priya, 'my plan')).cards[0]);
    expect(plan).toContain('Agreed at your supervision on Friday 4 December 2026');
    expect(plan).toContain('Book a court observation day');
    // Nobody else: not Eve, not Dana's view of the plan (which has only the learning need), not team status.
    expect(stack.repliesTo(eve).cards).toHaveLength(0);
    const { cards } = await stack.message(dana, 'view plan');
    const view = await stack.act(dana, 'reportPlan.show', { cardId: cardIdOf(cards[0]), personId: priya.aadObjectId });
    expect(cardText(view.body?.value)).not.toContain('Book a court observation day');
    const status = cardText((await stack.message(dana, 'team status')).cards[0]);
    expect(status).not.toContain('Book a court observation day');
    expect(status).toMatch(/Priya Shah[\s\S]*Last 12 weeks[\s\S]*1 held of/);

    // Pressing again is refused; nothing doubles.
    expect((await stack.act(dana, 'outcome.held', { cardId })).body?.value).toBe("You've already answered this card.");
    expect((await stack.rt.needs.listFor(stack.tenantId, priya.aadObjectId)).filter((n) => n.description === 'Read the court skills guide and bring questions')).toHaveLength(1);
  });

  it('logs a held supervision as CPD in one tap; a social worker counts the supervisor\'s reflection as peer reflection only when they say so', async () => {
    await stack.act(dana, 'outcome.held', { cardId: await heldFriday() });
    await stack.drainOutbox();
    const record = stack.repliesTo(priya).cards.find((c) => cardText(c).includes('Supervision held'))!;
    expect(cardText(record)).toContain('Log it as CPD in one tap: 1.5 hours of supervision');
    const peerMissing = await stack.act(priya, 'record.logCpd', { cardId: cardIdOf(record), peerReflection: 'true', peerText: '' });
    expect(cardText(peerMissing.body?.value)).toContain('Say what your supervisor reflected on your practice, or untick it.');
    const logged = await stack.act(priya, 'record.logCpd', { cardId: cardIdOf(record), peerReflection: 'true', peerText: 'Dana said my analysis is getting sharper.' });
    expect(cardText(logged.body?.value)).toContain('Logged in your CPD record. It has your peer reflection.');
    expect(JSON.stringify(logged.body?.value)).not.toContain('record.logCpd');
    const [cpd] = await stack.rt.cpd.listFor(stack.tenantId, priya.aadObjectId);
    expect(cpd).toMatchObject({
      activityType: 'supervision', title: 'Supervision with Dana Hughes', date: '2026-12-04', hours: 1.5, participatoryHours: 1.5, codes: ['CC3'],
      reflection: { what: 'Court deadlines stacked up.', soWhat: 'I rushed two assessments.', nowWhat: 'Plan my week around statements.' },
      peer: { name: 'Dana Hughes', profession: 'manager' }, reflectiveDiscussion: false,
    });
    // A second tap (a stale card) logs nothing more.
    const again = await stack.act(priya, 'record.logCpd', { cardId: cardIdOf(record), peerReflection: 'false', peerText: '' });
    expect(cardText(again.body?.value)).toContain('This supervision is already in your CPD record.');
    expect(await stack.rt.cpd.listFor(stack.tenantId, priya.aadObjectId)).toHaveLength(1);
  });

  it('records a move: the person is told and prepares again before the new date', async () => {
    const moved = await stack.act(dana, 'outcome.moved', { cardId: await heldFriday(), newDate: '2026-12-10' });
    expect(cardText(moved.body?.value)).toContain("Recorded: Priya Shah's supervision on Friday 4 December 2026 moved");
    await stack.drainOutbox();
    expect(stack.repliesTo(priya).texts).toEqual(['Dana Hughes says your supervision on Friday 4 December 2026 has moved to Thursday 10 December. Weave will ask you to prepare before it.']);
    expect((await session()).status).toBe('moved');
    // Her answers come with it, so she is not asked again; Dana gets them the day before.
    await job('2026-12-09T08:30:00Z');
    expect(cardText(stack.repliesTo(dana).cards[0])).toContain('Court deadlines stacked up.');
  });

  it("records that it didn't happen, with a reason, and it does not count as held", async () => {
    const notHeld = await stack.act(dana, 'outcome.notHeld', { cardId: await heldFriday(), reason: 'I was off sick' });
    expect(cardText(notHeld.body?.value)).toContain('did not happen');
    expect(await session()).toMatchObject({ status: 'not_held', outcome: { outcome: 'not_held', reason: 'I was off sick' } });
    expect((await stack.rt.schedules.get(stack.tenantId, priya.aadObjectId, 'supervision'))?.lastHeld ?? null).toBeNull();
  });

  it('reminds the supervisor once, two working days on, and never again', async () => {
    const cardId = await heldFriday();
    await job('2026-12-08T08:30:00Z');
    expect(stack.repliesTo(dana).cards).toHaveLength(0);
    await job('2026-12-09T08:30:00Z');
    const [reminder] = stack.repliesTo(dana).cards;
    expect(cardText(reminder)).toContain("Did Priya Shah's supervision on Friday 4 December 2026 happen? Until you say, it does not count as held.");
    expect(cardIdOf(reminder)).toBe(cardId);
    const aboutIt = () => stack.repliesTo(dana).cards.filter((c) => cardText(c).includes('Priya Shah: supervision on Friday 4 December'));
    for (const at of ['2026-12-09T10:30:00Z', '2026-12-10T08:30:00Z', '2026-12-14T08:30:00Z']) await job(at);
    expect(aboutIt()).toHaveLength(0);
    // Answered, the card says so; nothing more comes.
    expect(cardText((await stack.act(dana, 'outcome.held', { cardId })).body?.value)).toContain('was held');
    await job('2026-12-15T08:30:00Z');
    expect(aboutIt()).toHaveLength(0);
  });

  it('refuses a press from anyone else, from someone who no longer supervises them, a second one, and one too late', async () => {
    const cardId = await heldFriday();
    // Eve pressing Dana's card.
    expect((await stack.act(eve, 'outcome.held', { cardId })).body?.value).toBe('This card was sent to someone else, so only they can answer it.');
    // Sam now supervises Priya: Dana, still her line manager, can no longer say what happened.
    const p = (await stack.rt.people.get(stack.tenantId, priya.aadObjectId))!;
    await stack.rt.people.update(stack.tenantId, priya.aadObjectId, { supervisorId: sam.aadObjectId }, p.etag);
    expect(cardText((await stack.act(dana, 'outcome.held', { cardId })).body?.value)).toContain("Priya's supervision is with someone else now, who records it.");
    expect((await session()).status).toBe('unconfirmed');
    // Nor can Dana's card be pressed once it has expired (thirty days on).
    await stack.rt.people.update(stack.tenantId, priya.aadObjectId, { supervisorId: null }, (await stack.rt.people.get(stack.tenantId, priya.aadObjectId))!.etag);
    clock.set('2027-01-08T09:00:00Z');
    expect((await stack.act(dana, 'outcome.held', { cardId })).body?.value).toBe('This card has expired. Type help to start again.');
    expect((await session()).status).toBe('unconfirmed');
  });

  it('reports what two runs at once sent, each thing counted once', async () => {
    const { cards } = await stack.message(dana, 'supervision');
    for (const u of [priya, eve]) {
      await stack.act(dana, 'schedule.save', { cardId: cardIdOf(cards[0]), personId: u.aadObjectId, kind: 'supervision', date: '2026-12-04', time: '10:00', repeat: 'none' });
    }
    await job('2026-12-01T08:30:00Z');
    for (const u of [priya, eve]) await stack.act(u, 'supervision.submit', { cardId: cardIdOf(stack.repliesTo(u).cards[0]), ...answers });
    stack.repliesTo(dana);
    // Two runs overlap: the second read the sessions before the first sent their summaries and wrote that down.
    clock.set('2026-12-03T08:30:00Z');
    const before = await stack.rt.sessions.listBetween(stack.tenantId, '2026-11-01', '2027-03-01');
    const stale = { ...stack.rt.sessions, get: stack.rt.sessions.get.bind(stack.rt.sessions), update: stack.rt.sessions.update.bind(stack.rt.sessions), ensure: stack.rt.sessions.ensure.bind(stack.rt.sessions), listForPerson: stack.rt.sessions.listForPerson.bind(stack.rt.sessions), listBetween: (t: string, from: string, to: string) => Promise.resolve(before.filter((r) => r.tenantId === t && r.date >= from && r.date <= to)) };
    const first = await runSessionPrompts(stack.rt);
    const second = await runSessionPrompts({ ...stack.rt, sessions: stale });
    // And a third at the same moment as yet another.
    const more = await Promise.all([runSessionPrompts(stack.rt), runSessionPrompts(stack.rt)]);
    const counted = { summaries: [first, second, ...more].reduce((n, r) => n + Number(/summaries (\d+)/.exec(r)![1]), 0) };
    await stack.drainOutbox();
    const sent = stack.repliesTo(dana).cards.filter((c) => cardText(c).includes('Before your supervision'));
    expect(sent).toHaveLength(2);
    expect(counted.summaries).toBe(sent.length);
  });
});
