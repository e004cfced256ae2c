// Cards that list an unbounded number of things stay well under Teams' message size limit (about
// 100 KB): a plan of 60 needs with every text at its maximum, as its owner and their manager see it;
// a manager of 60 people; an offer with 500 places. Each card says how much it leaves out and where
// the rest is, and what it does show still works.
import { randomUUID } from 'node:crypto';
import { FIRST_COME } from '../../core/offers';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ACTIVITY_TYPE_CODES } from '../../core/activities';
import { AREA_CODES } from '../../core/commonCore';
import type { CpdRecord } from '../../core/cpd';
import { FRAMEWORK_TAGS } from '../../core/frameworks';
import { NEED_STATUSES, type LearningNeed } from '../../core/needs';
import type { Offer } from '../../core/offers';
import { teamsSizeOf } from '../../cards/fit';
import { cardIdIn, cardText, pressed } from '../support/cards';
import { hrRecord, startTestStack, testClock, type TestStack } from '../support/stack';
import * as teams from '../support/teams';

/** What the cards must stay under (UTF-16, as Teams counts), with room to spare below the 80 KB Teams asks for. */
const CAP = 72 * 1024;

const bytes = teamsSizeOf;

/** Text at its longest that costs the most: accents and symbols take 2–3 bytes, quotes and breaks are escaped. */
const longest = (n: number) => 'Siobhán’s "court" notes: €5 \\ café\n'.repeat(Math.ceil(n / 36)).slice(0, n);

describe('cards with long lists', () => {
  let stack: TestStack;
  const clock = testClock('2026-11-23T10:00:00Z');
  const longName = 'D'.repeat(200);
  const dana = teams.testUser('Dana Hughes', 'dana.hughes@example.org');
  const priya = teams.testUser('Priya Shah', 'priya.shah@example.org');
  const morgan = teams.testUser('Morgan Ellis', 'morgan.ellis@example.org');
  const reports = Array.from({ length: 59 }, (_, i) => teams.testUser(`${longName.slice(0, 196)}${String(i).padStart(3, '0')}`, `report${i}@example.org`));

  beforeEach(async () => {
    clock.set('2026-11-23T10:00:00Z');
    stack = await startTestStack({ clock });
    await stack.seed([
      hrRecord(dana, { jobTitle: 'Team Manager', profession: 'manager', careerStage: 'manager', roles: ['practitioner', 'manager'] }),
      hrRecord(priya, { managerId: dana.aadObjectId }),
      hrRecord(morgan, { jobTitle: 'Workforce Development Lead', profession: 'business_support', roles: ['practitioner', 'ld_admin'], registrationBody: 'none' }),
      ...reports.map((u) => hrRecord(u, { managerId: dana.aadObjectId, jobTitle: 'J'.repeat(200) })),
    ]);
    for (const u of [dana, priya, morgan]) await stack.install(u);
  });
  afterEach(async () => stack?.stop());

  /** Priya's plan: 60 needs in this plan year, every text at its maximum, each with 30 comments and 4 pieces of CPD. */
  async function fullPlan(): Promise<{ soonest: LearningNeed; met: LearningNeed }> {
    const { cards } = await stack.message(priya, 'add need');
    await stack.act(priya, 'need.add', { cardId: cardIdIn(cards[0]), areas: 'CC1', description: 'To find the plan year', priority: 'high', activityTypes: 'mentoring' });
    const [first] = await stack.rt.needs.listFor(stack.tenantId, priya.aadObjectId);
    await stack.rt.needs.remove(stack.tenantId, priya.aadObjectId, first!.needId);
    const tag = [...FRAMEWORK_TAGS].sort((a, b) => b.length - a.length)[0]!;
    const needs: LearningNeed[] = Array.from({ length: 60 }, (_, i) => ({
      ...first!,
      needId: randomUUID(),
      codes: ['CC3.S2', ...AREA_CODES],
      frameworkTag: tag,
      description: `${String(i).padStart(2, '0')} ${longest(497)}`,
      activityTypes: [...ACTIVITY_TYPE_CODES],
      priority: 'high',
      status: NEED_STATUSES[i % NEED_STATUSES.length]!,
      targetDate: `2027-${String((i % 12) + 1).padStart(2, '0')}-28`,
      plan: { activityType: 'work_shadowing', note: longest(300), date: '2027-01-14' },
      dropReason: longest(300),
      comments: Array.from({ length: 30 }, (_, k) => ({ byId: dana.aadObjectId, byName: longName, at: `2026-11-${String(k % 20 + 1).padStart(2, '0')}T10:00:00Z`, text: longest(500) })),
      history: [{ period: '2025-04-01', status: 'open', at: '2025-04-01T00:00:00Z' }, { period: '2024-04-01', status: 'open', at: '2024-04-01T00:00:00Z' }],
    }));
    needs[59] = { ...needs[59]!, status: 'open', priority: 'low', targetDate: '2026-12-01' };
    for (const n of needs) await stack.rt.needs.save(n);
    for (let r = 0; r < 12; r++) {
      const record: CpdRecord = {
        tenantId: stack.tenantId, personId: priya.aadObjectId, recordId: randomUUID(), activityType: 'mentoring', title: longest(150), date: `2026-10-${String(r + 1).padStart(2, '0')}`,
        hours: 1, participatoryHours: 1, codes: ['CC3.S2'], needIds: needs.slice((r % 3) * 20, (r % 3) * 20 + 20).map((n) => n.needId), reflectionModel: 'what', reflection: {},
        impactPractice: '', impactPeople: '', peer: null, peerReflection: '', includesFeedback: false, reflectiveDiscussion: false, createdAt: '2026-10-01T00:00:00Z',
      };
      await stack.rt.cpd.save(record);
    }
    return { soonest: needs[59], met: needs[3]! };
  }

  it("keeps a 60-need plan's card short, most pressing first, says how many more and where, and a need on it can be updated", async () => {
    const { soonest, met } = await fullPlan();
    const card = (await stack.message(priya, 'my plan')).cards[0]!;
    const text = cardText(card);
    expect(bytes(card)).toBeLessThan(CAP);
    expect(text).toMatch(/Showing the [1-8] most pressing of your 60 needs/);
    expect(text).toContain('All of them are on the Plans tab at the top of this chat (My plan)');
    expect(text).toMatch(/Open \(13\)[\s\S]*more not shown here: see the Plans tab\./);
    expect(text).toContain('Met (12)');
    expect(text).toContain('12 not shown here: see the Plans tab.');
    expect(text).toContain('28 earlier comments on the Plans tab.');
    expect(text).toContain('Logged: 1 earlier piece of CPD, in the CPD record');
    // The open need due soonest is on the card though it is low priority; a met one is not.
    expect(JSON.stringify(card)).toContain(soonest.needId);
    expect(JSON.stringify(card)).not.toContain(met.needId);

    const id = soonest.needId;
    const update = { ...pressed(card, 'plan.update', id), [`status_${id}`]: 'in_progress', [`planActivity_${id}`]: 'work_shadowing', [`planNote_${id}`]: 'A day with the court team' };
    // A refused save keeps what was typed, however long, and the card still fits.
    const refused = await stack.act(priya, 'plan.update', { ...update, [`planNote_${id}`]: 'n'.repeat(2000), [`dropReason_${id}`]: 'r'.repeat(2000) });
    expect(cardText(refused.body?.value)).toContain('What, with whom can be at most 300 characters.');
    expect(JSON.stringify(refused.body?.value)).toContain('n'.repeat(2000));
    expect(bytes(refused.body?.value)).toBeLessThan(CAP);
    const saved = await stack.act(priya, 'plan.update', update);
    expect(cardText(saved.body?.value)).toContain('is in progress.');
    expect(bytes(saved.body?.value)).toBeLessThan(CAP);
    expect(await stack.rt.needs.get(stack.tenantId, priya.aadObjectId, id)).toMatchObject({ status: 'in_progress', plan: { note: 'A day with the court team' } });
    // Needs are found by id in the card owner's plan, not among those shown: an older card's button still works.
    const reopened = await stack.act(priya, 'plan.update', { cardId: cardIdIn(card), needId: met.needId, [`status_${met.needId}`]: 'open' });
    expect(cardText(reopened.body?.value)).toContain('is open.');
    expect((await stack.rt.needs.get(stack.tenantId, priya.aadObjectId, met.needId))?.status).toBe('open');
  });

  it("keeps a manager's view of a 60-need plan short, says where the rest is, and a need on it takes a comment", async () => {
    const { soonest } = await fullPlan();
    const picking = (await stack.message(dana, 'view plan')).cards[0]!;
    expect(bytes(picking)).toBeLessThan(CAP);
    const shown = (await stack.act(dana, 'reportPlan.show', { cardId: cardIdIn(picking), personId: priya.aadObjectId })).body?.value;
    const text = cardText(shown);
    expect(bytes(shown)).toBeLessThan(CAP);
    expect(text).toMatch(/Showing the [1-8] most pressing of Priya's 60 needs/);
    expect(text).toContain('All of them are on the Plans tab at the top of this chat (My team, then Priya Shah).');
    expect(text).toContain('not shown here: see the Plans tab.');

    const id = soonest.needId;
    const commented = await stack.act(dana, 'reportPlan.comment', { ...pressed(shown, 'reportPlan.comment', id), [`comment_${id}`]: 'Ask Jo in the YOT court team.' });
    expect(cardText(commented.body?.value)).toContain('Comment added.');
    expect(cardText(commented.body?.value)).toContain('Dana Hughes, 23 November 2026: Ask Jo in the YOT court team.');
    expect(bytes(commented.body?.value)).toBeLessThan(CAP);
  });

  it("refuses a comment the need's row could not hold, and keeps the need as it was", async () => {
    const { soonest } = await fullPlan();
    // Comments until one more long one would pass what one Table Storage property holds.
    const crowded = { ...soonest, comments: [...soonest.comments] };
    while (JSON.stringify(crowded.comments).length < 29_500) crowded.comments.push({ ...soonest.comments[0]!, text: longest(500) });
    await stack.rt.needs.save(crowded);
    const picking = (await stack.message(dana, 'view plan')).cards[0]!;
    const shown = (await stack.act(dana, 'reportPlan.show', { cardId: cardIdIn(picking), personId: priya.aadObjectId })).body?.value;
    const id = soonest.needId;
    const refused = await stack.act(dana, 'reportPlan.comment', { ...pressed(shown, 'reportPlan.comment', id), [`comment_${id}`]: longest(500) });
    expect(cardText(refused.body?.value)).toContain(`This need already has ${crowded.comments.length} comments: talk it through at supervision instead.`);
    expect((await stack.rt.needs.get(stack.tenantId, priya.aadObjectId, id))?.comments).toHaveLength(crowded.comments.length);
  });

  it('keeps team status and the team plan for a manager of 60 short, and says where everyone is', async () => {
    // Each asked to prepare and snoozed four times (as often as the days before a session allow), with reasons at their longest.
    for (const u of reports) {
      await stack.rt.sessions.ensure({
        tenantId: stack.tenantId, personId: u.aadObjectId, kind: 'supervision', date: '2026-11-30', time: null, source: 'recorded', supervisorId: dana.aadObjectId,
        status: 'upcoming', movedTo: null, promptCardId: null, promptSentAt: '2026-11-16T08:30:00Z', remindedAt: null, answeredAt: null, answers: null,
        snoozes: Array.from({ length: 4 }, (_, k) => ({ at: `2026-11-${16 + k}T09:00:00Z`, until: `2026-11-${17 + k}`, reason: longest(200) })), snoozedUntil: '2026-11-24', summarySentAt: null, originKey: null,
        afterCardId: null, afterSentAt: null, afterRemindedAt: null, outcome: null, cpdRecordId: null,
      });
    }
    const card = (await stack.message(dana, 'team status')).cards[0]!;
    const text = cardText(card);
    expect(bytes(card)).toBeLessThan(CAP);
    expect(text).toContain('60 people');
    expect(text).toMatch(/Showing \d+ of 60: overdue, not reachable and not prepared first\. Everyone is on the Plans tab at the top of this chat \(My team\)\./);
    expect(text).toContain('snoozed 4 times');

    // Each with four open needs at their longest: the digest names three and counts the rest.
    for (const u of reports) {
      for (let k = 0; k < 4; k++) {
        await stack.rt.needs.save({
          tenantId: stack.tenantId, personId: u.aadObjectId, needId: randomUUID(), codes: ['CC3.S2', ...AREA_CODES], frameworkTag: null, description: longest(500),
          activityTypes: ['mentoring'], priority: 'high', status: 'open', source: 'self', sourceRef: '', targetDate: null, period: '2026-04-01', plan: null, dropReason: null,
          comments: [], history: [], createdAt: '2026-11-01T00:00:00Z', updatedAt: '2026-11-01T00:00:00Z',
        });
      }
    }
    const digest = (await stack.message(dana, 'team plan')).cards[0]!;
    expect(bytes(digest)).toBeLessThan(CAP);
    expect(cardText(digest)).toContain('59 of your 60 reports have open learning needs.');
    expect(cardText(digest)).toMatch(/Showing \d+ of your 60 reports, by name\. Everyone is on the Plans tab at the top of this chat \(My team\)\./);
    expect(cardText(digest)).toContain('and 1 more open need');
  });

  it('lists the people on an offer of 500 places a page at a time, and attendance can be marked on any page', async () => {
    const offer: Offer = {
      tenantId: stack.tenantId, offerId: randomUUID(), title: longest(100), description: longest(1000), format: 'conference', date: '2026-11-20', time: '10:00', durationMinutes: 360,
      location: 'Civic Centre', onlineUrl: '', capacity: 500, codes: ['CC3.S2'], cpdHours: 6, closesOn: '2026-11-18',
      audience: { professions: [], teams: [], registration: 'any', withNeed: false }, status: 'sent', sendAt: null, createdBy: morgan.aadObjectId,
      createdAt: '2026-11-01T09:00:00Z', sentAt: '2026-11-01T09:00:00Z', audienceSize: 500, fannedOutAt: '2026-11-01T09:00:00Z', fanOutSeenAt: '2026-11-01T09:00:00Z', reportedAt: null, allocation: FIRST_COME,
    };
    await stack.rt.offers.save(offer);
    const delegates = Array.from({ length: 500 - reports.length - 1 }, (_, i) => teams.testUser(`${longName.slice(0, 196)}${String(100 + i)}`, `delegate${i}@example.org`));
    await stack.seed(delegates.map((u) => hrRecord(u)));
    const everyone = [priya, ...reports, ...delegates];
    for (const u of everyone) {
      await stack.rt.offers.writeBooking({ tenantId: stack.tenantId, offerId: offer.offerId, personId: u.aadObjectId, status: 'booked', priority: 0, askedAt: offer.sentAt!, offeredUntil: null, updatedAt: offer.sentAt! }, null);
    }

    const card = (await stack.message(morgan, 'offers')).cards[0]!;
    expect(bytes(card)).toBeLessThan(CAP);
    expect(cardText(card)).toContain('People 1 to 100 of 500, by name.');
    const last = await stack.act(morgan, 'offer.attendancePage', { cardId: cardIdIn(card), page: 4 });
    expect(bytes(last.body?.value)).toBeLessThan(CAP);
    expect(cardText(last.body?.value)).toContain('People 401 to 500 of 500, by name.');
    expect(cardText(last.body?.value)).toContain('Priya Shah'); // last by name
    expect(pressed(last.body?.value, 'offer.attendancePage')).toMatchObject({ page: 3 });

    const marked = await stack.act(morgan, 'offer.attendance', { cardId: cardIdIn(card), attended: priya.aadObjectId });
    expect(cardText(marked.body?.value)).toContain('Attendance saved: 1 new record');
    expect(cardText(marked.body?.value)).toContain('People 401 to 500 of 500, by name.');
    expect((await stack.rt.offers.getBooking(offer.offerId, priya.aadObjectId))?.status).toBe('attended');
    expect(cardText((await stack.act(morgan, 'offer.attendancePage', { cardId: cardIdIn(card), page: 'last' })).body?.value)).toContain('Page: give a number.');
  });
});
