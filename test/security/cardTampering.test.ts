// Card actions someone might forge: pressing a card sent to someone else, replaying an answered or
// expired card, and changing the data a button carries (ids of other people's needs, plans and
// offers, roles, recipients). Each is refused with a clear message and leaves storage as it was.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { REFUSALS } from '../../bot/flows/dispatch';
import { cardIdIn, cardText } from '../support/cards';
import { startTestStack, testClock, type InvokeResult, type TestStack } from '../support/stack';
import { storageSnapshot } from '../support/storageSnapshot';
import { castOfFive } from '../support/cast';
import * as teams from '../support/teams';

const replyOf = (r: InvokeResult) => (typeof r.body?.value === 'string' ? r.body.value : cardText(r.body?.value));

const need = {
  areas: 'CC3', subHeading: 'CC3.S2', frameworkTag: '', description: 'Writing court statements that stand up to cross-examination',
  priority: 'high', activityTypes: 'work_shadowing', targetDate: '2027-03-31',
};
const offer = {
  title: 'Court skills for every profession', description: 'Giving evidence and writing statements that hold up.',
  format: 'bite_size_workshop', date: '2026-12-10', time: '10:00', durationMinutes: '90', location: 'Civic Centre, Room 3', onlineUrl: '',
  capacity: '5', cpdHours: '1.5', closesOn: '2026-12-08', codes: 'CC3.S2', professions: '', teams: '', registration: 'any', withNeed: 'false',
};

describe('forged and replayed card actions', () => {
  let stack: TestStack;
  const clock = testClock('2026-11-23T10:00:00Z');
  const { priya, dana, lee, kelly, morgan, records } = castOfFive();
  let kellysNeedId = '';
  let priyasNeedId = '';
  let offerA = '';

  beforeAll(async () => {
    stack = await startTestStack({ clock });
    await stack.seed(records);
    for (const u of [dana, priya, lee, kelly, morgan]) await stack.install(u);
    for (const [u, description] of [[priya, need.description], [kelly, 'Running family group conferences']] as const) {
      const { cards } = await stack.message(u, 'add need');
      await stack.act(u, 'need.add', { cardId: cardIdIn(cards[0]), ...need, description });
    }
    priyasNeedId = (await stack.rt.needs.listFor(stack.tenantId, priya.aadObjectId))[0]!.needId;
    kellysNeedId = (await stack.rt.needs.listFor(stack.tenantId, kelly.aadObjectId))[0]!.needId;
    // An offer already sent, whose invitations are out.
    const { cards } = await stack.message(morgan, 'new offer');
    const composer = cardIdIn(cards[0]);
    await stack.act(morgan, 'offer.preview', { cardId: composer, ...offer });
    await stack.act(morgan, 'offer.send', { cardId: composer });
    await stack.drainOutbox(10_000);
    offerA = (await stack.rt.offers.list(stack.tenantId))[0]!.offerId;
  }, 90_000);
  afterAll(async () => stack?.stop());

  let before: Record<string, string[]>;
  beforeEach(async () => {
    stack.repliesTo(priya);
    before = await storageSnapshot(stack.rt.tables);
  });
  const unchanged = async () => expect(await storageSnapshot(stack.rt.tables)).toEqual(before);

  it("refuses a card pressed by someone it wasn't sent to", async () => {
    const { cards } = await stack.message(priya, 'add need');
    before = await storageSnapshot(stack.rt.tables);
    const forged = await stack.act(kelly, 'need.add', { cardId: cardIdIn(cards[0]), ...need });
    expect(replyOf(forged)).toBe(REFUSALS.someoneElse);
    await unchanged();
  });

  it('refuses an answered card replayed, and an expired one', async () => {
    const { cards } = await stack.message(priya, 'add need');
    const cardId = cardIdIn(cards[0]);
    await stack.act(priya, 'need.add', { cardId, ...need, description: 'Chairing a strategy meeting' });
    before = await storageSnapshot(stack.rt.tables);
    expect(replyOf(await stack.act(priya, 'need.add', { cardId, ...need, description: 'Chairing a strategy meeting' }))).toBe(REFUSALS.answered);
    await unchanged();

    const { cards: later } = await stack.message(priya, 'add need');
    before = await storageSnapshot(stack.rt.tables);
    clock.set('2027-01-01T10:00:00Z'); // past the card's 30 days
    try {
      expect(replyOf(await stack.act(priya, 'need.add', { cardId: cardIdIn(later[0]), ...need }))).toBe(REFUSALS.expired);
    } finally {
      clock.set('2026-11-23T10:00:00Z');
    }
    await unchanged();
  });

  it("refuses a card id with another card's verb, or an id that was never issued", async () => {
    const { cards } = await stack.message(priya, 'my plan');
    before = await storageSnapshot(stack.rt.tables);
    expect(replyOf(await stack.act(priya, 'need.add', { cardId: cardIdIn(cards[0]), ...need }))).toBe(REFUSALS.unknownCard);
    expect(replyOf(await stack.act(priya, 'need.add', { cardId: '00000000-0000-4000-8000-000000000000', ...need }))).toBe(REFUSALS.unknownCard);
    expect(replyOf(await stack.act(priya, 'need.add', { cardId: "x' or PartitionKey ne '", ...need }))).toBe(REFUSALS.unknownCard);
    await unchanged();
  });

  it("cannot reach another person's need through your own plan card", async () => {
    const { cards } = await stack.message(priya, 'my plan');
    const cardId = cardIdIn(cards[0]);
    before = await storageSnapshot(stack.rt.tables);
    const tampered = await stack.act(priya, 'plan.update', { cardId, needId: kellysNeedId, [`status_${kellysNeedId}`]: 'dropped', [`dropReason_${kellysNeedId}`]: 'no longer needed' });
    expect(replyOf(tampered)).toContain('That need is no longer in your plan.');
    await unchanged();
  });

  it("lets a manager open their own reports' plans only, whatever the card says", async () => {
    const { cards } = await stack.message(dana, 'view plan');
    const cardId = cardIdIn(cards[0]);
    before = await storageSnapshot(stack.rt.tables);
    const other = await stack.act(dana, 'reportPlan.show', { cardId, personId: kelly.aadObjectId });
    expect(replyOf(other)).toContain('Choose someone from the list');
    expect(JSON.stringify(other.body)).not.toContain('family group conferences');
    // Commenting on a need of someone else's report through a card showing Priya's plan.
    const comment = await stack.act(dana, 'reportPlan.comment', { cardId, needId: kellysNeedId, [`comment_${kellysNeedId}`]: 'Looks good' });
    expect(replyOf(comment)).toContain('That need is no longer in their plan.');
    await unchanged();
  });

  it('ignores roles, recipients and tenants smuggled into the data', async () => {
    const { cards } = await stack.message(priya, 'add need');
    const smuggled = await stack.act(priya, 'need.add', {
      cardId: cardIdIn(cards[0]), ...need, description: 'Understanding the youth justice system',
      recipientId: kelly.aadObjectId, personId: kelly.aadObjectId, tenantId: 'another', roles: 'ld_admin', role: 'ld_admin',
    });
    expect(replyOf(smuggled)).toMatch(/Added/i);
    expect((await stack.rt.needs.listFor(stack.tenantId, kelly.aadObjectId)).map((n) => n.description)).not.toContain('Understanding the youth justice system');
    expect((await stack.rt.needs.listFor(stack.tenantId, priya.aadObjectId)).map((n) => n.description)).toContain('Understanding the youth justice system');
    expect((await stack.rt.people.get(stack.tenantId, priya.aadObjectId))?.roles).toEqual(['practitioner']);
    expect((await stack.message(priya, 'org plan')).texts[0]).toContain('is only for');
  });

  it("books the offer a card was sent for, whatever offer id the data names, and won't log CPD against someone else's need", async () => {
    const invite = stack.connector.to(teams.personalConversationId(priya)).map((s) => s.activity.attachments as { content: unknown }[] | undefined)
      .flatMap((a) => a ?? []).map((a) => a.content).find((c) => JSON.stringify(c).includes('offer.book'));
    const booked = await stack.act(priya, 'offer.book', { cardId: cardIdIn(invite), offerId: 'some-other-offer', personId: kelly.aadObjectId });
    expect(replyOf(booked)).toContain('Booked');
    const bookings = await stack.rt.offers.listBookings(offerA);
    expect(bookings.map((b) => b.personId).sort()).toEqual([priya.aadObjectId]);

    const { cards } = await stack.message(priya, 'log cpd');
    before = await storageSnapshot(stack.rt.tables);
    const cpd = await stack.act(priya, 'cpd.save', {
      cardId: cardIdIn(cards[0]), activityType: 'work_shadowing', title: 'Court skills', date: '2026-11-20', hours: '2', participatoryHours: '2',
      codes: 'CC3', needIds: `${priyasNeedId},${kellysNeedId}`, r_what: 'What I learned about giving evidence.', confirmNotIdentifying: 'true',
    });
    expect(replyOf(cpd)).toContain('Needs in your plan: choose from the list.');
    await unchanged();
  });
});
