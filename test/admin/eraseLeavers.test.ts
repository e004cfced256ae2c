// Erasing leavers at the end of the retention period: every row about them goes, from every table
// that holds any; nobody else's rows change; a dry run and a later leaver change nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eraseLeavers, PERSONAL_ROWS } from '../../admin/eraseLeavers';
import { planRosterImport } from '../../core/rosterPlan';
import { hrRecord, startTestStack, testClock, type TestStack } from '../support/stack';
import { storageSnapshot } from '../support/storageSnapshot';
import * as teams from '../support/teams';
import { cardIdIn } from '../support/cards';

describe('erasing leavers', () => {
  let stack: TestStack;
  const clock = testClock('2026-11-23T10:00:00Z');
  const dana = teams.testUser('Dana Hughes', 'dana.hughes@example.org');
  const priya = teams.testUser('Priya Shah', 'priya.shah@example.org');
  const kelly = teams.testUser('Kelly Nash', 'kelly.nash@example.org');
  const records = {
    dana: hrRecord(dana, { jobTitle: 'Team Manager', roles: ['practitioner', 'manager'] }),
    priya: hrRecord(priya, { managerId: dana.aadObjectId }),
    kelly: hrRecord(kelly, { managerId: dana.aadObjectId }),
  };

  /** What a person leaves behind: a need with their manager's comment, CPD, an export link, cards, deliveries. */
  async function useWeave(user: teams.TestUser) {
    await stack.install(user);
    const { cards } = await stack.message(user, 'add need');
    await stack.act(user, 'need.add', {
      cardId: cardIdIn(cards[0]), areas: 'CC3', subHeading: 'CC3.S2', frameworkTag: '', description: `Court skills for ${user.name}`,
      priority: 'high', activityTypes: 'work_shadowing', targetDate: '2027-03-31',
    });
    const log = await stack.message(user, 'log cpd');
    await stack.act(user, 'cpd.save', {
      cardId: cardIdIn(log.cards[0]), activityType: 'reading_research', title: 'Read about consent', date: '2026-11-20', hours: '1',
      participatoryHours: '0', codes: 'CC3', needIds: '', r_what: 'Read the guidance.', confirmNotIdentifying: 'true',
    });
    await stack.message(user, 'export cpd');
    const plan = await stack.message(dana, 'view plan');
    const needId = (await stack.rt.needs.listFor(stack.tenantId, user.aadObjectId))[0]!.needId;
    const cardId = cardIdIn(plan.cards[0]);
    await stack.act(dana, 'reportPlan.show', { cardId, personId: user.aadObjectId });
    await stack.act(dana, 'reportPlan.comment', { cardId, needId, [`comment_${needId}`]: 'Good aim.' });
    await stack.drainOutbox();
  }

  const rowsMentioning = (snapshot: Record<string, string[]>, id: string): Record<string, string[]> =>
    Object.fromEntries(Object.entries(snapshot).map(([table, rows]) => [table, rows.filter((r) => r.includes(id))] as const).filter(([, rows]) => rows.length > 0));
  const rowsNotMentioning = (snapshot: Record<string, string[]>, id: string) =>
    Object.fromEntries(Object.entries(snapshot).map(([table, rows]) => [table, rows.filter((r) => !r.includes(id))]));

  beforeAll(async () => {
    stack = await startTestStack({ clock });
    await stack.seed(Object.values(records));
    await stack.install(dana);
    for (const u of [priya, kelly]) await useWeave(u);
    // Priya left in 2020 (long past retention); Kelly left last week.
    const now = await stack.rt.people.list(stack.tenantId);
    await stack.rt.people.applyRoster(stack.tenantId, planRosterImport(now, [records.dana, records.kelly]), '2020-06-30');
    await stack.rt.people.applyRoster(stack.tenantId, planRosterImport(await stack.rt.people.list(stack.tenantId), [records.dana]), '2026-11-16');
  }, 90_000);
  afterAll(async () => stack?.stop());

  it('in a dry run, counts what it would erase and changes nothing', async () => {
    const before = await storageSnapshot(stack.rt.tables);
    const counted = await eraseLeavers(stack.rt, stack.tenantId, '2021-01-01', { dryRun: true });
    expect(counted.people).toBe(1);
    expect(counted.rows).toBeGreaterThanOrEqual(8);
    expect(await storageSnapshot(stack.rt.tables)).toEqual(before);
  });

  it("erases everything about someone who left before the date, from every table that holds it, and nobody else's", async () => {
    const before = await storageSnapshot(stack.rt.tables);
    const held = Object.keys(rowsMentioning(before, priya.aadObjectId));
    // She is in these tables before: the test would prove nothing otherwise.
    expect(held).toEqual(expect.arrayContaining(['people', 'conversations', 'needs', 'cpd', 'exports', 'cards', 'deliveries']));

    const erased = await eraseLeavers(stack.rt, stack.tenantId, '2021-01-01');
    const after = await storageSnapshot(stack.rt.tables);
    const left = rowsMentioning(after, priya.aadObjectId);
    // Only tables that keep no personal data may still name her (as who created something).
    for (const table of Object.keys(left)) expect(PERSONAL_ROWS[table as keyof typeof PERSONAL_ROWS]).toHaveProperty('keeps');
    expect(erased).toMatchObject({ people: 1 });
    expect(rowsNotMentioning(after, priya.aadObjectId)).toEqual(rowsNotMentioning(before, priya.aadObjectId));

    // Kelly left after the date: all hers is still there. Running again finds nothing more.
    expect((await stack.rt.needs.listFor(stack.tenantId, kelly.aadObjectId))).toHaveLength(1);
    expect(await eraseLeavers(stack.rt, stack.tenantId, '2021-01-01')).toEqual({ people: 0, rows: 0 });
  });
});
