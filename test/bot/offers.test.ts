// Learning offers through the protocol: compose → preview → send → book → waiting list (need
// before speed) → cancel → the next person confirms; simultaneous bookings of the last place;
// attendance into CPD records; the final report, reminders and the calendar file.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { OFFER_PAGE, pagePauseSeconds } from '../../jobs/offerFanout';
import { runOfferReminders, runOfferUpkeep } from '../../jobs/offers';
import { cardIdIn, cardText } from '../support/cards';
import { hrRecord, startTestStack, testClock, type TestStack } from '../support/stack';
import * as teams from '../support/teams';

const offer = {
  title: 'Court skills for every profession', description: 'Giving evidence and writing statements that hold up. Open to anyone who may go to court.',
  format: 'bite_size_workshop', date: '2026-12-10', time: '10:00', durationMinutes: '90', location: 'Civic Centre, Room 3', onlineUrl: '',
  capacity: '2', cpdHours: '1.5', closesOn: '2026-12-08', codes: 'CC3.S2', professions: '', teams: '', registration: 'any', withNeed: 'false',
};

describe('learning offers', () => {
  let stack: TestStack;
  const clock = testClock('2026-11-23T10:00:00Z');
  const morgan = teams.testUser('Morgan Ellis', 'morgan.ellis@example.org');
  const staff = ['Priya Shah', 'Sam Okafor', 'Aisha Rahman', 'Owen Price', 'Kelly Nash'].map((n) => teams.testUser(n, `${n.toLowerCase().replace(' ', '.')}@example.org`));
  const [priya, sam, aisha, owen, kelly] = staff as [teams.TestUser, teams.TestUser, teams.TestUser, teams.TestUser, teams.TestUser];
  const tom = teams.testUser('Tom Adeyemi', 'tom.adeyemi@example.org');

  beforeEach(async () => {
    clock.set('2026-11-23T10:00:00Z');
    stack = await startTestStack({ clock });
    await stack.seed([
      hrRecord(morgan, { jobTitle: 'Workforce Development Lead', profession: 'business_support', team: 'Workforce Development', roles: ['practitioner', 'ld_admin'], registrationBody: 'none' }),
      ...staff.map((p, i) => hrRecord(p, { profession: i < 4 ? 'social_worker' : 'social_care_practitioner', registrationBody: i < 4 ? 'swe' : 'none' })),
      hrRecord(tom, { profession: 'teacher', team: 'Education Inclusion', registrationBody: 'none' }),
    ]);
    for (const u of [morgan, ...staff]) await stack.install(u); // Tom has never opened Weave
  });
  afterEach(async () => stack?.stop());

  async function sendOffer(fields: Record<string, string> = {}) {
    const { cards } = await stack.message(morgan, 'new offer');
    const cardId = cardIdIn(cards[0]);
    const preview = await stack.act(morgan, 'offer.preview', { cardId, ...offer, ...fields });
    const sent = await stack.act(morgan, 'offer.send', { cardId });
    // Straight after Send, before the fan-out has queued anyone, the counts already add up.
    const [audience, done, toGo] = /Sending to (\d+) people: (\d+) done, (\d+) to go\./.exec(cardText(sent.body?.value))!.slice(1).map(Number);
    expect(done! + toGo!).toBe(audience);
    expect(audience).toBeGreaterThan(0);
    await stack.drainOutbox(10_000);
    return { cardId, preview: preview.body?.value, sent: sent.body?.value };
  }

  const inviteTo = (user: teams.TestUser) => stack.repliesTo(user).cards.find((c) => JSON.stringify(c).includes('offer.book'));

  it('previews exactly what recipients get and how many, then sends it to them alone', async () => {
    const { cardId, preview, sent } = await sendOffer({ professions: 'social_worker' });
    expect(cardText(preview)).toContain('It goes to 4 people.');
    expect(cardText(preview)).toContain('Court skills for every profession');
    expect(JSON.stringify(preview)).not.toContain('offer.book'); // the preview cannot book anything
    expect(cardText(sent)).toContain('Sending now.');
    for (const u of [priya, sam, aisha, owen]) expect(cardText(inviteTo(u))).toContain('Book a place');
    expect(inviteTo(kelly)).toBeUndefined();
    const progress = cardText((await stack.act(morgan, 'offer.refresh', { cardId })).body?.value);
    expect(progress).toMatch(/Sent\s+4/);
  });

  it('queues a broadcast about a page ahead of sending, so other messages never wait behind all of it, and shows it is alive while it waits', async () => {
    // A page and a half already waiting on the outbox (held out of sight for a minute).
    const waiting = OFFER_PAGE + OFFER_PAGE / 2;
    for (let i = 0; i < waiting; i++) await stack.rt.queues.send('outbox', { batch: 'elsewhere', recipientId: `nobody-${i}` }, { visibilityTimeoutSeconds: 60 });
    const { cards } = await stack.message(morgan, 'new offer');
    const cardId = cardIdIn(cards[0]);
    await stack.act(morgan, 'offer.preview', { cardId, ...offer });
    await stack.act(morgan, 'offer.send', { cardId });
    await new Promise((r) => setTimeout(r, 1000));
    const [sending] = await stack.rt.offers.list(stack.tenantId);
    expect(await stack.rt.deliveries.listBatch(`offer|${sending!.offerId}`)).toEqual([]);
    expect(await stack.rt.queues.approximateCount('work')).toBe(1); // the first page, paused
    // Still waiting a quarter of an hour later, it shows it is alive, so upkeep does not start another.
    clock.set('2026-11-23T10:15:00Z');
    await expect.poll(async () => (await stack.rt.offers.get(stack.tenantId, sending!.offerId))?.fanOutSeenAt, { timeout: 10_000 }).toBe('2026-11-23T10:15:00.000Z');
    expect(await runOfferUpkeep(stack.rt)).toContain('restarted 0');
    // Sending catches up: the page goes, and everyone gets their invitation.
    await stack.rt.queues.client('outbox').clearMessages();
    await stack.drainOutbox(15_000);
    for (const u of staff) expect(cardText(inviteTo(u))).toContain('Book a place');
  });

  it('pauses the next page for about as long as sending takes to catch up', () => {
    expect(pagePauseSeconds(0, 200, 25)).toBe(0);
    expect(pagePauseSeconds(200, 200, 25)).toBe(0);
    expect(pagePauseSeconds(201, 200, 25)).toBe(1);
    expect(pagePauseSeconds(450, 200, 25)).toBe(10);
    expect(pagePauseSeconds(100_000, 200, 25)).toBe(60);
  });

  it('refuses anyone but L&D, and says what to fix', async () => {
    expect((await stack.message(priya, 'new offer')).texts.join(' ')).toContain('only for people with the');
    const { cards } = await stack.message(morgan, 'new offer');
    const cardId = cardIdIn(cards[0]);
    const bad = await stack.act(morgan, 'offer.preview', { cardId, ...offer, location: '', onlineUrl: 'http://insecure.example', capacity: '0', closesOn: '2026-12-20' });
    const text = cardText(bad.body?.value);
    expect(text).toContain('Online link must be a web address starting https://.');
    expect(text).toContain('Places must be from 1 to 500.');
    expect(JSON.stringify(bad.body?.value)).toContain('Giving evidence and writing statements');
    const late = await stack.act(morgan, 'offer.preview', { cardId, ...offer, closesOn: '2026-12-20' });
    expect(cardText(late.body?.value)).toContain('Bookings close: choose a day from today up to the day itself.');
    expect((await stack.act(priya, 'offer.send', { cardId })).body?.value).toBe('This card was sent to someone else, so only they can answer it.');
  });

  it('books until full, puts need before speed on the waiting list, and passes a freed place on', async () => {
    // Kelly has a learning need in the offer's area; Owen does not.
    const { cards: addCards } = await stack.message(kelly, 'add need');
    await stack.act(kelly, 'need.add', { cardId: cardIdIn(addCards[0]), areas: 'CC3', description: 'Giving evidence', priority: 'high' });
    const { cardId } = await sendOffer();
    const invites = new Map(staff.map((u) => [u, inviteTo(u)!]));
    const press = (u: teams.TestUser, verb: string) => stack.act(u, verb, { cardId: cardIdIn(invites.get(u)) });

    expect(cardText((await press(priya, 'offer.book')).body?.value)).toContain('Booked: you have a place.');
    expect(cardText((await press(sam, 'offer.book')).body?.value)).toContain('Booked: you have a place.');
    expect(cardText((await press(owen, 'offer.book')).body?.value)).toContain("Added to the waiting list: you're number 1.");
    expect(cardText((await press(kelly, 'offer.book')).body?.value)).toContain("Added to the waiting list: you're number 1."); // need first
    expect(cardText((await press(aisha, 'offer.notForMe')).body?.value)).toContain('Not for you, noted');

    // Priya can't come: the place goes to Kelly, who has a need, to confirm.
    stack.repliesTo(kelly);
    expect(cardText((await press(priya, 'offer.cancel')).body?.value)).toContain('Cancelled: your place has gone to the next person waiting.');
    await stack.drainOutbox();
    const freed = stack.repliesTo(kelly).cards[0];
    expect(cardText(freed)).toContain('A place is free for you');
    expect(cardText((await press(kelly, 'offer.confirm')).body?.value)).toContain('Confirmed: you have a place.');

    // Sam gives up too; Owen is offered it but doesn't confirm in time: it moves on (nobody left) and he is told.
    await press(sam, 'offer.cancel');
    await stack.drainOutbox();
    expect(cardText(stack.repliesTo(owen).cards[0])).toContain('A place is free for you');
    clock.set('2026-11-25T10:00:01Z');
    expect(await runOfferUpkeep(stack.rt)).toContain('released 1');
    await stack.drainOutbox();
    expect(stack.repliesTo(owen).texts.join(' ')).toContain("wasn't confirmed in time");
    const progress = cardText((await stack.act(morgan, 'offer.refresh', { cardId })).body?.value);
    expect(progress).toMatch(/Booked\s+1 of 2/);
  });

  it('gives a place freed but not passed on (a crash between the two) to whoever waits, never a newcomer', async () => {
    await sendOffer({ capacity: '1' });
    await stack.act(priya, 'offer.book', { cardId: cardIdIn(inviteTo(priya)) });
    await stack.act(sam, 'offer.book', { cardId: cardIdIn(inviteTo(sam)) }); // waiting
    // As if a worker died after Priya's cancellation was written but before Sam was offered her place.
    const [o] = await stack.rt.offers.list(stack.tenantId);
    const places = (await stack.rt.offers.getPlaces(o!.offerId))!;
    const mine = (await stack.rt.offers.getBooking(o!.offerId, priya.aadObjectId))!;
    await stack.rt.offers.writeBooking({ ...mine, status: 'cancelled' }, mine, { row: places, delta: -1 });
    const late = await stack.act(aisha, 'offer.book', { cardId: cardIdIn(inviteTo(aisha)) });
    expect(cardText(late.body?.value)).toContain("Added to the waiting list: you're number 1.");
    expect((await stack.rt.offers.getBooking(o!.offerId, sam.aadObjectId))?.status).toBe('offered');
    expect((await stack.rt.offers.getPlaces(o!.offerId))?.taken).toBe(1);
  });

  it('starts a stalled fan-out again, queueing nobody twice', async () => {
    const { cards } = await stack.message(morgan, 'new offer');
    const cardId = cardIdIn(cards[0]);
    await stack.act(morgan, 'offer.preview', { cardId, ...offer });
    // As if the process died after marking the offer sending but before queueing its fan-out.
    const [draft] = await stack.rt.offers.list(stack.tenantId);
    await stack.rt.offers.openPlaces(draft!.offerId, 2);
    await stack.rt.offers.update(draft!, { status: 'sending', sentAt: '2026-11-23T09:00:00Z', audienceSize: 7 });
    clock.set('2026-11-23T10:15:00Z');
    expect(await runOfferUpkeep(stack.rt)).toContain('restarted 1');
    await stack.drainOutbox(10_000);
    for (const u of staff) expect(cardText(inviteTo(u))).toContain('Book a place');
    await runOfferUpkeep(stack.rt);
    await stack.drainOutbox();
    for (const u of staff) expect(inviteTo(u)).toBeUndefined();
  });

  it('sends only what was previewed on this card', async () => {
    const { cards } = await stack.message(morgan, 'new offer');
    const cardId = cardIdIn(cards[0]);
    await stack.act(morgan, 'offer.preview', { cardId, ...offer });
    // Changed from another card (another device) after this preview.
    const [draft] = await stack.rt.offers.list(stack.tenantId);
    await stack.rt.offers.saveDraft({ ...draft!, title: 'Something else' }, draft!.etag);
    const refused = await stack.act(morgan, 'offer.send', { cardId });
    expect(cardText(refused.body?.value)).toContain('The offer changed since this preview');
    expect((await stack.rt.offers.list(stack.tenantId))[0]!.status).toBe('draft');
  });

  it('never overbooks when several people take the last place at the same moment', async () => {
    await sendOffer({ capacity: '1' });
    const results = await Promise.all(staff.map((u) => stack.act(u, 'offer.book', { cardId: cardIdIn(inviteTo(u)) })));
    const texts = results.map((r) => cardText(r.body?.value));
    expect(texts.filter((t) => t.includes('Booked: you have a place.'))).toHaveLength(1);
    expect(texts.filter((t) => t.includes('Added to the waiting list'))).toHaveLength(4);
    const [o] = await stack.rt.offers.list(stack.tenantId);
    expect((await stack.rt.offers.getPlaces(o!.offerId))?.taken).toBe(1);
    expect((await stack.rt.offers.listBookings(o!.offerId)).filter((b) => b.status === 'booked')).toHaveLength(1);
  });

  it('reports the end of sending, reminds the day before with a calendar file, and turns attendance into CPD', async () => {
    const { cardId } = await sendOffer({ teams: '', professions: '' });
    await stack.act(priya, 'offer.book', { cardId: cardIdIn(inviteTo(priya)) });
    stack.repliesTo(morgan);
    await runOfferUpkeep(stack.rt);
    await stack.drainOutbox();
    const report = cardText(stack.repliesTo(morgan).cards[0]);
    expect(report).toContain('Sent to 7 people. Every delivery has ended.');
    expect(report).toMatch(/Not installed\s+1/); // Tom never opened Weave

    clock.set('2026-12-09T09:00:00Z'); // the working day before
    await runOfferReminders(stack.rt);
    await stack.drainOutbox();
    const reminder = stack.repliesTo(priya).texts.join(' ');
    expect(reminder).toContain('Reminder: "Court skills for every profession" is on Thursday 10 December at 10:00');
    const ics = /\((http[^)]+event\.ics)\)/.exec(reminder)![1]!.replace(stack.config.publicUrl, stack.host.url);
    const res = await fetch(ics);
    expect(res.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    const body = await res.text();
    expect(body).toContain('DTSTART:20261210T100000Z');
    expect(body).toContain('DTEND:20261210T113000Z');
    expect(body).toContain('SUMMARY:Court skills for every profession');
    expect(body).not.toContain('Priya');

    clock.set('2026-12-10T15:00:00Z');
    const marked = await stack.act(morgan, 'offer.attendance', { cardId, attended: priya.aadObjectId });
    expect(cardText(marked.body?.value)).toContain('Attendance saved: 1 new record');
    await stack.act(morgan, 'offer.attendance', { cardId, attended: priya.aadObjectId });
    const records = await stack.rt.cpd.listFor(stack.tenantId, priya.aadObjectId);
    expect(records).toMatchObject([{ title: 'Court skills for every profession', hours: 1.5, activityType: 'bite_size_workshop', date: '2026-12-10', codes: ['CC3.S2'] }]);
    const forged = await stack.act(morgan, 'offer.attendance', { cardId, attended: sam.aadObjectId });
    expect(cardText(forged.body?.value)).toContain('Choose from the people who had a place.');
  });
});
