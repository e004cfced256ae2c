// Not for me, and why: after saying an offer is not for them people may say why; L&D see the reasons
// per offer and, by profession, in the org plan — totals only, none under the threshold shown or
// recoverable by subtraction. Bad presses are refused and change nothing.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cardIdIn, cardText } from '../support/cards';
import { hrRecord, startTestStack, testClock, type TestStack } from '../support/stack';
import * as teams from '../support/teams';

const offer = {
  title: 'Court skills for every profession', description: 'Giving evidence and writing statements that hold up.',
  format: 'bite_size_workshop', date: '2026-12-10', time: '10:00', durationMinutes: '90', location: 'Civic Centre, Room 3', onlineUrl: '',
  capacity: '10', cpdHours: '1.5', closesOn: '2026-12-08', codes: 'CC3.S2', professions: '', teams: '', registration: 'any', withNeed: 'false',
};

describe('not for me, and why', () => {
  let stack: TestStack;
  const clock = testClock('2026-11-23T10:00:00Z');
  const morgan = teams.testUser('Morgan Ellis', 'morgan.ellis@example.org');
  const staff = ['Priya Shah', 'Sam Okafor', 'Aisha Rahman', 'Owen Price', 'Kelly Nash', 'Ravi Patel', 'Jo Reed'].map((n) => teams.testUser(n, `${n.toLowerCase().replace(' ', '.')}@example.org`));

  beforeEach(async () => {
    clock.set('2026-11-23T10:00:00Z');
    stack = await startTestStack({ clock });
    await stack.seed([
      hrRecord(morgan, { jobTitle: 'Workforce Development Lead', profession: 'business_support', team: 'Workforce Development', roles: ['practitioner', 'ld_admin'], registrationBody: 'none' }),
      ...staff.map((p) => hrRecord(p)),
    ]);
    for (const u of [morgan, ...staff]) await stack.install(u);
  });
  afterEach(async () => stack?.stop());

  it('asks why once it is not for someone, and shows L&D the reasons in totals only', async () => {
    const composeId = cardIdIn((await stack.message(morgan, 'new offer')).cards[0]);
    await stack.act(morgan, 'offer.preview', { cardId: composeId, ...offer });
    await stack.act(morgan, 'offer.send', { cardId: composeId });
    await stack.drainOutbox(10_000);
    const invite = new Map(staff.map((u) => [u, cardIdIn(stack.repliesTo(u).cards.find((c) => JSON.stringify(c).includes('offer.notForMe')))]));
    const press = (u: teams.TestUser, verb: string, data: Record<string, string> = {}) => stack.act(u, verb, { cardId: invite.get(u)!, ...data });
    const [priya, sam, aisha, owen, kelly, ravi, jo] = staff as [teams.TestUser, teams.TestUser, teams.TestUser, teams.TestUser, teams.TestUser, teams.TestUser, teams.TestUser];

    // Why before Not for me, a reason not on the list, and someone else's card: refused, nothing saved.
    expect(cardText((await press(priya, 'offer.why', { reason: 'timing' })).body?.value)).toContain('Press Not for me first, then say why.');
    const declined = await press(priya, 'offer.notForMe');
    expect(cardText(declined.body?.value)).toContain('If you like, say why below');
    expect(JSON.stringify(declined.body?.value)).toContain('"id":"reason"');
    expect(cardText((await press(priya, 'offer.why', { reason: 'boredom' })).body?.value)).toContain('Why');
    expect((await stack.act(sam, 'offer.why', { cardId: invite.get(priya)!, reason: 'cost' })).body?.value).toBe('This card was sent to someone else, so only they can answer it.');
    const offerId = (await stack.rt.offers.list(stack.tenantId))[0]!.offerId;
    expect((await stack.rt.offers.getBooking(offerId, priya.aadObjectId))?.reason).toBeNull();

    const said = await press(priya, 'offer.why', { reason: 'timing' });
    expect(cardText(said.body?.value)).toContain('Why: The timing.');
    expect(JSON.stringify(said.body?.value)).not.toContain('"id":"reason"');
    for (const [u, reason] of [[sam, 'timing'], [aisha, 'timing'], [owen, 'workload'], [kelly, 'workload'], [ravi, 'workload'], [jo, 'cost']] as const) {
      await press(u, 'offer.notForMe');
      await press(u, 'offer.why', { reason });
    }

    // Timing 3, workload 3, cost 1: cost is hidden, and so is the next smallest, so cost can't be worked out.
    const progress = cardText((await stack.act(morgan, 'offer.refresh', { cardId: composeId })).body?.value);
    expect(progress).toContain('Workload, or no cover: 3 · other reasons: not shown');
    expect(progress).not.toMatch(/The timing|Cost or travel/);

    // The org plan hides across the row too: 7 said why, workload 3, so timing and cost both stay hidden.
    const org = cardText((await stack.message(morgan, 'org plan')).cards[0]);
    expect(org).toContain('Offers not for them: Social worker (7 said why)');
    expect(org).toMatch(/The timing\s+not shown/);
    expect(org).toMatch(/Cost or travel\s+not shown/);
    expect(org).toMatch(/Workload, or no cover\s+3 of 7/);
  });
});
