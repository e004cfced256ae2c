// A run tests the bot SDK it says it does: the protocol suites' second pass (vitest's `teams-sdk`
// project) answers through the Teams SDK, not botbuilder again. The two send a reply differently:
// botbuilder replies to the activity (…/activities/{id}), the Teams SDK posts into the conversation.
import { afterEach, expect, it } from 'vitest';
import { botSdkUnderTest, hrRecord, startTestStack, type TestStack } from '../support/stack';
import * as teams from '../support/teams';

let stack: TestStack | undefined;
afterEach(async () => stack?.stop());

it('answers through the bot SDK this run tests', async () => {
  stack = await startTestStack();
  const user = teams.testUser('Priya Shah', 'priya.shah@example.org');
  await stack.seed([hrRecord(user)]);
  expect(stack.config.botSdk).toBe(botSdkUnderTest());

  expect((await stack.message(user, 'help')).cards).toHaveLength(1);

  const replies = stack.connector.requests.filter((r) => r.method === 'POST' && decodeURIComponent(r.path).includes(teams.personalConversationId(user)));
  expect(replies.length).toBeGreaterThan(0);
  const repliedToActivity = replies.every((r) => /\/activities\/[^/]+$/.test(r.path));
  expect(repliedToActivity).toBe(botSdkUnderTest() === 'botbuilder');
});
