// People who never opened Weave: with WEAVE_PROACTIVE_INSTALL=graph, a message that cannot reach
// someone installs Weave for them through Microsoft Graph (a fake on loopback), waits for Teams'
// installation event, then sends. Graph's throttling is waited out; a block by app permission policy
// ends as "blocked by policy", and a person with no Teams licence as not installed — neither asked again.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runSessionPrompts } from '../../jobs/sessionPrompts';
import { cardText } from '../support/cards';
import { startFakeGraph, type FakeGraph } from '../support/fakeGraph';
import { activityOptions, hrRecord, startTestStack, testClock, type TestStack } from '../support/stack';
import * as teams from '../support/teams';

const CATALOG_ID = '0c7a5b1e-3f4d-4e6a-9b8c-1d2e3f4a5b6c';
const cardIdOf = (card: Record<string, unknown>) => (card.actions as { data?: { cardId?: string } }[]).find((a) => a.data?.cardId)!.data!.cardId!;

describe('proactive installation through Microsoft Graph', () => {
  let stack: TestStack;
  let graph: FakeGraph;
  const clock = testClock('2026-11-23T09:00:00Z');
  const dana = teams.testUser('Dana Hughes', 'dana.hughes@example.org');
  const priya = teams.testUser('Priya Shah', 'priya.shah@example.org');
  const people = new Map([dana, priya].map((u) => [u.aadObjectId, u]));

  beforeEach(async () => {
    clock.set('2026-11-23T09:00:00Z');
    graph = await startFakeGraph();
    stack = await startTestStack({ clock, env: { WEAVE_PROACTIVE_INSTALL: 'graph', WEAVE_TEAMS_APP_CATALOG_ID: CATALOG_ID, WEAVE_GRAPH_URL: graph.url } });
    // Once Graph has installed the app, Teams tells the bot: the installation event, into Priya's new chat.
    graph.onInstalled = (userId) => stack.post(teams.personalInstall(people.get(userId)!, activityOptions(stack)));
    await stack.seed([
      hrRecord(dana, { jobTitle: 'Team Manager', profession: 'manager', careerStage: 'manager', roles: ['practitioner', 'manager'] }),
      hrRecord(priya, { managerId: dana.aadObjectId }),
    ]);
    await stack.install(dana); // Priya has never opened Weave
  });
  afterEach(async () => {
    await stack?.stop();
    await graph?.stop();
  });

  /** Dana records Priya's supervision for Friday 4 December; the prompt is due on Tuesday 1 December at 08:30. */
  async function promptDue() {
    const { cards } = await stack.message(dana, 'supervision');
    await stack.act(dana, 'schedule.save', { cardId: cardIdOf(cards[0]!), personId: priya.aadObjectId, kind: 'supervision', date: '2026-12-04', time: '10:00', repeat: 'none' });
    clock.set('2026-12-01T08:30:00Z');
    await runSessionPrompts(stack.rt);
  }

  const promptFor = (user: teams.TestUser) => (a: { conversationId: string; activity: Record<string, unknown> }) =>
    a.conversationId === teams.personalConversationId(user) && JSON.stringify(a.activity).includes('Supervision with Dana Hughes');
  it('installs Weave for someone who never opened it, waits for the installation event, then sends their supervision prompt', async () => {
    await promptDue();

    const prompt = await stack.connector.waitFor(promptFor(priya), 15_000);
    const card = (prompt.activity.attachments as { content: Record<string, unknown> }[])[0]!.content;
    expect(cardText(card)).toContain('Supervision with Dana Hughes on Friday 4 December at 10:00');
    // One request to Graph, for Priya, naming Weave's catalog id, with no token (none locally).
    expect(graph.requests.map((r) => ({ userId: r.userId, status: r.status, body: r.body, authorization: r.authorization }))).toEqual([
      { userId: priya.aadObjectId, status: 201, body: { 'teamsApp@odata.bind': `${graph.url}/v1.0/appCatalogs/teamsApps/${CATALOG_ID}` }, authorization: undefined },
    ]);
    // Her chat is known now; she was greeted when Weave arrived, and got the prompt once.
    expect(await stack.rt.conversations.get(stack.tenantId, priya.aadObjectId)).toMatchObject({ status: 'installed' });
    // (The outbox still holds the delivery's one-minute check-back, in case the event never came: it will find it sent.)
    await new Promise((r) => setTimeout(r, 500));
    expect(stack.connector.sent.filter(promptFor(priya))).toHaveLength(1);
    expect(await deliveriesTo(stack, priya)).toEqual([{ state: 'sent', lastError: 'waiting for Teams to install Weave' }]);
    expect(await stack.rt.installs.get(stack.tenantId, priya.aadObjectId)).toBeUndefined();
  }, 30_000);

  it('waits out Graph\'s throttling (429 with Retry-After), then installs and sends', async () => {
    graph.answers.set(priya.aadObjectId, { throttled: 2, retryAfterSeconds: 1 });
    await promptDue();

    await stack.connector.waitFor(promptFor(priya), 20_000);
    const asked = graph.requests.filter((r) => r.userId === priya.aadObjectId);
    expect(asked.map((r) => r.status)).toEqual([429, 429, 201]);
    for (let i = 1; i < asked.length; i++) expect(asked[i]!.at - asked[i - 1]!.at).toBeGreaterThanOrEqual(1000 - 25);
  }, 30_000);

  it.each([
    ['blocked', 'blocked', 'blocked by policy: an app permission policy keeps Weave from them'],
    ['not_licensed', 'not_installed', 'not licensed for Teams'],
  ] as const)('ends a person Graph refuses as %s (%s), and does not ask Graph again for the next message', async (answer, state, reason) => {
    graph.answers.set(priya.aadObjectId, answer);
    await promptDue();
    await stack.drainOutbox();

    expect(await deliveriesTo(stack, priya)).toEqual([{ state, lastError: reason }]);
    expect(graph.requests).toHaveLength(1);

    // Another message for her: the refusal is remembered.
    await stack.rt.outbox.sendText(stack.tenantId, 'another', priya.aadObjectId, 'Hello again');
    await stack.drainOutbox();
    expect((await stack.rt.deliveries.get('another', priya.aadObjectId))).toMatchObject({ state, lastError: reason });
    expect(graph.requests).toHaveLength(1);
    expect(stack.connector.to(teams.personalConversationId(priya))).toEqual([]);
  }, 30_000);
});

/** Every delivery to a person, whatever the batch (a scan: small test tables only). */
async function deliveriesTo(stack: TestStack, user: teams.TestUser) {
  const rows: { state: string; lastError: string }[] = [];
  for await (const e of stack.rt.tables.client('deliveries').listEntities<{ state: string; lastError: string }>()) {
    if (e.rowKey === user.aadObjectId) rows.push({ state: e.state, lastError: e.lastError });
  }
  return rows;
}
