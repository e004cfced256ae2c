// Hostile text in names and free text — OData operators and quotes, HTML, Markdown, <at> mentions,
// card template syntax, emoji, control characters, huge strings — is stored and shown exactly as
// typed (never interpreted), or refused with a clear message when it cannot be stored at all.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PlanView, TeamView } from '../../api/shapes';
import { cardIdIn, cardText } from '../support/cards';
import { hrRecord, startTestStack, testClock, type InvokeResult, type TestStack } from '../support/stack';
import { storageSnapshot } from '../support/storageSnapshot';
import * as teams from '../support/teams';

const replyOf = (r: InvokeResult) => (typeof r.body?.value === 'string' ? r.body.value : cardText(r.body?.value));

/** Text that would do something if anything along the way interpreted it. */
const HOSTILE = {
  odata: "x' or PartitionKey ne 'y' or RowKey gt ''",
  html: '<script>alert("x")</script><img src=x onerror=alert(1)> &amp; &lt;',
  markdown: '**bold** _it_ # heading\n> quote\n- list [click](https://evil.example) `code`',
  mention: '<at>Dana Hughes</at> please look',
  template: '${$root.person.name} ${if(true, "a", "b")} ${json($root)} {{name}}',
  emoji: 'Shadowing 👩🏽‍⚕️ with 🧒🏿 school nurses — “quotes” ‘too’ 中文 עברית',
} as const;

const need = { areas: 'CC3', subHeading: 'CC3.S2', frameworkTag: '', priority: 'high', activityTypes: 'work_shadowing', targetDate: '2027-03-31' };

describe('hostile text', () => {
  let stack: TestStack;
  const clock = testClock('2026-11-23T10:00:00Z');
  const dana = teams.testUser('Dana Hughes', 'dana.hughes@example.org');
  // A name and a team with quotes, markup, template syntax and emoji, as HR might really send some of it.
  const siobhan = teams.testUser("Siobhán O'Brien-Ní **Dhomhnaill** <b>${name}</b> 👩🏽‍⚕️", 'siobhan.obrien@example.org');
  const TEAM = "Children's ' or '1' eq '1 <i>PaCT</i>";

  beforeAll(async () => {
    stack = await startTestStack({ clock });
    // Dozens of hostile strings through one chat in seconds: past Teams' per-conversation limits,
    // which this suite is not about (test/faults/throttling.test.ts is).
    stack.connector.limits = null;
    await stack.seed([
      hrRecord(dana, { jobTitle: 'Team Manager', team: TEAM, roles: ['practitioner', 'manager'] }),
      hrRecord(siobhan, { managerId: dana.aadObjectId, team: TEAM }),
    ]);
    for (const u of [dana, siobhan]) await stack.install(u);
  }, 60_000);
  afterAll(async () => stack?.stop());

  const token = (user: teams.TestUser) => stack.rt.devSignIn!.sign(user.aadObjectId, user.name);
  async function api<T>(path: string, user: teams.TestUser): Promise<{ status: number; body: T }> {
    const res = await fetch(`${stack.host.url}/api/${path}`, { headers: { authorization: `Bearer ${token(user)}` } });
    return { status: res.status, body: (await res.json()) as T };
  }

  async function addNeed(description: string) {
    const { cards } = await stack.message(siobhan, 'add need');
    return stack.act(siobhan, 'need.add', { cardId: cardIdIn(cards[0]), ...need, description });
  }

  for (const [kind, text] of Object.entries(HOSTILE)) {
    it(`keeps ${kind} in a learning need exactly as typed, in storage, the plan card and the tab`, async () => {
      expect(replyOf(await addNeed(text))).toMatch(/Added/i);
      const stored = (await stack.rt.needs.listFor(stack.tenantId, siobhan.aadObjectId)).find((n) => n.description === text);
      expect(stored?.description).toBe(text);

      // The plan card shows it as a text run: no Markdown, no template expansion, no HTML.
      const { cards } = await stack.message(siobhan, 'my plan');
      const runs = JSON.stringify(cards[0]);
      expect(runs).toContain(JSON.stringify({ type: 'TextRun', text }));

      // The tab gets it back as data (the page inserts text nodes; test/e2e covers the page).
      const mine = await api<PlanView>('tab/api/me', siobhan);
      expect(JSON.stringify(mine.body)).toContain(JSON.stringify(text));
      // So does their manager, for the plan they may see.
      const asManager = await api<PlanView>(`tab/api/people/${siobhan.aadObjectId}/plan`, dana);
      expect(asManager.status).toBe(200);
      expect(JSON.stringify(asManager.body)).toContain(JSON.stringify(text));
    });
  }

  it('shows a name with quotes, markup, template syntax and emoji as it is, and finds the team despite its quotes', async () => {
    const status = await stack.message(dana, 'team status');
    expect(JSON.stringify(status.cards)).toContain(JSON.stringify(siobhan.name).slice(1, -1));
    const team = await api<TeamView>('tab/api/team', dana);
    expect(team.status).toBe(200);
    expect(team.body.people.map((p) => p.name)).toEqual([siobhan.name]);
    // Nothing in the name or team became a template expression, an element or a mention.
    expect(JSON.stringify(status.cards)).not.toMatch(/"type":"(Mention|Image)"/);
  });

  it('writes the CSV export so a spreadsheet shows formulas as text', async () => {
    const { cards } = await stack.message(siobhan, 'log cpd');
    const saved = await stack.act(siobhan, 'cpd.save', {
      cardId: cardIdIn(cards[0]), activityType: 'reading_research', title: '=HYPERLINK("https://evil.example","Open")', date: '2026-11-20',
      hours: '1', participatoryHours: '0', codes: 'CC3', needIds: '', r_what: `+cmd|' /C calc'!A0 ${HOSTILE.template}`, confirmNotIdentifying: 'true',
    });
    expect(replyOf(saved)).toContain('Saved to your CPD record');
    const { cards: exported } = await stack.message(siobhan, 'export cpd');
    const csvUrl = /"url":"([^"]+\.csv)"/.exec(JSON.stringify(exported))![1]!;
    const csv = await (await fetch(`${stack.host.url}${new URL(csvUrl).pathname}`)).text(); // the link names the public URL
    expect(csv).toContain(`"'=HYPERLINK(""https://evil.example"",""Open"")"`);
    expect(csv).toContain(HOSTILE.template.replace(/"/g, '""'));
    expect(csv).not.toMatch(/(^|,)"[=+\-@]/m);
  });

  it('refuses control characters and huge text with a clear message, and stores nothing', async () => {
    const before = await storageSnapshot(stack.rt.tables);
    const { cards } = await stack.message(siobhan, 'add need');
    const cardId = cardIdIn(cards[0]);
    const snapshotAfterCard = await storageSnapshot(stack.rt.tables);
    expect(replyOf(await stack.act(siobhan, 'need.add', { cardId, ...need, description: 'bell\u0007 and escape\u001b[31m red' }))).toContain("contains characters that can't be stored");
    expect(replyOf(await stack.act(siobhan, 'need.add', { cardId, ...need, description: 'x'.repeat(100_000) }))).toMatch(/can be at most \d+ characters/);
    expect(await storageSnapshot(stack.rt.tables)).toEqual(snapshotAfterCard);
    expect(Object.values(snapshotAfterCard).flat().length).toBe(Object.values(before).flat().length + 1); // only the card it asked with
  });

  it('treats an OData-shaped person id in a tab URL as an id, never as a filter', async () => {
    for (const id of ["x' or PartitionKey ne '", "' or RowKey gt '", '%27%20or%201%20eq%201']) {
      const res = await api<{ error: string }>(`tab/api/people/${encodeURIComponent(id)}/plan`, dana);
      expect([400, 403, 404]).toContain(res.status);
      expect(res.body.error).toMatch(/\w/);
      expect(JSON.stringify(res.body)).not.toContain('Siob');
    }
  });
});
