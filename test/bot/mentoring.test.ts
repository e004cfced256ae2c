// Cross-profession mentoring through the protocol: offers and requests on cards, an L&D admin runs
// the matching, both people accept and are introduced; a decline re-enters the pool without that
// pair; unanswered proposals are reminded then released; check-ins lead to logging CPD.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runMentorFollowUps } from '../../jobs/mentorFollowUps';
import { cardIdIn, cardText } from '../support/cards';
import { hrRecord, startTestStack, testClock, type TestStack } from '../support/stack';
import * as teams from '../support/teams';

describe('cross-profession mentoring', () => {
  let stack: TestStack;
  const clock = testClock('2026-11-23T10:00:00Z');
  const dana = teams.testUser('Dana Hughes', 'dana.hughes@example.org');
  const priya = teams.testUser('Priya Shah', 'priya.shah@example.org');
  const sam = teams.testUser('Sam Okafor', 'sam.okafor@example.org');
  const ben = teams.testUser('Ben Carter', 'ben.carter@example.org');
  const hannah = teams.testUser('Hannah Osei', 'hannah.osei@example.org');
  const eve = teams.testUser('Eve Marsh', 'eve.marsh@example.org');
  const morgan = teams.testUser('Morgan Ellis', 'morgan.ellis@example.org');

  beforeEach(async () => {
    clock.set('2026-11-23T10:00:00Z');
    stack = await startTestStack({ clock });
    const manager = { profession: 'manager' as const, careerStage: 'manager' as const, roles: ['practitioner' as const, 'manager' as const] };
    await stack.seed([
      hrRecord(dana, { ...manager, jobTitle: 'Team Manager', team: 'PaCT' }),
      hrRecord(ben, { ...manager, jobTitle: 'Principal Educational Psychologist', team: 'Educational Psychology', service: 'Education and Inclusion' }),
      hrRecord(priya, { managerId: dana.aadObjectId }),
      hrRecord(sam, { managerId: dana.aadObjectId, careerStage: 'senior' }),
      hrRecord(hannah, { managerId: ben.aadObjectId, jobTitle: 'Educational Psychologist', profession: 'educational_psychologist', team: 'Educational Psychology', service: 'Education and Inclusion', registrationBody: 'hcpc', careerStage: 'senior' }),
      hrRecord(eve, { managerId: ben.aadObjectId, jobTitle: 'Family Support Worker', profession: 'family_support_worker', team: 'Family Support', service: 'Early Help', registrationBody: 'none' }),
      hrRecord(morgan, { jobTitle: 'Workforce Development Lead', profession: 'business_support', team: 'Workforce Development', roles: ['practitioner', 'ld_admin'], registrationBody: 'none' }),
    ]);
    for (const u of [dana, priya, sam, ben, hannah, eve, morgan]) await stack.install(u);
  });
  afterEach(async () => stack?.stop());

  async function offer(user: teams.TestUser, fields: Record<string, string>) {
    const { cards } = await stack.message(user, 'offer mentoring');
    return stack.act(user, 'offer.save', { cardId: cardIdIn(cards[0]), strengthsText: '', kinds: 'mentoring,shadowing', capacity: '1', availability: '', locality: '', pausedUntil: '', ...fields });
  }

  async function ask(user: teams.TestUser, codes: string, fields: Record<string, string> = {}) {
    const add = await stack.message(user, 'add need');
    await stack.act(user, 'need.add', { cardId: cardIdIn(add.cards[0]), areas: codes.split('.')[0]!, subHeading: codes.includes('.') ? codes : '', description: `Learning about ${codes}`, priority: 'high' });
    const needs = await stack.rt.needs.listFor(stack.tenantId, user.aadObjectId);
    const { cards } = await stack.message(user, 'find mentor');
    return stack.act(user, 'request.save', { cardId: cardIdIn(cards[0]), needIds: needs.map((n) => n.needId).join(','), kind: 'mentoring', preferProfession: '', locality: '', availability: '', ...fields });
  }

  async function runMatching() {
    const { cards } = await stack.message(morgan, 'run matching');
    await stack.drainOutbox();
    return cardText(cards[0]);
  }

  const proposalTo = (user: teams.TestUser) => stack.repliesTo(user).cards.find((c) => cardText(c).includes('Why Weave suggests this'));

  it('proposes someone from another profession outside the line, and introduces them when both accept', async () => {
    expect(cardText((await offer(hannah, { strengths: 'CC3.S2,CC2' })).body?.value)).toContain('Saved. Weave will propose people');
    await offer(sam, { strengths: 'CC3.S2' }); // same profession as Priya
    await offer(dana, { strengths: 'CC3.S2' }); // Priya's own manager
    expect(cardText((await ask(priya, 'CC3.S2')).body?.value)).toContain("you're in the pool for mentoring");

    expect(await runMatching()).toContain('1 of 1 waiting person has a proposal; 1 across professions');
    const toPriya = proposalTo(priya);
    expect(cardText(toPriya)).toContain('Hannah Osei could help with your learning');
    expect(cardText(toPriya)).toContain('strength in CC3.S2 Communication, recording and reporting');
    expect(cardText(toPriya)).toContain('an educational psychologist and a social worker');
    const toHannah = proposalTo(hannah);
    expect(cardText(toHannah)).toContain('Would you mentor Priya Shah?');
    expect(cardText(toHannah)).not.toContain('Learning about'); // the need's own words stay in Priya's plan
    expect(proposalTo(sam)).toBeUndefined();
    expect(proposalTo(dana)).toBeUndefined();

    // Only the person a proposal was sent to can answer it.
    expect((await stack.act(sam, 'mentor.accept', { cardId: cardIdIn(toHannah) })).body?.value).toBe('This card was sent to someone else, so only they can answer it.');

    expect(cardText((await stack.act(hannah, 'mentor.accept', { cardId: cardIdIn(toHannah) })).body?.value)).toContain('Weave will introduce you once Priya accepts too.');
    const intro = await stack.act(priya, 'mentor.accept', { cardId: cardIdIn(toPriya) });
    expect(cardText(intro.body?.value)).toContain("You're matched with Hannah Osei");
    expect(JSON.stringify(intro.body?.value)).toContain(`https://teams.microsoft.com/l/chat/0/0?users=${encodeURIComponent(hannah.email)}`);
    await stack.drainOutbox();
    expect(cardText(stack.repliesTo(hannah).cards[0])).toContain("You're matched with Priya Shah");
    expect(cardText((await stack.message(priya, 'my mentoring')).cards[0])).toContain('Your mentor');
  });

  it('puts a declined request back in the pool without that pair, and respects capacity', async () => {
    await offer(hannah, { strengths: 'CC3.S2' });
    await offer(ben, { strengths: 'CC3', capacity: '2' });
    await ask(priya, 'CC3.S2');
    await runMatching();
    const toHannah = proposalTo(hannah)!;
    stack.repliesTo(priya);
    await stack.act(hannah, 'mentor.decline', { cardId: cardIdIn(toHannah), reason: 'Caseload is full until January' });
    await stack.drainOutbox();
    expect(stack.repliesTo(priya).texts.join(' ')).toContain("Hannah Osei can't take on your mentoring right now.");
    const declined = (await stack.rt.mentoring.listMatches(stack.tenantId))[0]!;
    expect(declined).toMatchObject({ status: 'declined', declineReason: 'Caseload is full until January' });

    await runMatching();
    expect(proposalTo(hannah)).toBeUndefined();
    expect(cardText(proposalTo(priya))).toContain('Ben Carter could help');

    // Eve asks too: Ben has room but is her own manager, so Hannah (free again) is proposed.
    await ask(eve, 'CC3.S1');
    expect(await runMatching()).toContain('1 of 1 waiting person has a proposal');
    expect(cardText(proposalTo(eve))).toContain('Hannah Osei could help');
    const matches = await stack.rt.mentoring.listMatches(stack.tenantId);
    expect(matches.filter((m) => m.mentorId === ben.aadObjectId && m.menteeId === eve.aadObjectId)).toEqual([]);

    // With Hannah and Ben both spoken for, the next person waits, and is told why.
    await stack.rt.mentoring.saveOffer({ ...(await stack.rt.mentoring.getOffer(stack.tenantId, ben.aadObjectId))!, capacity: 1 });
    await ask(sam, 'CC3.S2');
    expect(await runMatching()).toContain('0 of 1 waiting person has a proposal');
    expect((await stack.rt.mentoring.listRequestsFor(stack.tenantId, sam.aadObjectId))[0]!.notYet).toBe('Everyone whose strengths fit has a full diary for now; you stay in the pool.');
  });

  it('reminds whoever has not answered, then releases the proposal', async () => {
    await offer(hannah, { strengths: 'CC3' });
    await ask(priya, 'CC3');
    await runMatching();
    const toPriya = proposalTo(priya)!;
    await stack.act(priya, 'mentor.accept', { cardId: cardIdIn(toPriya) });
    stack.repliesTo(hannah);

    clock.set('2026-11-30T10:00:00Z'); // 5 working days on
    expect(await runMentorFollowUps(stack.rt)).toContain('reminded 1');
    await stack.drainOutbox();
    expect(stack.repliesTo(priya).cards).toHaveLength(0);
    expect(cardText(stack.repliesTo(hannah).cards[0])).toContain('Please accept or decline by');

    clock.set('2026-12-07T10:00:00Z');
    expect(await runMentorFollowUps(stack.rt)).toContain('lapsed 1');
    await stack.drainOutbox();
    expect(stack.repliesTo(hannah).texts.join(' ')).toContain('has lapsed without your answer');
    expect(stack.repliesTo(priya).texts.join(' ')).toContain("You're back in the pool");
    expect((await stack.rt.mentoring.listRequestsFor(stack.tenantId, priya.aadObjectId))[0]!.status).toBe('waiting');
    // The lapsed card can no longer be accepted.
    expect(cardText((await stack.act(hannah, 'mentor.accept', { cardId: cardIdIn(proposalTo(hannah) ?? toPriya) })).body?.value ?? '')).not.toContain("You're matched");
  });

  it('checks in after four weeks and turns a useful meeting into a CPD record with the peer filled in', async () => {
    await offer(hannah, { strengths: 'CC3' });
    await ask(priya, 'CC3');
    await runMatching();
    await stack.act(hannah, 'mentor.accept', { cardId: cardIdIn(proposalTo(hannah)) });
    await stack.act(priya, 'mentor.accept', { cardId: cardIdIn(proposalTo(priya)) });
    await stack.drainOutbox();
    stack.repliesTo(priya);

    clock.set('2026-12-21T10:00:00Z'); // four weeks on
    expect(await runMentorFollowUps(stack.rt)).toContain('checkIns 1');
    await stack.drainOutbox();
    const checkIn = stack.repliesTo(priya).cards[0];
    expect(cardText(checkIn)).toContain('How is it going with Hannah Osei?');
    const noUseful = await stack.act(priya, 'checkin.save', { cardId: cardIdIn(checkIn), met: 'yes', useful: '' });
    expect(cardText(noUseful.body?.value)).toContain('Was it useful: choose one.');
    const saved = await stack.act(priya, 'checkin.save', { cardId: cardIdIn(checkIn), met: 'yes', useful: 'very' });
    expect(cardText(saved.body?.value)).toContain('log it as CPD');
    const log = await stack.act(priya, 'checkin.logCpd', { cardId: cardIdIn(checkIn) });
    const json = JSON.stringify(log.body?.value);
    expect(json).toContain('Mentoring with Hannah Osei');
    expect(json).toMatch(/"id":"peerName"[^}]*"value":"Hannah Osei"/);
    expect(json).toMatch(/"id":"peerProfession"[^}]*"value":"educational_psychologist"/);
    // Running again the same day sends nothing new.
    await runMentorFollowUps(stack.rt);
    await stack.drainOutbox();
    expect(stack.repliesTo(priya).cards).toHaveLength(0);
  });

  it('finishes what an interrupted run left: unsent proposals go out, stranded requests return to the pool', async () => {
    await offer(hannah, { strengths: 'CC3' });
    await ask(priya, 'CC3');
    await ask(eve, 'CC1');
    // As if a run died after recording Priya's pairing but before sending it, and another after marking Eve's request proposed.
    const [priyaRequest] = await stack.rt.mentoring.listRequestsFor(stack.tenantId, priya.aadObjectId);
    const [eveRequest] = await stack.rt.mentoring.listRequestsFor(stack.tenantId, eve.aadObjectId);
    await stack.rt.mentoring.updateRequest(priyaRequest!, { status: 'proposed' });
    await stack.rt.mentoring.createMatch({
      tenantId: stack.tenantId, matchId: '11111111-1111-4111-8111-111111111111', requestId: priyaRequest!.requestId, mentorId: hannah.aadObjectId, menteeId: priya.aadObjectId,
      kind: 'mentoring', codes: ['CC3'], score: 5, reasons: ['strength in CC3 Safeguarding'], sameProfession: false, status: 'proposed', mentorAnswer: null, menteeAnswer: null,
      declinedBy: null, declineReason: '', proposedAt: '2026-11-23T10:00:00Z', remindedAt: null, introducedAt: null, checkIns: [], updatedAt: '2026-11-23T10:00:00Z',
    });
    await stack.rt.mentoring.updateRequest(eveRequest!, { status: 'proposed' });

    await runMatching();
    expect(cardText(proposalTo(priya))).toContain('Hannah Osei could help');
    expect(cardText(proposalTo(hannah))).toContain('Would you mentor Priya Shah?');
    expect((await stack.rt.mentoring.listRequestsFor(stack.tenantId, eve.aadObjectId))[0]!.status).toBe('waiting');
    // Again: nothing is sent twice.
    await runMatching();
    expect(proposalTo(priya)).toBeUndefined();
  });

  it('validates offers and requests, keeps what was typed, and only L&D runs the matching', async () => {
    const bad = await offer(hannah, { strengths: '', kinds: 'lunch', capacity: '9', strengthsText: 'I know about court work' });
    const text = cardText(bad.body?.value);
    expect(text).toContain('Your strengths: choose at least one.');
    expect(text).toContain('What you offer: choose from the list.');
    expect(text).toContain('How many people at once: "9" is not one of the choices.');
    expect(JSON.stringify(bad.body?.value)).toContain('I know about court work');
    expect(await stack.rt.mentoring.getOffer(stack.tenantId, hannah.aadObjectId)).toBeUndefined();

    expect((await stack.message(eve, 'find mentor')).texts.join(' ')).toContain('Add one first with **add need**');
    const forged = await ask(priya, 'CC1', { needIds: '00000000-0000-4000-8000-000000000000' });
    expect(cardText(forged.body?.value)).toContain('Which needs in your plan: choose from the list');
    expect((await stack.message(priya, 'run matching')).texts.join(' ')).toContain('only for people with the');
  });
});
