// Qualifications through the protocol: a person adds one, their line manager confirms it on a card;
// nobody confirms their own, another manager cannot, a second press does nothing; and L&D's equity
// view counts a confirmed professional qualification as "professionally qualified" — not a regulator.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { answerQualification } from '../../app/people/qualifications';
import { orgPlanContent } from '../../app/plans/orgPlanContent';
import { cardIdIn, cardText } from '../support/cards';
import { hrRecord, startTestStack, testClock, type TestStack } from '../support/stack';
import * as teams from '../support/teams';

describe('qualifications', () => {
  let stack: TestStack;
  const clock = testClock('2026-11-23T10:00:00Z');
  const morgan = teams.testUser('Morgan Ellis', 'morgan.ellis@example.org');
  const lee = teams.testUser('Lee Carter', 'lee.carter@example.org');
  const dana = teams.testUser('Dana Hughes', 'dana.hughes@example.org');
  const eyps = ['Amy Lane', 'Ben Cole', 'Cara Dunn', 'Dev Shah'].map((n) => teams.testUser(n, `${n.toLowerCase().replace(' ', '.')}@example.org`));
  const [amy, ben, cara] = eyps as [teams.TestUser, teams.TestUser, teams.TestUser, teams.TestUser];
  const teachers = ['Tess Lowe', 'Tom Reed', 'Tia Moss'].map((n) => teams.testUser(n, `${n.toLowerCase().replace(' ', '.')}@example.org`));

  beforeEach(async () => {
    stack = await startTestStack({ clock });
    await stack.seed([
      hrRecord(morgan, { jobTitle: 'Workforce Development Lead', profession: 'business_support', team: 'Workforce Development', registrationBody: 'none', roles: ['practitioner', 'ld_admin'] }),
      hrRecord(lee, { jobTitle: 'Nursery Manager', profession: 'manager', team: 'Early Years', registrationBody: 'none', roles: ['practitioner', 'manager'] }),
      hrRecord(dana, { jobTitle: 'Team Manager', roles: ['practitioner', 'manager'] }),
      ...eyps.map((u) => hrRecord(u, { jobTitle: 'Early Years Practitioner', profession: 'early_years_practitioner', team: 'Early Years', registrationBody: 'none', registrationNumber: '', managerId: lee.aadObjectId })),
      // Teachers without a TRN on the roster: QTS, confirmed by their manager, makes them professionally qualified.
      ...teachers.map((u) => hrRecord(u, { jobTitle: 'Advisory Teacher', profession: 'teacher', team: 'Education', registrationBody: 'none', registrationNumber: '', managerId: dana.aadObjectId })),
    ]);
    for (const u of [morgan, lee, dana, ...eyps, ...teachers]) await stack.install(u);
  });
  afterEach(async () => stack?.stop());

  const add = async (who: teams.TestUser, values: Record<string, string>) => {
    const id = cardIdIn((await stack.message(who, 'qualifications')).cards[0]);
    return stack.act(who, 'qualification.add', { cardId: id, ...values });
  };
  const confirmCardFor = async (manager: teams.TestUser) => {
    await stack.drainOutbox();
    const card = stack.repliesTo(manager).cards.find((c) => JSON.stringify(c).includes('qualification.confirm'));
    return { id: cardIdIn(card), text: cardText(card) };
  };

  it('is added by the person and confirmed by their line manager, who alone can', async () => {
    expect(cardText((await add(amy, { level: '9', title: '', awardedOn: '2030-01-01', professional: 'false' })).body?.value)).toMatch(/Level[\s\S]*Title/);
    const added = cardText((await add(amy, { level: '5', title: 'Foundation degree in early years', awardedOn: '2024-07-01', professional: 'false' })).body?.value);
    expect(added).toContain('Added. Lee Carter has been asked to confirm it.');
    expect(added).toContain('Level 5: Foundation degree in early years (2024)');
    expect(added).toContain('waiting for your line manager');

    const { id, text } = await confirmCardFor(lee);
    expect(text).toContain('Amy Lane added a qualification');
    expect(text).toContain('Level 5: Foundation degree in early years (2024)');
    // Amy pressing her manager's card, and another manager: refused, nothing changes.
    expect((await stack.act(amy, 'qualification.confirm', { cardId: id })).body?.value).toBe('This card was sent to someone else, so only they can answer it.');
    expect((await stack.act(dana, 'qualification.confirm', { cardId: id })).body?.value).toBe('This card was sent to someone else, so only they can answer it.');
    const [q] = await stack.rt.qualifications.listFor(stack.tenantId, amy.aadObjectId);
    expect(q).toMatchObject({ status: 'pending', confirmedBy: null });
    // Even through the use case, nobody confirms their own.
    expect(await answerQualification(stack.rt, q!, { id: amy.aadObjectId, name: 'Amy Lane' }, true)).toEqual({ invalid: ['Nobody can confirm their own qualification: your line manager does.'] });

    expect(cardText((await stack.act(lee, 'qualification.confirm', { cardId: id })).body?.value)).toContain('Confirmed');
    expect((await stack.act(lee, 'qualification.decline', { cardId: id })).body?.value).toContain('already');
    await stack.drainOutbox();
    expect(stack.repliesTo(amy).texts.join(' ')).toContain('Lee Carter confirmed your qualification: Level 5: Foundation degree in early years (2024).');
    expect(await stack.rt.qualifications.listFor(stack.tenantId, amy.aadObjectId)).toMatchObject([{ status: 'confirmed', confirmedBy: lee.aadObjectId }]);
  });

  it('asks someone with no line manager to find one first', async () => {
    expect(cardText((await add(dana, { level: '7', title: 'MA Social Work', awardedOn: '', professional: 'true' })).body?.value)).toContain("Your line manager confirms a qualification, and Weave doesn't know who yours is yet.");
    expect(await stack.rt.qualifications.listFor(stack.tenantId, dana.aadObjectId)).toEqual([]);
  });

  it("shows L&D who is professionally qualified, from confirmed professional qualifications, not from a regulator", async () => {
    for (const t of teachers) {
      await add(t, { level: '6', title: 'Qualified Teacher Status', awardedOn: '2015-07-01', professional: 'true' });
      const { id } = await confirmCardFor(dana);
      await stack.act(dana, 'qualification.confirm', { cardId: id });
      stack.repliesTo(dana);
    }
    // An early years practitioner's level 3 is not a professional qualification; one still waiting does not count.
    await add(ben, { level: '3', title: 'Early Years Educator diploma', awardedOn: '2019-07-01', professional: 'false' });
    await add(cara, { level: '6', title: 'Early Years Teacher Status', awardedOn: '2022-07-01', professional: 'true' });

    const { equityFigures } = await orgPlanContent(stack.rt, '2026-11-23');
    const registered = equityFigures.find((d) => d.dimension === 'registration')!.rows.map((r) => [r.group, r.headcount]);
    const qualified = equityFigures.find((d) => d.dimension === 'qualification')!;
    expect(qualified.heading).toBe('Professionally qualified, or not');
    // Dana is a registered social worker; the three teachers hold confirmed QTS; the other six are not.
    expect(qualified.rows.map((r) => [r.group, r.headcount])).toEqual([['Not professionally qualified', 6], ['Professionally qualified', 4]]);
    // By regulator, the teachers are still pooled with the unqualified: the view the research asked for is the one above.
    expect(registered).toEqual([['Other (groups under 3)', 10]]);
    const org = cardText((await stack.message(morgan, 'org plan')).cards[0]);
    expect(org).toContain('Professionally qualified, or not');
  });
});
