// Mandatory learning through the protocol: a person sees what is due in `my cpd`, their manager sees
// each report's status in `team status`, joiners find their induction set in their plan on their
// first morning in Weave, reminders go at most once a fortnight, and L&D see compliance by team and
// profession with no count under the threshold.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { orgPlanContent } from '../../app/plans/orgPlanContent';
import { runMandatoryReminders } from '../../jobs/mandatoryReminders';
import type { CpdRecord } from '../../core/cpd';
import { cardText } from '../support/cards';
import { hrRecord, startTestStack, testClock, type TestStack } from '../support/stack';
import * as teams from '../support/teams';

describe('mandatory learning', () => {
  let stack: TestStack;
  const clock = testClock('2026-11-23T10:00:00Z'); // a Monday
  const morgan = teams.testUser('Morgan Ellis', 'morgan.ellis@example.org');
  const mo = teams.testUser('Mo Farah', 'mo.farah@example.org');
  const staff = ['Priya Shah', 'Sam Okafor', 'Aisha Rahman', 'Owen Price', 'Kelly Nash', 'Ravi Patel', 'Jo Reed'].map((n) => teams.testUser(n, `${n.toLowerCase().replace(' ', '.')}@example.org`));
  const [priya, sam, aisha, owen, kelly, ravi, _jo] = staff as [teams.TestUser, teams.TestUser, teams.TestUser, teams.TestUser, teams.TestUser, teams.TestUser, teams.TestUser];
  const tess = teams.testUser('Tess Lowe', 'tess.lowe@example.org');
  const nia = teams.testUser('Nia Bell', 'nia.bell@example.org'); // joined a week ago

  let n = 0;
  const done = (who: teams.TestUser, title: string, date: string, codes = ['CC3'], activityType: CpdRecord['activityType'] = 'bite_size_workshop') => stack.rt.cpd.save({
    tenantId: stack.tenantId, personId: who.aadObjectId, recordId: `r${++n}`, activityType, title, date, hours: 3, participatoryHours: 3, codes, needIds: [],
    reflectionModel: 'what', reflection: {}, impactPractice: '', impactPeople: '', peer: null, peerReflection: '', includesFeedback: false, reflectiveDiscussion: false,
    createdAt: `${date}T12:00:00Z`,
  });

  beforeEach(async () => {
    clock.set('2026-11-23T10:00:00Z');
    stack = await startTestStack({ clock });
    await stack.seed([
      hrRecord(morgan, { jobTitle: 'Workforce Development Lead', profession: 'business_support', team: 'Workforce Development', roles: ['practitioner', 'ld_admin'], registrationBody: 'none' }),
      hrRecord(mo, { jobTitle: 'Team Manager', profession: 'manager', roles: ['practitioner', 'manager'] }),
      ...staff.map((p) => hrRecord(p, { managerId: mo.aadObjectId })),
      hrRecord(tess, { jobTitle: 'Advisory Teacher', profession: 'teacher', team: 'Education', registrationBody: 'tra', registrationNumber: '1234567', managerId: mo.aadObjectId }),
      hrRecord(nia, { jobTitle: 'Family Support Worker', profession: 'family_support_worker', team: 'PaCT', registrationBody: 'none', startDate: '2026-11-16', managerId: mo.aadObjectId }),
    ]);
    for (const u of [morgan, mo, ...staff, tess, nia]) await stack.install(u);
    // Refreshers: Priya due in January, Sam, Aisha, Owen and Kelly recently; Ravi and Jo never.
    await done(priya, 'Multi-agency safeguarding refresher', '2024-01-01');
    for (const u of [sam, aisha, owen, kelly]) await done(u, 'Safeguarding children: refresher', '2025-06-02');
    await done(tess, 'Safeguarding refresher for schools', '2025-09-01');
    await done(tess, 'KCSIE 2025 update', '2025-09-01');
  });
  afterEach(async () => stack?.stop());

  it('shows each person what is due in my cpd, and their manager in team status', async () => {
    const mine = cardText((await stack.message(priya, 'my cpd')).cards[0]);
    expect(mine).toContain('Mandatory learning');
    expect(mine).toContain('Safeguarding refresher (multi-agency)');
    expect(mine).toContain('Due soon: by 1 January 2027 (last done 1 January 2024)');

    const teacher = cardText((await stack.message(tess, 'my cpd')).cards[0]);
    expect(teacher).toContain('Teaching Regulation Agency: Qualified Teacher Status does not lapse');
    expect(teacher).toContain('Keeping Children Safe in Education: annual update');
    expect(teacher).toContain('Due soon: by 1 September 2026'.replace('Due soon: by', 'Overdue: was due'));

    const team = cardText((await stack.message(mo, 'team status')).cards[0]);
    expect(team).toMatch(/Ravi Patel[\s\S]*Mandatory learning[\s\S]*Overdue: never recorded/);
    expect(team).toMatch(/Sam Okafor[\s\S]*Mandatory learning\s+up to date/);
    expect(team).toContain('overdue with mandatory learning');
    // Only about their reports: a practitioner cannot ask.
    expect((await stack.message(priya, 'team status')).texts.join(' ')).not.toContain('Ravi');
  });

  it("puts a joiner's induction set in their plan on their first morning, once", async () => {
    clock.set('2026-11-23T09:00:00Z');
    expect(await runMandatoryReminders(stack.rt)).toBe('0 people reminded of mandatory learning (at most once a fortnight); 1 joiner given their induction set');
    await stack.drainOutbox();
    expect(stack.repliesTo(nia).texts.join(' ')).toContain('Your induction set is in your plan');
    const plan = cardText((await stack.message(nia, 'my plan')).cards[0]);
    expect(plan).toContain('Induction: safeguarding procedures and recording in this council');
    expect(plan).toContain('mandatory learning');
    expect(plan).toContain('by 8 February 2027');
    const needs = await stack.rt.needs.listFor(stack.tenantId, nia.aadObjectId);
    expect(needs.filter((x) => x.source === 'mandatory')).toHaveLength(3);

    // The next morning: nothing added twice, nothing sent again; nobody else is a joiner.
    clock.set('2026-11-24T09:00:00Z');
    expect(await runMandatoryReminders(stack.rt)).toContain('0 joiners given their induction set');
    await stack.drainOutbox();
    expect(stack.repliesTo(nia).texts).toEqual([]);
    expect(await stack.rt.needs.listFor(stack.tenantId, nia.aadObjectId)).toHaveLength(3);
  });

  it('reminds people with something due soon or overdue, on their fortnightly day only', async () => {
    for (const u of [...staff, tess, nia]) stack.repliesTo(u);
    // Rounds run from the day Weave first knew them (1 November): the 16th and the 30th are reminder days, the 23rd is not.
    clock.set('2026-11-23T09:00:00Z');
    await runMandatoryReminders(stack.rt);
    await stack.drainOutbox();
    expect(stack.repliesTo(ravi).texts).toEqual([]);

    clock.set('2026-11-30T09:00:00Z');
    // Priya (due soon), Ravi, Jo, Mo and Morgan (never recorded), Tess (KCSIE overdue).
    expect(await runMandatoryReminders(stack.rt)).toContain('6 people reminded');
    await stack.drainOutbox();
    expect(stack.repliesTo(priya).texts.join('\n')).toContain('- Safeguarding refresher (multi-agency): Due soon: by 1 January 2027');
    expect(stack.repliesTo(ravi).texts.join('\n')).toContain('Overdue: never recorded');
    expect(stack.repliesTo(tess).texts.join('\n')).toContain('Keeping Children Safe in Education: annual update: Overdue');
    for (const u of [sam, aisha, owen, kelly]) expect(stack.repliesTo(u).texts).toEqual([]);
    expect(stack.repliesTo(nia).texts.join(' ')).not.toContain('needs attention'); // her induction is weeks away

    // Later the same day, the next days: nothing. A fortnight on: again.
    for (const at of ['2026-11-30T15:00:00Z', '2026-12-01T09:00:00Z', '2026-12-11T09:00:00Z']) {
      clock.set(at);
      await runMandatoryReminders(stack.rt);
    }
    await stack.drainOutbox();
    expect(stack.repliesTo(ravi).texts).toEqual([]);
    clock.set('2026-12-14T09:00:00Z');
    await runMandatoryReminders(stack.rt);
    await stack.drainOutbox();
    expect(stack.repliesTo(ravi).texts.join(' ')).toContain('your mandatory learning needs attention');
    // Once done, no more.
    await done(ravi, 'Safeguarding refresher', '2026-12-15');
    clock.set('2026-12-28T09:00:00Z');
    await runMandatoryReminders(stack.rt);
    await stack.drainOutbox();
    expect(stack.repliesTo(ravi).texts).toEqual([]);
  });

  it('shows L&D compliance by team and profession, with no count under the threshold', async () => {
    const org = cardText((await stack.message(morgan, 'org plan')).cards[0]);
    expect(org).toContain('Mandatory learning');
    // Social workers: 7 — up to date 4, due soon 1 (Priya), overdue 2 (Ravi, Jo): both small counts hidden.
    expect(org).toContain('Safeguarding refresher (multi-agency), by profession');
    expect(org).toMatch(/Social worker\s+7 people · up to date 4 · due soon not shown · overdue not shown/);
    expect(org).not.toMatch(/due soon 1|overdue 2|overdue 1/);
    // The teacher, the manager, the family support worker and L&D are pooled (2 up to date, 2 overdue: both hidden);
    // KCSIE applies to one person: not shown at all.
    expect(org).toMatch(/Other \(groups under 3\)\s+4 people · up to date not shown · due soon 0 · overdue not shown/);
    expect(org).not.toContain('Keeping Children Safe in Education');
    expect(org).not.toMatch(/Teacher\s+1 people/);

    // The Organisation page's figures (its route is L&D's only: test/api/tabApi.test.ts): by team too, every group.
    const { mandatoryAll } = await orgPlanContent(stack.rt, '2026-11-23');
    const byTeam = mandatoryAll.find((t) => t.heading === 'Safeguarding refresher (multi-agency), by team')!;
    // PaCT has 9, but Education and Workforce Development one each: shown beside the total they would be
    // given away by subtraction, so PaCT joins their pool.
    expect(byTeam.rows).toEqual([{ group: 'Other (groups under 3)', people: 11, upToDate: 6, dueSoon: null, overdue: null }]);
    for (const table of mandatoryAll) {
      for (const r of table.rows) {
        expect(r.people).toBeGreaterThanOrEqual(3);
        for (const c of [r.upToDate, r.dueSoon, r.overdue]) if (c !== null) expect(c === 0 || c >= 3).toBe(true);
      }
    }
  });
});
