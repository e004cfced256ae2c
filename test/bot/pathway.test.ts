// Career pathways through the protocol: a person says where they would like to go, sees the next
// step, what it needs and what in their plan leads there, and adds its learning to their plan; their
// manager sees the aim only when they chose to share it, nobody else ever; L&D see totals only.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { orgPlanContent } from '../../app/plans/orgPlanContent';
import { cardIdIn, cardText } from '../support/cards';
import { hrRecord, startTestStack, testClock, type TestStack } from '../support/stack';
import * as teams from '../support/teams';

describe('career pathways', () => {
  let stack: TestStack;
  const clock = testClock('2026-11-23T10:00:00Z');
  const morgan = teams.testUser('Morgan Ellis', 'morgan.ellis@example.org');
  const lee = teams.testUser('Lee Carter', 'lee.carter@example.org');
  const dana = teams.testUser('Dana Hughes', 'dana.hughes@example.org');
  const eyps = ['Amy Lane', 'Ben Cole', 'Cara Dunn', 'Dev Shah', 'Eve Ray'].map((n) => teams.testUser(n, `${n.toLowerCase().replace(' ', '.')}@example.org`));
  const [amy, ben, cara, dev] = eyps as [teams.TestUser, teams.TestUser, teams.TestUser, teams.TestUser];

  beforeEach(async () => {
    stack = await startTestStack({ clock });
    await stack.seed([
      hrRecord(morgan, { jobTitle: 'Workforce Development Lead', profession: 'business_support', team: 'Workforce Development', registrationBody: 'none', roles: ['practitioner', 'ld_admin'] }),
      hrRecord(lee, { jobTitle: 'Nursery Manager', profession: 'manager', team: 'Early Years', registrationBody: 'none', roles: ['practitioner', 'manager'] }),
      hrRecord(dana, { jobTitle: 'Team Manager', roles: ['practitioner', 'manager'] }),
      ...eyps.map((u) => hrRecord(u, { jobTitle: 'Early Years Practitioner', profession: 'early_years_practitioner', team: 'Early Years', registrationBody: 'none', registrationNumber: '', managerId: lee.aadObjectId })),
    ]);
    for (const u of [morgan, lee, dana, ...eyps]) await stack.install(u);
  });
  afterEach(async () => stack?.stop());

  const open = async (who: teams.TestUser) => cardIdIn((await stack.message(who, 'my pathway')).cards[0]);

  it('shows the next step towards where someone would like to go, and adds its learning to their plan', async () => {
    // A need already in Amy's plan in the step's area.
    const needId = cardIdIn((await stack.message(amy, 'add need')).cards[0]);
    await stack.act(amy, 'need.add', { cardId: needId, areas: 'CC2', subHeading: '', frameworkTag: '', description: 'Observing and assessing two-year-olds', priority: 'medium', activityTypes: '', targetDate: '' });

    const id = await open(amy);
    expect(cardText((await stack.act(amy, 'pathway.save', { cardId: id, target: 'astronaut', share: 'false' })).body?.value)).toContain('Where you would like to go: choose from the list.');
    expect(cardText((await stack.act(amy, 'pathway.save', { cardId: id, target: 'early-years-practitioner-3', share: 'false' })).body?.value)).toContain('That is the role you are in now');
    const saved = cardText((await stack.act(amy, 'pathway.save', { cardId: id, target: 'early-years-teacher', share: 'false' })).body?.value);
    expect(saved).toContain('Saved. Only you can see it.');
    expect(saved).toContain('Where you are now: Early years practitioner (level 3).');
    expect(saved).toContain("Where you'd like to go: Early years teacher (EYTS)");
    expect(saved).toMatch(/Next step\s+Level 5 diploma or foundation degree in early years \(level 5\)/);
    expect(saved).toMatch(/Steps to go\s+2 steps/);
    expect(saved).toContain('• Observing and assessing two-year-olds');
    expect(saved).toContain('Add the next step to my plan');

    const added = cardText((await stack.act(amy, 'pathway.addStep', { cardId: id })).body?.value);
    expect(added).toContain('Added to your plan: towards Level 5 diploma or foundation degree in early years.');
    expect(added).not.toContain('Add the next step to my plan');
    await stack.act(amy, 'pathway.addStep', { cardId: id }); // twice: still one need
    const needs = await stack.rt.needs.listFor(stack.tenantId, amy.aadObjectId);
    expect(needs.filter((n) => n.source === 'pathway')).toMatchObject([{ codes: ['CC2', 'CC1'], activityTypes: ['qualification', 'observing_practice'], status: 'open' }]);
    expect(cardText((await stack.message(amy, 'my plan')).cards[0])).toContain('a career step');
  });

  it("shows the manager a report's aim only when they chose to share it, and never anyone else", async () => {
    await stack.act(amy, 'pathway.save', { cardId: await open(amy), target: 'early-years-teacher', share: 'true' });
    await stack.act(ben, 'pathway.save', { cardId: await open(ben), target: 'teacher', share: 'false' });
    await stack.act(cara, 'pathway.save', { cardId: await open(cara), target: 'not_now', share: 'true' });
    const team = cardText((await stack.message(lee, 'team status')).cards[0]);
    expect(team).toMatch(/Amy Lane[\s\S]*Would like to go\s+Early years teacher \(EYTS\)/);
    expect(team).toMatch(/Cara Dunn[\s\S]*Would like to go\s+not now/);
    expect(team).not.toContain('Teacher (QTS)');
    // Another manager's team status has none of them; a practitioner has no such command.
    const other = await stack.message(dana, 'team status');
    expect(JSON.stringify(other)).not.toContain('Would like to go');
    expect((await stack.message(ben, 'team status')).texts.join(' ')).toContain('only for people with the Line manager role');
    // Ben's card is his alone: Lee cannot open or press it.
    const bens = await open(ben);
    expect((await stack.act(lee, 'pathway.save', { cardId: bens, target: 'teacher', share: 'true' })).body?.value).toBe('This card was sent to someone else, so only they can answer it.');
    expect((await stack.rt.aspirations.get(stack.tenantId, ben.aadObjectId))?.shareWithManager).toBe(false);
  });

  it('shows L&D aspirations by profession and qualified or not, with no count under the threshold', async () => {
    for (const [u, target] of [[amy, 'early-years-teacher'], [ben, 'early-years-practitioner-5'], [cara, 'teacher'], [dev, 'not_now']] as const) {
      await stack.act(u, 'pathway.save', { cardId: await open(u), target, share: 'false' });
    }
    const { pathwaysAll } = await orgPlanContent(stack.rt, '2026-11-23');
    const byProfession = pathwaysAll.find((t) => t.heading === 'By profession')!;
    // Early years: 5 people, 3 aiming, 1 not now, 1 not said. The two ones together are still under 3, so
    // the 3 is hidden too: otherwise "not now or not said" would point at two people.
    expect(byProfession.rows.find((r) => r.group === 'Early years practitioner')).toEqual({ group: 'Early years practitioner', people: 5, aiming: null, notNow: null, notSaid: null, moved: 0 });
    expect(pathwaysAll.map((t) => t.heading)).toContain('Professionally qualified, or not');
    for (const table of pathwaysAll) for (const r of table.rows) {
      expect(r.people).toBeGreaterThanOrEqual(3);
      for (const c of [r.aiming, r.notNow, r.notSaid, r.moved]) if (c !== null) expect(c === 0 || c >= 3).toBe(true);
    }
    const org = cardText((await stack.message(morgan, 'org plan')).cards[0]);
    expect(org).toContain('Career pathways');
    expect(org).toMatch(/Early years practitioner\s+5 people · aiming not shown · not now not shown · not said not shown · moved on 0/);
  });
});
