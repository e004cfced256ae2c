// Importing HR's roster into the real store (Azurite): the scenarios HR and IT will meet.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importRoster } from '../../admin/importRoster';
import type { HrRecord } from '../../core/people';
import { syntheticOrg, toRosterCsv } from '../../local/syntheticOrg';
import { startTestStack, testClock, type TestStack } from '../support/stack';

describe('importing the roster', () => {
  let stack: TestStack;
  const clock = testClock('2026-11-23T10:00:00Z');
  const run = (records: readonly HrRecord[] | string, options: { dryRun?: boolean; allowManyLeavers?: boolean } = {}) =>
    importRoster({ ...stack.rt, clock, tenantId: stack.tenantId, timeZone: 'Europe/London' }, typeof records === 'string' ? records : toRosterCsv(records), { source: 'roster.csv', ...options });

  beforeEach(async () => {
    clock.set('2026-11-23T10:00:00Z');
    stack = await startTestStack({ clock });
  });
  afterEach(async () => stack?.stop());

  it('imports 10,000 staff, then re-imports with joiners, changes and leavers', async () => {
    const org = syntheticOrg(10_000);
    const first = await run(org);
    expect(first).toMatchObject({ outcome: 'imported', summary: { joiners: 10_000, updated: 0, leavers: 0 } });
    expect(await stack.rt.people.list(stack.tenantId)).toHaveLength(10_000);

    // A month later: 40 people left, 50 joined, 30 changed team.
    const leaving = org.slice(-40);
    const staying = org.slice(0, -40).map((p, i) => (i > 100 && i <= 130 ? { ...p, team: `${p.team} (moved)` } : p));
    const joining = syntheticOrg(10_050, 2).slice(-50).map((p) => ({ ...p, managerId: org[0]!.aadObjectId }));
    const second = await run([...staying, ...joining]);
    expect(second).toMatchObject({ outcome: 'imported', summary: { joiners: 50, updated: 30, leavers: 40, unchanged: 10_000 - 40 - 30 } });

    const people = new Map((await stack.rt.people.list(stack.tenantId)).map((p) => [p.aadObjectId, p]));
    expect(people.size).toBe(10_050);
    expect(people.get(leaving[0]!.aadObjectId)).toMatchObject({ status: 'left', leftOn: '2026-11-23' });
    expect(people.get(joining[0]!.aadObjectId)).toMatchObject({ status: 'active', source: 'roster' });

    // The leavers come back: they are active again, with what they had set for themselves kept.
    const back = await run([...staying, ...joining, ...leaving], { allowManyLeavers: true });
    expect(back).toMatchObject({ outcome: 'imported', summary: { rejoiners: 40, leavers: 0 } });
  }, 90_000); // 10,000 rows twice: about 15 s alone, more when other suites share the two cores

  it("imports teachers with their TRN from the Teaching Regulation Agency (refused before `tra` was a registration body)", async () => {
    const org = syntheticOrg(20);
    const teachers = org.map((p, i) => (i >= 10 && i < 13 ? { ...p, profession: 'teacher' as const, registrationBody: 'tra' as const, registrationNumber: `${1234560 + i}` } : p));
    expect(await run(teachers)).toMatchObject({ outcome: 'imported', summary: { joiners: 20 } });
    expect(await stack.rt.people.get(stack.tenantId, teachers[11]!.aadObjectId)).toMatchObject({ registrationBody: 'tra', registrationNumber: '1234571' });
  });

  it("keeps the roster's qualifications, replaced by each import that has the columns and left alone by one that has not", async () => {
    const org = syntheticOrg(6);
    const cols = ',qualification_level,qualification_title,qualification_awarded,qualification_professional';
    const withQ = (q: (i: number) => string) => toRosterCsv(org).trim().split('\n').map((line, i) => (i === 0 ? `${line}${cols}` : `${line},${q(i)}`)).join('\n');
    expect(await run(withQ((i) => (i <= 3 ? '6,BA (Hons) Social Work,2015-07-01,yes' : ',,,')))).toMatchObject({ outcome: 'imported' });
    const held = async () => (await stack.rt.qualifications.listAll(stack.tenantId)).map((q) => [q.personId, q.title, q.status, q.source]);
    expect(await held()).toHaveLength(3);
    expect((await held())[0]).toEqual([expect.any(String), 'BA (Hons) Social Work', 'confirmed', 'roster']);
    expect(await run(toRosterCsv(org))).toMatchObject({ outcome: 'imported' });
    expect(await held()).toHaveLength(3);
    expect(await run(withQ((i) => (i === 1 ? '7,MA Social Work,2018-07-01,yes' : ',,,')))).toMatchObject({ outcome: 'imported' });
    expect((await held()).map((q) => q[1])).toEqual(['MA Social Work']);
  });

  it('gives L&D turnover from the leavers imports mark, by profession, team, career stage and tenure, with no small count', async () => {
    const org = syntheticOrg(60);
    await run(org);
    clock.set('2027-03-01T10:00:00Z');
    // Three months on, five left: HR's next file no longer lists them.
    const leaving = org.slice(-5).map((p) => p.aadObjectId);
    await run(org.filter((p) => !leaving.includes(p.aadObjectId)));
    const { orgTurnover } = await import('../../app/plans/turnover');
    const { loadRollup } = await import('../../app/plans/rollup');
    const tables = await orgTurnover(stack.rt, '2027-03-01', await loadRollup(stack.rt, '2027-03-01'));
    expect(tables.map((t) => t.dimension)).toEqual(['profession', 'service', 'team', 'careerStage', 'tenure']);
    for (const table of tables) {
      expect(table.rows.reduce((n, r) => n + r.people, 0)).toBe(60);
      for (const r of table.rows) {
        expect(r.people).toBeGreaterThanOrEqual(3);
        if (r.leavers !== null) expect(r.leavers === 0 || (r.leavers >= 3 && r.people - r.leavers >= 3)).toBe(true);
      }
    }
    // However the five are spread, what is shown of them adds up to no more than five, and nothing names them.
    expect(tables[0]!.rows.reduce((n, r) => n + (r.leavers ?? 0), 0)).toBeLessThanOrEqual(5);
    expect(JSON.stringify(tables)).not.toMatch(new RegExp(org.slice(-5).map((p) => p.displayName).join('|')));
  });

  it('writes nothing when any row is bad', async () => {
    const org = syntheticOrg(50);
    await run(org);
    const before = await stack.rt.people.list(stack.tenantId);
    const csv = toRosterCsv([...org.slice(0, 49).map((p) => ({ ...p, jobTitle: 'Changed' })), { ...org[49]!, email: 'broken' }]);
    const result = await run(csv);
    expect(result).toMatchObject({ outcome: 'invalid', errors: [{ line: 51, message: 'email is not a valid email address' }] });
    expect(await stack.rt.people.list(stack.tenantId)).toEqual(before);
  });

  it('refuses to mark many people as leavers unless told to, and changes nothing meanwhile', async () => {
    const org = syntheticOrg(200);
    await run(org);
    const partial = org.slice(0, 150);
    expect(await run(partial)).toMatchObject({ outcome: 'too-many-leavers', summary: { leavers: 50 } });
    expect((await stack.rt.people.list(stack.tenantId)).filter((p) => p.status === 'left')).toHaveLength(0);
    expect(await run(partial, { dryRun: true, allowManyLeavers: true })).toMatchObject({ outcome: 'dry-run', summary: { leavers: 50 } });
    expect((await stack.rt.people.list(stack.tenantId)).filter((p) => p.status === 'left')).toHaveLength(0);
    expect(await run(partial, { allowManyLeavers: true })).toMatchObject({ outcome: 'imported', summary: { leavers: 50 } });
  });

  it("keeps what people set for themselves, and adopts people who introduced themselves", async () => {
    const org = syntheticOrg(20);
    await run(org);
    const someone = (await stack.rt.people.get(stack.tenantId, org[5]!.aadObjectId))!;
    await stack.rt.people.update(stack.tenantId, someone.aadObjectId, { preferredName: 'Sunny', workingDays: [1, 2] }, someone.etag);
    const newcomer = { ...syntheticOrg(21, 9)[20]!, managerId: org[0]!.aadObjectId };
    await stack.rt.people.addSelfIntroduced({
      ...newcomer, tenantId: stack.tenantId, status: 'pending', source: 'self', leftOn: null, confirmedBy: null,
      preferredName: null, supervisorId: null, workingDays: [1, 2, 3, 4, 5], revalidationDate: null, jobTitle: 'As they described it',
    });

    const result = await run([...org.map((p, i) => (i === 5 ? { ...p, jobTitle: 'Promoted' } : p)), newcomer]);
    expect(result).toMatchObject({ outcome: 'imported', summary: { adopted: 1, updated: 1 } });
    expect(await stack.rt.people.get(stack.tenantId, someone.aadObjectId)).toMatchObject({ jobTitle: 'Promoted', preferredName: 'Sunny', workingDays: [1, 2] });
    expect(await stack.rt.people.get(stack.tenantId, newcomer.aadObjectId)).toMatchObject({ status: 'active', source: 'roster', jobTitle: newcomer.jobTitle });

    // Someone who introduced themselves but is not on the roster is not a leaver.
    const another = await run(org);
    expect(another).toMatchObject({ outcome: 'imported', summary: { leavers: 1 } }); // the adopted newcomer, now rostered, is missing
  });

  it('still writes a batch when someone appeared after the roster was read', async () => {
    const org = syntheticOrg(30);
    const planned = (await import('../../core/rosterPlan')).planRosterImport([], org);
    // Between the read and the write, one of the "joiners" introduced themselves in Teams.
    await stack.rt.people.addSelfIntroduced({
      ...org[7]!, tenantId: stack.tenantId, status: 'pending', source: 'self', leftOn: null, confirmedBy: null,
      preferredName: 'Kept', supervisorId: null, workingDays: [1, 2, 3, 4, 5], revalidationDate: null,
    });
    await stack.rt.people.applyRoster(stack.tenantId, planned, '2026-11-23');
    const people = await stack.rt.people.list(stack.tenantId);
    expect(people).toHaveLength(30);
    expect(people.find((p) => p.aadObjectId === org[7]!.aadObjectId)).toMatchObject({ source: 'roster', status: 'active', preferredName: 'Kept' });
  });

  it('does not bring back as a stub someone whose row went between reading and writing', async () => {
    const org = syntheticOrg(30);
    await run(org);
    const existing = await stack.rt.people.list(stack.tenantId);
    const planned = (await import('../../core/rosterPlan')).planRosterImport(existing, org.slice(0, 25));
    expect(planned.leavers).toHaveLength(5);
    await stack.rt.tables.client('people').deleteEntity(stack.tenantId, planned.leavers[0]!.aadObjectId);
    await stack.rt.people.applyRoster(stack.tenantId, planned, '2026-11-23');
    expect(await stack.rt.people.get(stack.tenantId, planned.leavers[0]!.aadObjectId)).toBeUndefined();
    expect((await stack.rt.people.list(stack.tenantId)).filter((p) => p.status === 'left')).toHaveLength(4);
  });
});
