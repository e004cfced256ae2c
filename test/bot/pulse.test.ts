// The integration pulse end to end: the quarter's card goes once to each person in their working
// hours, they answer (or say not now), one reminder goes to those who did neither; results appear
// only once a group has five answers; and nobody's answer can be found again — not in any table,
// not from the tab's API.
import ExcelJS from 'exceljs';
import { teamChannelPulseLine } from '../../app/pulse/results';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { OrgView, TeamView } from '../../api/shapes';
import { runPulse } from '../../jobs/pulse';
import { TABLES } from '../../store/tables';
import { cardText } from '../support/cards';
import { hrRecord, startTestStack, testClock, type TestStack } from '../support/stack';
import * as teams from '../support/teams';

const cardIdOf = (card: Record<string, unknown>) => (card.actions as { data?: { cardId?: string } }[]).find((a) => a.data?.cardId)!.data!.cardId!;

const agreeing = { understand: '4', contact: '5', valued: '4', learned: 'yes' };
const disagreeing = { understand: '2', contact: '1', valued: '2', learned: 'no' };

describe('integration pulse', () => {
  let stack: TestStack;
  // Monday 2 November 2026: the quarter's pulse opens on 1 November (policy/pulse.json), working hours 10:00–16:00.
  const clock = testClock('2026-11-02T09:00:00Z');
  const dana = teams.testUser('Dana Hughes', 'dana.hughes@example.org');
  const morgan = teams.testUser('Morgan Ellis', 'morgan.ellis@example.org');
  const staff = ['Priya Shah', 'Eve Marsh', 'Kelly Nash', 'Sam Okafor', 'Jo Reed', 'Ali Khan'].map((name) => teams.testUser(name, `${name.split(' ')[0]!.toLowerCase()}@example.org`));
  const [priya, eve, kelly] = staff as [teams.TestUser, teams.TestUser, teams.TestUser];
  const everyone = [dana, morgan, ...staff];

  async function job(at: string) {
    clock.set(at);
    const summary = await runPulse(stack.rt);
    await stack.drainOutbox();
    return summary;
  }

  async function api<T>(user: teams.TestUser, path: string): Promise<T> {
    const res = await fetch(`${stack.host.url}/api/tab/api/${path}`, { headers: { authorization: `Bearer ${stack.rt.devSignIn!.sign(user.aadObjectId, user.name)}` } });
    expect(res.status).toBe(200);
    return (await res.json()) as T;
  }

  /** Every row of every table, as text. */
  async function everyRow(): Promise<{ table: string; row: Record<string, unknown>; text: string }[]> {
    const out: { table: string; row: Record<string, unknown>; text: string }[] = [];
    for (const table of Object.values(TABLES)) {
      for await (const row of stack.rt.tables.client(table).listEntities<Record<string, unknown>>()) out.push({ table, row, text: JSON.stringify(row) });
    }
    return out;
  }

  beforeEach(async () => {
    clock.set('2026-11-02T09:00:00Z');
    stack = await startTestStack({ clock });
    await stack.seed([
      hrRecord(dana, { jobTitle: 'Team Manager', profession: 'manager', careerStage: 'manager', team: 'PaCT', service: "Children's social care", roles: ['practitioner', 'manager'] }),
      hrRecord(morgan, { jobTitle: 'Workforce Development Lead', profession: 'business_support', team: 'Workforce Development', service: 'Corporate', registrationBody: 'none', roles: ['practitioner', 'ld_admin'] }),
      ...staff.map((u) => hrRecord(u, { managerId: dana.aadObjectId, team: 'PaCT', service: "Children's social care" })),
    ], '2026-06-01');
    for (const u of everyone) await stack.install(u);
  });
  afterEach(async () => stack?.stop());

  it('is sent once a quarter in working hours, answered or put off, with one reminder to those who did neither', async () => {
    expect(await job('2026-11-02T09:00:00Z')).toBe('sent 0, reminded 0'); // before working hours
    expect(stack.repliesTo(priya).cards).toHaveLength(0);
    expect(await job('2026-11-02T10:40:00Z')).toBe(`sent ${everyone.length}, reminded 0`);
    const [card] = stack.repliesTo(priya).cards;
    expect(cardText(card)).toContain('I understand the roles and responsibilities of colleagues in the other professions I work with.');
    expect(cardText(card)).toContain('never your name');
    const eveCard = stack.repliesTo(eve).cards[0]!;
    const kellyCard = stack.repliesTo(kelly).cards[0]!;

    // Running again, even twice at once, sends nothing new.
    clock.set('2026-11-02T11:40:00Z');
    expect(await Promise.all([runPulse(stack.rt), runPulse(stack.rt)])).toEqual(['sent 0, reminded 0', 'sent 0, reminded 0']);
    await stack.drainOutbox();
    expect(stack.repliesTo(priya).cards).toHaveLength(0);

    // Priya answers: thanked, and a second answer is refused, on the card or with `pulse`.
    const answered = await stack.act(priya, 'pulse.send', { cardId: cardIdOf(card!), ...agreeing });
    expect(cardText(answered.body?.value)).toContain('Thank you: your answers are in');
    expect(JSON.stringify(await stack.act(priya, 'pulse.send', { cardId: cardIdOf(card!), ...disagreeing }))).toContain("already answered");
    expect((await stack.message(priya, 'pulse')).texts.join(' ')).toContain('You have answered the pulse for October to December 2026 already');
    // An answer missing a statement is shown again to fix, and stores nothing.
    const partial = await stack.act(eve, 'pulse.send', { cardId: cardIdOf(eveCard), understand: '4' });
    expect(cardText(partial.body?.value)).toContain('Statement 2: choose one.');
    // Kelly says not now: no reminder for her, but the card still works.
    expect(cardText((await stack.act(kelly, 'pulse.notNow', { cardId: cardIdOf(kellyCard) })).body?.value)).toContain('No reminder this quarter');

    // Four working days on: no reminder yet. Five: one, to those who neither answered nor said not now.
    expect(await job('2026-11-06T10:40:00Z')).toBe('sent 0, reminded 0');
    expect(await job('2026-11-09T10:40:00Z')).toBe(`sent 0, reminded ${everyone.length - 2}`);
    expect(stack.repliesTo(priya).cards).toHaveLength(0);
    expect(stack.repliesTo(kelly).cards).toHaveLength(0);
    const reminder = stack.repliesTo(eve).cards;
    expect(reminder).toHaveLength(1);
    expect(cardText(reminder[0])).toContain('Reminder');
    expect(await job('2026-11-16T10:40:00Z')).toBe('sent 0, reminded 0');

    // Kelly changes her mind on the same card.
    expect(cardText((await stack.act(kelly, 'pulse.send', { cardId: cardIdOf(kellyCard), ...agreeing })).body?.value)).toContain('Thank you');

    // Next quarter: a new card on 1 February (a Monday), once.
    expect(await job('2027-01-29T10:40:00Z')).toBe('sent 0, reminded 0');
    expect(await job('2027-02-01T10:40:00Z')).toBe(`sent ${everyone.length}, reminded 0`);
    const next = stack.repliesTo(priya).cards;
    expect(next).toHaveLength(1);
    expect(cardText(next[0])).toContain('January to March 2027');
    // Last quarter's card is closed.
    expect(JSON.stringify(await stack.act(eve, 'pulse.send', { cardId: cardIdOf(eveCard), ...agreeing }))).toMatch(/expired|closed/);
  });

  it('shows results only once a group has five answers, and no answer can be traced to its person', async () => {
    await job('2026-11-02T10:40:00Z');
    const cards = new Map([...staff, dana].map((u) => [u.aadObjectId, cardIdOf(stack.repliesTo(u).cards[0]!)]));
    for (const u of staff.slice(0, 4)) await stack.act(u, 'pulse.send', { cardId: cards.get(u.aadObjectId)!, ...agreeing });

    // Four answers: nothing, anywhere.
    let org = await api<OrgView>(morgan, 'org');
    expect(org.pulse.organisation.at(-1)).toBeNull();
    expect(org.pulse.dimensions.flatMap((d) => d.rows.map((r) => r.trend.at(-1)))).toEqual(org.pulse.dimensions.flatMap((d) => d.rows.map(() => null)));
    let team = await api<TeamView>(dana, 'team');
    expect(team.pulse.quarters.at(-1)).toMatchObject({ mine: null, organisation: null });

    // The fifth (disagreeing) answer: the organisation, the service, the team and social workers show.
    await stack.act(staff[4]!, 'pulse.send', { cardId: cards.get(staff[4]!.aadObjectId)!, ...disagreeing });
    org = await api<OrgView>(morgan, 'org');
    expect(org.pulse.organisation.at(-1)).toEqual({ responses: 5, understand: 80, contact: 80, valued: 80, learned: 80 });
    const service = org.pulse.dimensions.find((d) => d.dimension === 'service')!.rows.find((r) => r.group === "Children's social care")!;
    expect(service.trend.at(-1)).toMatchObject({ responses: 5 });
    // Corporate (Morgan's service) and managers (Dana's profession) have no answers: not shown, like any small group.
    expect(org.pulse.dimensions.find((d) => d.dimension === 'service')!.rows.find((r) => r.group === 'Corporate')!.trend.at(-1)).toBeNull();
    team = await api<TeamView>(dana, 'team');
    expect(team.pulse.quarters.at(-1)!.mine).toMatchObject({ level: 'team', name: 'PaCT', figures: { responses: 5 } });

    // Dana answers too (a manager in PaCT): now six in PaCT but five social workers — the one
    // manager would be PaCT minus social workers, so social workers are no longer shown.
    await stack.act(dana, 'pulse.send', { cardId: cards.get(dana.aadObjectId)!, ...disagreeing });
    org = await api<OrgView>(morgan, 'org');
    expect(org.pulse.organisation.at(-1)).toMatchObject({ responses: 6 });
    const professions = org.pulse.dimensions.find((d) => d.dimension === 'profession')!.rows;
    expect(professions.every((r) => r.trend.at(-1) === null)).toBe(true);

    // Storage: the answers are there, and no row with an answer names anyone.
    const rows = await everyRow();
    const responses = rows.filter((r) => r.table === TABLES.pulseResponses);
    expect(responses).toHaveLength(6);
    const ids = everyone.flatMap((u) => [u.aadObjectId, u.name, u.email]);
    const cardIds = [...cards.values()];
    for (const r of responses) {
      for (const id of [...ids, ...cardIds]) expect(r.text).not.toContain(id);
      // Its own fields only: the group and the answers; no time of ours (Table Storage's Timestamp is its own).
      expect(Object.keys(r.row).filter((k) => !['partitionKey', 'rowKey', 'etag', 'timestamp'].includes(k) && !k.includes('@')).sort())
        .toEqual(['contact', 'learned', 'profession', 'service', 'team', 'understand', 'valued']);
    }
    // No row anywhere holds a person's id together with an answer's fields.
    for (const r of rows) {
      if (!ids.some((id) => r.text.includes(id))) continue;
      expect(Object.keys(r.row)).not.toEqual(expect.arrayContaining(['understand']));
      expect(r.text).not.toMatch(/"(understand|contact|valued|learned)":/);
    }
    // The marker says only that they answered.
    const marker = rows.find((r) => r.table === TABLES.pulsePeople && r.row.personId === priya.aadObjectId)!;
    expect(marker.row).toMatchObject({ answered: true });
    // Cards and deliveries keep no answers either (the card's context is the quarter only).
    for (const r of rows.filter((x) => x.table === TABLES.cards && x.row.kind === 'pulse')) expect(JSON.parse(r.row.context as string)).toEqual({ quarter: '2026-Q4' });

    // The tab: L&D's and the manager's views name nobody.
    const seen = JSON.stringify([org, await api<TeamView>(dana, 'team')].map((v) => v.pulse));
    for (const u of everyone) expect(seen).not.toContain(u.name);
    for (const u of everyone) expect(seen).not.toContain(u.aadObjectId);

    // The workbook's pulse sheet: the same suppressed figures, nobody named.
    const res = await fetch(`${stack.host.url}/api/tab/api/org/workbook`, { headers: { authorization: `Bearer ${stack.rt.devSignIn!.sign(morgan.aadObjectId, morgan.name)}` } });
    expect(res.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await res.arrayBuffer());
    const sheet = book.getWorksheet('Integration pulse')!;
    const cells: string[][] = [];
    sheet.eachRow((row) => cells.push((row.values as unknown[]).slice(1).map(String)));
    const text = JSON.stringify(cells);
    for (const u of everyone) expect(text).not.toContain(u.name);
    expect(cells.find((r) => r[0] === 'Oct–Dec 2026' && r[1] === 'Organisation')).toEqual(['Oct–Dec 2026', 'Organisation', 'Organisation', '6', '67', '67', '67', '67', '']);
    expect(cells.find((r) => r[0] === 'Oct–Dec 2026' && r[2] === 'Social worker')!.slice(3, 8)).toEqual(['not shown', 'not shown', 'not shown', 'not shown', 'not shown']);

    // Logs say that someone answered, never what.
    const logged = JSON.stringify(stack.logs.filter((l) => l.event.startsWith('pulse')));
    expect(logged).not.toMatch(/understand|valued|learned|contact/);
  });

  it("shows managers their team against the organisation, and flags a group whose \"valued\" fell two quarters running", async () => {
    // Three quarters of answers from PaCT's social workers, feeling less valued each time.
    const quarters = [['2026-Q2', [5, 5, 5, 4, 4, 4, 4]], ['2026-Q3', [5, 4, 4, 4, 2, 2, 2]], ['2026-Q4', [4, 4, 2, 2, 2, 1, 1]]] as const;
    let n = 0;
    for (const [quarter, valued] of quarters) {
      for (const v of valued) {
        await stack.rt.pulse.addResponse(stack.tenantId, `seeded-${n++}`, { quarter, team: 'PaCT', service: "Children's social care", profession: 'social_worker', understand: 4, contact: 4, valued: v, learned: true });
      }
    }
    clock.set('2026-11-23T10:00:00Z');
    const plan = cardText((await stack.message(morgan, 'org plan')).cards[0]);
    expect(plan).toContain('Is "us and them" closing?');
    expect(plan).toContain('Oct–Dec 2026: 100% understand other roles');
    expect(plan).toContain('Jul–Sep 2026: 100% understand other roles · 100% know who to contact · 57% feel valued');
    expect(plan).toContain('29% feel valued');
    expect(plan).toContain('Social worker: feeling valued by other professions has fallen two quarters running');
    expect(plan).toContain("Children's social care: feeling valued by other professions has fallen two quarters running");

    const digest = cardText((await stack.message(dana, 'team plan')).cards[0]);
    expect(digest).toContain('Integration pulse, Oct–Dec 2026 — your team: 100% understand other roles');
    expect(digest).toContain('(7 answered); the organisation:');
    const team = await api<TeamView>(dana, 'team');
    expect(team.pulse.quarters.map((q) => q.mine?.figures.valued ?? null)).toEqual([null, null, null, null, null, 100, 57, 29]);

    // The team's channel gets the team's own line, from 5 answers; a team with fewer gets none.
    expect(await teamChannelPulseLine(stack.rt, 'PaCT', '2026-11-23')).toMatch(/^Integration pulse, Oct–Dec 2026: 100% understand other roles .*29% feel valued/);
    for (let i = 0; i < 4; i++) {
      await stack.rt.pulse.addResponse(stack.tenantId, `mash-${i}`, { quarter: '2026-Q4', team: 'MASH', service: "Children's social care", profession: 'social_worker', understand: 2, contact: 2, valued: 2, learned: false });
    }
    expect(await teamChannelPulseLine(stack.rt, 'MASH', '2026-11-23')).toBeNull();
  });
});
