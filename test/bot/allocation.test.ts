// Fair access, end to end: an Applications offer gives every place at once when it closes — need
// first, ties drawn in a recorded order — and tells everyone the outcome and why; places reserved for
// a group are held for it until their date, then go to whoever waits; the composer shows who would
// have the places and suggests reserving some for an under-served group. Bad input changes nothing.
import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { allocateIfClosed } from '../../app/offers/allocation';
import type { CpdRecord } from '../../core/cpd';
import { FIRST_COME } from '../../core/offers';
import { runOfferUpkeep } from '../../jobs/offers';
import type { OfferStore } from '../../store/offers';
import { cardIdIn, cardText } from '../support/cards';
import { hrRecord, startTestStack, testClock, type TestStack } from '../support/stack';
import * as teams from '../support/teams';

const base = {
  title: 'Court skills for every profession', description: 'Giving evidence and writing statements that hold up.',
  format: 'bite_size_workshop', date: '2026-12-10', time: '10:00', durationMinutes: '90', location: 'Civic Centre, Room 3', onlineUrl: '',
  capacity: '2', cpdHours: '1.5', closesOn: '2026-12-08', codes: 'CC3.S2', professions: '', teams: '', registration: 'any', withNeed: 'false',
  allocation: 'applications', reserveFor: '', reservePlaces: '', reserveUntil: '',
};

describe('allocating places fairly', () => {
  let stack: TestStack;
  const clock = testClock('2026-11-23T10:00:00Z');
  const morgan = teams.testUser('Morgan Ellis', 'morgan.ellis@example.org');
  const person = (n: string) => teams.testUser(n, `${n.toLowerCase().replace(' ', '.')}@example.org`);
  const [priya, sam, owen, kelly, jo] = ['Priya Shah', 'Sam Okafor', 'Owen Price', 'Kelly Nash', 'Jo Reed'].map(person);
  const support = ['Ravi Patel', 'Dee Moss', 'Lee Hart'].map((n) => teams.testUser(n, `${n.toLowerCase().replace(' ', '.')}@example.org`));
  const staff = [priya!, sam!, owen!, kelly!, jo!, ...support];

  beforeEach(async () => {
    clock.set('2026-11-23T10:00:00Z');
    stack = await startTestStack({ clock });
    await stack.seed([
      hrRecord(morgan, { jobTitle: 'Workforce Development Lead', profession: 'business_support', team: 'Workforce Development', roles: ['practitioner', 'ld_admin'], registrationBody: 'none' }),
      ...[priya!, sam!, owen!, kelly!, jo!].map((p) => hrRecord(p)),
      ...support.map((p) => hrRecord(p, { jobTitle: 'Family Support Worker', profession: 'family_support_worker', team: 'Early Help East', service: 'Early Help', registrationBody: 'none', registrationNumber: '' })),
    ]);
    for (const u of [morgan, ...staff]) await stack.install(u);
  });
  afterEach(async () => stack?.stop());

  async function send(values: Record<string, string>) {
    const cardId = cardIdIn((await stack.message(morgan, 'new offer')).cards[0]);
    const preview = await stack.act(morgan, 'offer.preview', { cardId, ...values });
    await stack.act(morgan, 'offer.send', { cardId });
    await stack.drainOutbox(10_000);
    const offer = (await stack.rt.offers.list(stack.tenantId)).find((o) => o.status !== 'draft')!;
    const cards = new Map(staff.map((u) => [u, stack.repliesTo(u).cards.find((c) => JSON.stringify(c).includes('offer.book'))]));
    const invites = new Map(staff.map((u) => [u, cardIdIn(cards.get(u))]));
    return { cardId, offer, preview, inviteIds: invites, invite: cardText(cards.get(priya!)), press: (u: teams.TestUser, verb: string) => stack.act(u, verb, { cardId: invites.get(u)! }) };
  }

  it('allocates every place when applications close, need first, and tells everyone why', async () => {
    await stack.act(kelly!, 'need.add', { cardId: cardIdIn((await stack.message(kelly!, 'add need')).cards[0]), areas: 'CC3', description: 'Giving evidence', priority: 'high' });
    const { offer, press, cardId, invite, inviteIds } = await send(base);
    expect(invite).toContain('Places are allocated when applications close, by need and fairness');

    // Priya, Sam and Owen apply first; Kelly, who has a need in its areas, applies last.
    for (const u of [priya!, sam!, owen!, kelly!, jo!]) expect(cardText((await press(u, 'offer.book')).body?.value)).toContain('Applied: Weave tells you the outcome when applications close.');
    // Twice, and on someone else's card: nothing changes.
    expect(cardText((await press(priya!, 'offer.book')).body?.value)).toContain('Already done.');
    expect((await stack.act(sam!, 'offer.book', { cardId: inviteIds.get(priya!)! })).body?.value)
      .toBe('This card was sent to someone else, so only they can answer it.');
    expect(cardText((await press(jo!, 'offer.cancel')).body?.value)).toContain('Your application is withdrawn.');
    const applied = (await stack.rt.offers.listBookings(offer.offerId)).filter((b) => b.status === 'applied');
    expect(applied.map((b) => b.personId).sort()).toEqual([priya!, sam!, owen!, kelly!].map((u) => u.aadObjectId).sort());
    expect((await stack.rt.offers.getPlaces(offer.offerId))?.taken).toBe(0);
    expect(await runOfferUpkeep(stack.rt)).toContain('allocated 0'); // still open

    // The day after they close, the upkeep allocates: Kelly first (her need), one place drawn among the rest.
    clock.set('2026-12-09T09:00:00Z');
    expect(await runOfferUpkeep(stack.rt)).toContain('allocated 1');
    await stack.drainOutbox(10_000);
    const after = await stack.rt.offers.listBookings(offer.offerId);
    const booked = after.filter((b) => b.status === 'booked').map((b) => b.personId);
    expect(booked).toHaveLength(2);
    expect(booked).toContain(kelly!.aadObjectId);
    expect(after.filter((b) => b.status === 'waiting')).toHaveLength(2);
    expect((await stack.rt.offers.getPlaces(offer.offerId))?.taken).toBe(2);
    expect(cardText(stack.repliesTo(kelly!).cards.at(-1))).toMatch(/You have a place[\s\S]*open learning need in CC3/);
    const others = [priya!, sam!, owen!].map((u) => ({ u, text: cardText(stack.repliesTo(u).cards.at(-1)) }));
    expect(others.filter((o) => o.text.includes('You have a place'))).toHaveLength(1);
    expect(others.find((o) => o.text.includes('You have a place'))!.text).toContain('drawn by lot');
    const left = others.filter((o) => o.text.includes('No place this time'));
    expect(left).toHaveLength(2);
    for (const o of left) expect(o.text).toMatch(/drawn by lot among people with the same priority as you[\s\S]*number [12] on the waiting list/);
    expect(stack.repliesTo(morgan).texts.join(' ')).toContain('2 of 2 places, to 2 of the 4 people who applied; 2 are on the waiting list');
    expect(cardText((await stack.act(morgan, 'offer.refresh', { cardId })).body?.value)).toMatch(/Applications\s+closed; allocated/);

    // Again: nothing changes. Applying after the window: refused, nothing changed.
    expect(await runOfferUpkeep(stack.rt)).toContain('allocated 0');
    expect(cardText((await press(jo!, 'offer.book')).body?.value)).toContain('Applications for this have closed.');
    expect((await stack.rt.offers.getBooking(offer.offerId, jo!.aadObjectId))?.status).toBe('cancelled');
    await stack.drainOutbox();
    expect(stack.repliesTo(kelly!).cards).toHaveLength(0); // told once
  });

  it('finishes an allocation that stopped half way from its recorded decision, placing nobody twice', async () => {
    const { offer, press } = await send({ ...base, capacity: '3' });
    for (const u of staff) await press(u, 'offer.book');
    clock.set('2026-12-09T09:00:00Z');
    let writes = 0;
    const crashing: OfferStore = Object.create(stack.rt.offers) as OfferStore;
    crashing.writeBooking = async (...args) => {
      if (++writes > 2) throw new Error('the process died');
      return stack.rt.offers.writeBooking(...args);
    };
    await expect(allocateIfClosed({ ...stack.rt, offers: crashing }, (await stack.rt.offers.get(stack.tenantId, offer.offerId))!)).rejects.toThrow('the process died');
    const decided = (await stack.rt.offers.get(stack.tenantId, offer.offerId))!.allocation.placed!;
    expect(decided).toHaveLength(3);

    expect(await runOfferUpkeep(stack.rt)).toContain('allocated 1');
    const bookings = await stack.rt.offers.listBookings(offer.offerId);
    expect(bookings.filter((b) => b.status === 'booked').map((b) => b.personId).sort()).toEqual([...decided].sort());
    expect(bookings.filter((b) => b.status === 'waiting')).toHaveLength(staff.length - 3);
    expect((await stack.rt.offers.getPlaces(offer.offerId))?.taken).toBe(3);
    expect((await stack.rt.offers.get(stack.tenantId, offer.offerId))!.allocation.placed).toEqual(decided);
  });

  it('refuses applications to a withdrawn offer', async () => {
    const { press, cardId } = await send(base);
    await stack.act(morgan, 'offer.withdraw', { cardId });
    expect(cardText((await press(priya!, 'offer.book')).body?.value)).toContain('This offer has been withdrawn.');
  });

  it('holds reserved places for their group until their date, then passes them to whoever waits', async () => {
    const { offer, press, invite } = await send({ ...base, allocation: 'reserved', capacity: '3', closesOn: '2026-12-09', reserveFor: 'registration:unregistered', reservePlaces: '1', reserveUntil: '2026-12-01' });
    expect(invite).toContain('1 held for staff not registered with a regulator until');
    expect(cardText((await press(priya!, 'offer.book')).body?.value)).toContain('Booked: you have a place.');
    expect(cardText((await press(sam!, 'offer.book')).body?.value)).toContain('Booked: you have a place.');
    // The last place is held: Owen (registered) waits; Ravi (not registered) takes it straight away.
    expect(cardText((await press(owen!, 'offer.book')).body?.value)).toContain("Added to the waiting list: you're number 1.");
    expect(cardText((await press(support[0]!, 'offer.book')).body?.value)).toContain('Booked: you have a place.');
    expect((await stack.rt.offers.getBooking(offer.offerId, support[0]!.aadObjectId))?.heldFor).toBe('registration:unregistered');

    // Ravi gives it up; the place is still held (until 1 December), so Owen is not offered it.
    await press(support[0]!, 'offer.cancel');
    await stack.drainOutbox();
    expect(stack.repliesTo(owen!).cards).toHaveLength(0);
    // After the date it goes to whoever waits.
    clock.set('2026-12-02T09:00:00Z');
    await runOfferUpkeep(stack.rt);
    await stack.drainOutbox();
    expect(cardText(stack.repliesTo(owen!).cards[0])).toContain('A place is free for you');
    expect((await stack.rt.offers.getPlaces(offer.offerId))?.taken).toBe(3);
  });

  it('shows L&D who would have the places, and suggests reserving some for an under-served group', async () => {
    // Social workers have logged CPD; the family support workers (not registered) have none: under-served.
    for (const u of [priya!, sam!, owen!, kelly!, jo!]) {
      const record: CpdRecord = {
        tenantId: stack.tenantId, personId: u.aadObjectId, recordId: randomUUID(), activityType: 'bite_size_workshop', title: 'Workshop', date: '2026-11-02', hours: 1, participatoryHours: 1,
        codes: ['CC1'], needIds: [], reflectionModel: 'what', reflection: {}, impactPractice: '', impactPeople: '', peer: null, peerReflection: '', includesFeedback: false, reflectiveDiscussion: false, createdAt: '2026-11-02T10:00:00Z',
      };
      await stack.rt.cpd.save(record);
    }
    // …and the social workers had places on an offer last month, so first come is modelled as them asking first.
    const earlier = { ...(await stack.rt.offers.list(stack.tenantId))[0], offerId: 'earlier', tenantId: stack.tenantId, title: 'Earlier', description: 'x', format: 'bite_size_workshop' as const, date: '2026-11-05', time: '10:00',
      durationMinutes: 90, location: 'Hub', onlineUrl: '', capacity: 5, codes: ['CC1'], cpdHours: 1, closesOn: '2026-11-04', audience: { professions: [], teams: [], registration: 'any' as const, withNeed: false },
      status: 'sent' as const, sendAt: null, createdBy: morgan.aadObjectId, createdAt: '2026-10-20T10:00:00Z', sentAt: '2026-10-20T10:00:00Z', audienceSize: 9, fannedOutAt: null, fanOutSeenAt: null, reportedAt: null, allocation: FIRST_COME };
    await stack.rt.offers.save(earlier);
    for (const u of [priya!, sam!, owen!, kelly!, jo!]) {
      await stack.rt.offers.writeBooking({ tenantId: stack.tenantId, offerId: 'earlier', personId: u.aadObjectId, status: 'attended', priority: 0, askedAt: '2026-10-20T10:00:00Z', offeredUntil: null, updatedAt: '2026-11-05T12:00:00Z' }, null);
    }
    const cardId = cardIdIn((await stack.message(morgan, 'new offer')).cards[0]);
    const preview = cardText((await stack.act(morgan, 'offer.preview', { cardId, ...base, capacity: '4', allocation: 'first_come' })).body?.value);
    expect(preview).toContain('If it fills first come (modelled on who took places in the last 12 months), its 4 places would go:');
    expect(preview).toContain("By service: Children's Social Care 4 (100%) · Early Help 0 (0%)");
    const group = 'staff not registered with a regulator';
    expect(preview).toContain(`Suggestion: ${group} would have fewer places than their share of who it goes to`);
    const reserved = await stack.act(morgan, 'offer.reserve', { cardId });
    const text = cardText(reserved.body?.value);
    expect(text).toContain(`places for ${group}: check the preview, then send.`);
    expect(text).toContain(`held for ${group} until`);
    expect(text).not.toContain('Suggestion:');
    // Someone else cannot press it.
    expect((await stack.act(priya!, 'offer.reserve', { cardId })).body?.value).toBe('This card was sent to someone else, so only they can answer it.');
  });

  it('says what to fix when the rules are not complete', async () => {
    const cardId = cardIdIn((await stack.message(morgan, 'new offer')).cards[0]);
    const late = cardText((await stack.act(morgan, 'offer.preview', { cardId, ...base, closesOn: '2026-12-10' })).body?.value);
    expect(late).toContain('Applications close: choose a day before the offer itself');
    const noGroup = cardText((await stack.act(morgan, 'offer.preview', { cardId, ...base, allocation: 'reserved' })).body?.value);
    expect(noGroup).toContain('Reserve places: choose the group and how many places to hold for it.');
    const unknown = cardText((await stack.act(morgan, 'offer.preview', { cardId, ...base, allocation: 'reserved', reserveFor: 'profession:astronaut', reservePlaces: '1', reserveUntil: '2026-12-01' })).body?.value);
    expect(unknown).toContain('Reserve places for: choose a group from the list.');
    const firstCome = cardText((await stack.act(morgan, 'offer.preview', { cardId, ...base, allocation: 'first_come', reserveFor: 'registration:unregistered', reservePlaces: '1' })).body?.value);
    expect(firstCome).toContain('Reserve places: choose "First come, with places reserved for a group"');
    expect(await stack.rt.offers.list(stack.tenantId)).toHaveLength(0);
  });
});
